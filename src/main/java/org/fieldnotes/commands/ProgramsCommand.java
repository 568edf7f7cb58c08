package org.fieldnotes.commands;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Cadence;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.PromptSet;
import org.fieldnotes.placement.Visibility;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes programs} (admins): each programme with its numbers of active, paused and ended placements and
 * its default visibility; {@code /fieldnotes programs <programme> visibility [option]} shows or sets that default,
 * and {@code cadence}, {@code prompt-set} and {@code review-every} the programme's rhythm in the same form;
 * {@code /fieldnotes programs <programme> digest [day:…] [time:…] [channel:…]} shows or sets its digest defaults.
 */
@Component
class ProgramsCommand implements Subcommand {

	/** {@code <programme> visibility [option]}; the programme may be quoted. */
	private static final Pattern VISIBILITY = Pattern.compile("^(.+?)\\s+visibility(?:\\s+(\\S+))?$",
			Pattern.CASE_INSENSITIVE);
	/** {@code <programme> cadence|prompt-set|review-every [value]}; the programme may be quoted. */
	private static final Pattern RHYTHM = Pattern.compile("^(.+?)\\s+(cadence|prompt-set|review-every)(?:\\s+(\\S+))?$",
			Pattern.CASE_INSENSITIVE);

	/** {@code <programme> digest [day:…] [time:…] [channel:…]}; the programme may be quoted. */
	private static final Pattern DIGEST = Pattern.compile("^(.+?)\\s+digest((?:\\s+[A-Za-z]+:\\S*)*)$",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern DIGEST_PART = Pattern.compile("([A-Za-z]+):(\\S*)");

	/** {@code <programme> sign-off [on|off]}; the programme may be quoted. */
	private static final Pattern SIGN_OFF = Pattern.compile("^(.+?)\\s+sign-off(?:\\s+(\\S+))?$",
			Pattern.CASE_INSENSITIVE);

	/** {@code <programme> required-hours [hours|none]}; the programme may be quoted. */
	private static final Pattern REQUIRED_HOURS = Pattern.compile("^(.+?)\\s+required-hours(?:\\s+(\\S+))?$",
			Pattern.CASE_INSENSITIVE);

	private final PlacementManagement placements;
	private final Programs programs;
	private final AuditLog audit;
	private final Replies replies;
	private final Coordination coordination;

	ProgramsCommand(PlacementManagement placements, Programs programs, AuditLog audit, Replies replies,
			Coordination coordination) {
		this.placements = placements;
		this.programs = programs;
		this.audit = audit;
		this.replies = replies;
		this.coordination = coordination;
	}

	@Override
	public String name() {
		return "programs";
	}

	@Override
	public int helpOrder() {
		return 105;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		if (RHYTHM.matcher(invocation.rest().strip()).matches()) {
			return rhythm(invocation, locale);
		}
		if (DIGEST.matcher(invocation.rest().strip()).matches()) {
			return digest(invocation, locale);
		}
		if (SIGN_OFF.matcher(invocation.rest().strip()).matches()) {
			return signOff(invocation, locale);
		}
		if (REQUIRED_HOURS.matcher(invocation.rest().strip()).matches()) {
			return requiredHours(invocation, locale);
		}
		if (!invocation.rest().isBlank()) {
			return visibility(invocation, locale);
		}
		// programme names compared without regard to case; shown as first written
		Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Actor admin = coordination.of(invocation);
		for (Placement p : placements.all().stream().filter(p -> admin.coordinates(p.getProgram())).toList()) {
			counts.computeIfAbsent(p.getProgram(), k -> new int[PlacementStatus.values().length])[p.getStatus().ordinal()]++;
		}
		if (counts.isEmpty()) {
			return replies.text("programs.none", locale);
		}
		String heading = replies.t("programs.heading", locale, counts.size());
		List<Item> items = counts.entrySet()
			.stream()
			.map(e -> new Item(e.getKey(), replies.t("programs.line", locale,
					e.getValue()[PlacementStatus.ACTIVE.ordinal()], e.getValue()[PlacementStatus.PAUSED.ordinal()],
					e.getValue()[PlacementStatus.ENDED.ordinal()]) + " · "
					+ replies.t("programs.visibility.line", locale, programs.of(e.getKey()).visibility().key())))
			.toList();
		var message = ChatMessage.builder(heading).heading(heading);
		for (int i = 0; i < items.size(); i += 20) {
			message.items(items.subList(i, Math.min(items.size(), i + 20)));
		}
		return message.build();
	}

	/** {@code <programme> visibility}: shows the programme's default; with an option, sets it (audited). */
	private ChatMessage visibility(Invocation invocation, Locale locale) {
		Matcher matcher = VISIBILITY.matcher(invocation.rest().strip());
		if (!matcher.matches()) {
			return usage(replies.t("programs.visibility.bad", locale, invocation.rest().strip()), locale);
		}
		String program = unquoted(matcher.group(1));
		if (program.isEmpty() || !programs.known(program)) {
			audit.record(invocation.actor(), "program-visibility", null, null, AuditLog.REFUSED, "unknown programme");
			return usage(replies.t("programs.visibility.unknown", locale, program), locale);
		}
		if (!coordination.of(invocation).coordinates(program)) {
			audit.record(invocation.actor(), "program-visibility", null, null, AuditLog.REFUSED, "other programme");
			return coordination.refusal(coordination.of(invocation), locale);
		}
		String name = placements.all().stream().map(Placement::getProgram)
			.filter(p -> p.strip().equalsIgnoreCase(program)).findFirst().orElse(program);
		if (matcher.group(2) == null) {
			return replies.text("programs.visibility.current", locale, name, programs.of(name).visibility().key());
		}
		Optional<Visibility> chosen = Visibility.parse(matcher.group(2));
		if (chosen.isEmpty()) {
			audit.record(invocation.actor(), "program-visibility", null, null, AuditLog.REFUSED, "bad value");
			return usage(replies.t("programs.visibility.bad", locale, matcher.group(2)), locale);
		}
		programs.setDefaultVisibility(name, chosen.get());
		audit.record(invocation.actor(), "program-visibility", null, null, AuditLog.DONE,
				name + ": " + chosen.get().key());
		return replies.text("programs.visibility.set", locale, name, chosen.get().key());
	}

	/**
	 * {@code <programme> cadence|prompt-set|review-every}: shows the setting; with a value, sets it (audited as
	 * {@code program-settings}), which moves the programme's placements' next prompts at once.
	 */
	private ChatMessage rhythm(Invocation invocation, Locale locale) {
		Matcher matcher = RHYTHM.matcher(invocation.rest().strip());
		matcher.matches();
		String program = unquoted(matcher.group(1));
		String setting = matcher.group(2).toLowerCase(Locale.ROOT);
		String value = matcher.group(3);
		if (program.isEmpty() || !programs.known(program)) {
			audit.record(invocation.actor(), "program-settings", null, null, AuditLog.REFUSED, "unknown programme");
			return rhythmUsage(replies.t("programs.visibility.unknown", locale, program), locale);
		}
		if (!coordination.of(invocation).coordinates(program)) {
			audit.record(invocation.actor(), "program-settings", null, null, AuditLog.REFUSED, "other programme");
			return coordination.refusal(coordination.of(invocation), locale);
		}
		String name = placements.all().stream().map(Placement::getProgram)
			.filter(p -> p.strip().equalsIgnoreCase(program)).findFirst().orElse(program);
		if (value == null) {
			return replies.text("programs." + setting + ".current", locale, name,
					described(programs.of(name), setting, locale));
		}
		Programs.Change change = switch (setting) {
			case "cadence" -> Cadence.parse(value).map(c -> new Programs.Change(null, c, null, null)).orElse(null);
			case "prompt-set" -> PromptSet.parse(value).map(p -> new Programs.Change(null, null, p, null)).orElse(null);
			default -> value.equalsIgnoreCase("none") ? new Programs.Change(null, null, null, "")
					: ProgramSettings.parsePeriod(value).map(p -> new Programs.Change(null, null, null, p.toString()))
						.orElse(null);
		};
		if (change == null) {
			audit.record(invocation.actor(), "program-settings", null, null, AuditLog.REFUSED, "bad " + setting);
			return rhythmUsage(replies.t("programs." + setting + ".bad", locale, value), locale);
		}
		ProgramSettings saved = programs.change(name, change);
		audit.record(invocation.actor(), "program-settings", null, null, AuditLog.DONE, name + ": cadence "
				+ saved.rhythm().key() + ", promptSet " + saved.prompts().key() + ", reviewEvery "
				+ saved.reviewPeriod().map(Object::toString).orElse("none"));
		return replies.text("programs." + setting + ".set", locale, name, described(saved, setting, locale));
	}

	/**
	 * {@code <programme> digest}: shows the programme's digest defaults; with {@code day:}, {@code time:} or
	 * {@code channel:} ({@code none} unsets one), sets them (audited as {@code program-digest}), which moves the
	 * digests of the programme's followers who chose nothing themselves at once.
	 */
	private ChatMessage digest(Invocation invocation, Locale locale) {
		Matcher matcher = DIGEST.matcher(invocation.rest().strip());
		matcher.matches();
		String program = unquoted(matcher.group(1));
		if (program.isEmpty() || !programs.known(program)) {
			audit.record(invocation.actor(), "program-digest", null, null, AuditLog.REFUSED, "unknown programme");
			return digestUsage(replies.t("programs.visibility.unknown", locale, program), locale);
		}
		if (!coordination.of(invocation).coordinates(program)) {
			audit.record(invocation.actor(), "program-digest", null, null, AuditLog.REFUSED, "other programme");
			return coordination.refusal(coordination.of(invocation), locale);
		}
		String name = placements.all().stream().map(Placement::getProgram)
			.filter(p -> p.strip().equalsIgnoreCase(program)).findFirst().orElse(program);
		DayOfWeek day = null;
		LocalTime time = null;
		String channel = null;
		Set<String> cleared = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		Matcher part = DIGEST_PART.matcher(matcher.group(2));
		while (part.find()) {
			String key = part.group(1).toLowerCase(Locale.ROOT);
			String value = part.group(2).strip();
			boolean none = value.equalsIgnoreCase("none");
			switch (key) {
				case "day" -> {
					if (none) {
						cleared.add("digestDay");
					}
					else if (!isDay(Enrolment.dayName(value))) {
						problems.add(replies.t("programs.digest.badDay", locale, value));
					}
					else {
						day = DayOfWeek.valueOf(Enrolment.dayName(value));
					}
				}
				case "time" -> {
					if (none) {
						cleared.add("digestTime");
					}
					else if (!value.matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
						problems.add(replies.t("programs.digest.badTime", locale, value));
					}
					else {
						time = LocalTime.parse(value.length() == 4 ? "0" + value : value);
					}
				}
				case "channel" -> {
					if (none) {
						cleared.add("digestChannel");
					}
					else if (!ProgramSettings.DIGEST_CHANNELS.contains(value.toLowerCase(Locale.ROOT))) {
						problems.add(replies.t("programs.digest.badChannel", locale, value));
					}
					else {
						channel = value.toLowerCase(Locale.ROOT);
					}
				}
				default -> problems.add(replies.t("programs.digest.badPart", locale, key));
			}
		}
		if (!problems.isEmpty()) {
			audit.record(invocation.actor(), "program-digest", null, null, AuditLog.REFUSED, "bad value");
			return digestUsage(String.join(" ", problems), locale);
		}
		Programs.DigestDefaults change = new Programs.DigestDefaults(day, time, channel, cleared);
		if (day == null && time == null && channel == null && cleared.isEmpty()) {
			return replies.text("programs.digest.current", locale, name, digestDescribed(programs.of(name), locale));
		}
		ProgramSettings saved = programs.change(name, new Programs.Change(null, null, null, null, change));
		audit.record(invocation.actor(), "program-digest", null, null, AuditLog.DONE, name + ": day "
				+ orNone(saved.digestDay()) + ", time " + orNone(saved.digestTime()) + ", channel "
				+ orNone(saved.digestChannel()));
		return replies.text("programs.digest.set", locale, name, digestDescribed(saved, locale));
	}

	/**
	 * {@code <programme> sign-off}: shows whether the programme's managers sign off each week; with {@code on} or
	 * {@code off}, sets it (audited as {@code program-signoff}).
	 */
	private ChatMessage signOff(Invocation invocation, Locale locale) {
		Matcher matcher = SIGN_OFF.matcher(invocation.rest().strip());
		matcher.matches();
		String program = unquoted(matcher.group(1));
		String value = matcher.group(2);
		if (program.isEmpty() || !programs.known(program)) {
			audit.record(invocation.actor(), "program-signoff", null, null, AuditLog.REFUSED, "unknown programme");
			return signOffUsage(replies.t("programs.visibility.unknown", locale, program), locale);
		}
		if (!coordination.of(invocation).coordinates(program)) {
			audit.record(invocation.actor(), "program-signoff", null, null, AuditLog.REFUSED, "other programme");
			return coordination.refusal(coordination.of(invocation), locale);
		}
		String name = placements.all().stream().map(Placement::getProgram)
			.filter(p -> p.strip().equalsIgnoreCase(program)).findFirst().orElse(program);
		if (value == null) {
			return replies.text("programs.sign-off.current." + (programs.of(name).signsOff() ? "on" : "off"), locale, name);
		}
		if (!value.equalsIgnoreCase("on") && !value.equalsIgnoreCase("off")) {
			audit.record(invocation.actor(), "program-signoff", null, null, AuditLog.REFUSED, "bad value");
			return signOffUsage(replies.t("programs.sign-off.bad", locale, value), locale);
		}
		ProgramSettings saved = programs.change(name, Programs.Change.hostSignOff(value.equalsIgnoreCase("on")));
		audit.record(invocation.actor(), "program-signoff", null, null, AuditLog.DONE,
				name + ": " + (saved.signsOff() ? "on" : "off"));
		return replies.text("programs.sign-off.set." + (saved.signsOff() ? "on" : "off"), locale, name);
	}

	/**
	 * {@code <programme> required-hours}: shows the hours each placement is to log in all; with a number, sets it,
	 * with {@code none}, stops counting (audited as {@code program-hours}; the hours logged stay).
	 */
	private ChatMessage requiredHours(Invocation invocation, Locale locale) {
		Matcher matcher = REQUIRED_HOURS.matcher(invocation.rest().strip());
		matcher.matches();
		String program = unquoted(matcher.group(1));
		String value = matcher.group(2);
		if (program.isEmpty() || !programs.known(program)) {
			audit.record(invocation.actor(), "program-hours", null, null, AuditLog.REFUSED, "unknown programme");
			return hoursUsage(replies.t("programs.visibility.unknown", locale, program), locale);
		}
		if (!coordination.of(invocation).coordinates(program)) {
			audit.record(invocation.actor(), "program-hours", null, null, AuditLog.REFUSED, "other programme");
			return coordination.refusal(coordination.of(invocation), locale);
		}
		String name = placements.all().stream().map(Placement::getProgram)
			.filter(p -> p.strip().equalsIgnoreCase(program)).findFirst().orElse(program);
		if (value == null) {
			return programs.of(name).hoursRequired()
				.map(hours -> replies.text("programs.hours.current.on", locale, name, hours))
				.orElseGet(() -> replies.text("programs.hours.current.off", locale, name));
		}
		Optional<Integer> hours = requiredHoursOf(value);
		if (hours.isEmpty()) {
			audit.record(invocation.actor(), "program-hours", null, null, AuditLog.REFUSED, "bad value");
			return hoursUsage(replies.t("programs.hours.bad", locale, value, ProgramSettings.MAX_REQUIRED_HOURS), locale);
		}
		ProgramSettings saved = programs.change(name, Programs.Change.requiredHours(hours.get()));
		audit.record(invocation.actor(), "program-hours", null, null, AuditLog.DONE,
				name + ": " + saved.hoursRequired().map(String::valueOf).orElse("none"));
		return saved.hoursRequired()
			.map(required -> replies.text("programs.hours.set.on", locale, name, required))
			.orElseGet(() -> replies.text("programs.hours.set.off", locale, name));
	}

	/** A whole number of hours from 1 to the most a programme may require, or 0 for {@code none}; else empty. */
	static Optional<Integer> requiredHoursOf(String value) {
		String text = value.strip();
		if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("inga")) {
			return Optional.of(0);
		}
		if (!text.matches("\\d{1,5}")) {
			return Optional.empty();
		}
		int hours = Integer.parseInt(text);
		return hours >= 1 && hours <= ProgramSettings.MAX_REQUIRED_HOURS ? Optional.of(hours) : Optional.empty();
	}

	private ChatMessage hoursUsage(String problem, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(replies.t("command.usage", locale, replies.t("programs.hours.usage", locale)))
			.build();
	}

	private ChatMessage signOffUsage(String problem, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(replies.t("command.usage", locale, replies.t("programs.sign-off.usage", locale)))
			.build();
	}

	private static boolean isDay(String value) {
		return java.util.Arrays.stream(DayOfWeek.values()).anyMatch(d -> d.name().equalsIgnoreCase(value.strip()));
	}

	private static String orNone(Object value) {
		return value == null ? "none" : value.toString();
	}

	/** The programme's digest defaults in words: each set one, or the global default. */
	private String digestDescribed(ProgramSettings settings, Locale locale) {
		String unset = replies.t("programs.digest.unset", locale);
		String day = settings.digestDay() == null ? unset
				: settings.digestDay().getDisplayName(java.time.format.TextStyle.FULL, locale);
		String time = settings.digestTime() == null ? unset : settings.digestTime().toString();
		String channel = settings.digestChannel() == null ? unset
				: replies.t("programs.digest.channel." + settings.digestChannel(), locale);
		return replies.t("programs.digest.described", locale, day, time, channel);
	}

	private ChatMessage digestUsage(String problem, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(replies.t("command.usage", locale, replies.t("programs.digest.usage", locale)))
			.build();
	}

	/** The setting in words, in the admin's language ("every second week"). */
	private String described(ProgramSettings settings, String setting, Locale locale) {
		return switch (setting) {
			case "cadence" -> replies.t("programs.cadence." + settings.rhythm().key(), locale);
			case "prompt-set" -> replies.t("programs.prompt-set." + settings.prompts().key(), locale);
			default -> settings.reviewPeriod()
				.map(period -> replies.t("programs.review-every.period", locale, period.toString()))
				.orElseGet(() -> replies.t("programs.review-every.none", locale));
		};
	}

	private ChatMessage rhythmUsage(String problem, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(replies.t("command.usage", locale, replies.t("programs.rhythm.usage", locale)))
			.build();
	}

	private ChatMessage usage(String problem, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(replies.t("command.usage", locale, replies.t("programs.visibility.usage", locale)))
			.build();
	}

	private static String unquoted(String text) {
		String trimmed = text.strip();
		if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
				|| trimmed.startsWith("“") && trimmed.endsWith("”"))) {
			return trimmed.substring(1, trimmed.length() - 1).strip();
		}
		return trimmed;
	}
}
