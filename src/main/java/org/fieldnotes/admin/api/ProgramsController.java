package org.fieldnotes.admin.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.Cadence;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.PromptSet;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A programme's settings: its default visibility (who may read a participant's entries and status updates when
 * the participant chose nothing) and its rhythm (cadence, prompt set, reviews). Programme names are compared without
 * regard to case. A {@code PUT} changes the fields it names and leaves the others as they are.
 */
@RestController
@RequestMapping("/api/v1/programs")
class ProgramsController {

	private static final String OPTIONS = Arrays.stream(Visibility.values()).map(Visibility::key)
		.collect(Collectors.joining(", "));
	private static final String CADENCES = Arrays.stream(Cadence.values()).map(Cadence::key)
		.collect(Collectors.joining(", "));
	private static final String PROMPT_SETS = Arrays.stream(PromptSet.values()).map(PromptSet::key)
		.collect(Collectors.joining(", "));

	private final Programs programs;
	private final AuditLog audit;

	ProgramsController(Programs programs, AuditLog audit) {
		this.programs = programs;
		this.audit = audit;
	}

	/** The programme's settings; 404 when it has neither a placement nor settings. */
	@GetMapping("/{program}")
	ProgramResponse one(@PathVariable String program) {
		if (!programs.known(program)) {
			throw new UnknownProgram(program.strip());
		}
		return ProgramResponse.of(programs.of(program));
	}

	/**
	 * Changes the programme's settings the body names ({@code defaultVisibility}, {@code cadence}, {@code promptSet},
	 * {@code reviewEvery}, {@code digestDay}, {@code digestTime}, {@code digestChannel}); absent fields stay as they
	 * are, {@code none} unsets a digest default; {@code hostSignOff} ({@code true}/{@code false}) turns the weekly
	 * host sign-off on or off (audited as {@code program-signoff}); {@code requiredHours} (a whole number from 1, or
	 * {@code none}) sets the hours each placement is to log in all (audited as {@code program-hours}). A change of visibility is audited as {@code program-visibility} (as
	 * before the other settings), one of the rhythm as {@code program-settings}, one of the digest defaults as
	 * {@code program-digest} (and the digest schedule is rebuilt).
	 */
	@PutMapping("/{program}")
	ProgramResponse update(@PathVariable String program, @RequestBody(required = false) ProgramRequest request) {
		List<Violation> violations = check(request);
		if (!violations.isEmpty()) {
			String action = request != null && request.requiredHours() != null && !request.touchesRhythm()
					&& !request.touchesDigest() && request.hostSignOff() == null && request.defaultVisibility() == null
							? "program-hours"
					: request != null && request.touchesRhythm() ? "program-settings"
					: request != null && request.hostSignOff() != null && !request.touchesDigest()
							&& request.defaultVisibility() == null ? "program-signoff"
					: request != null && request.touchesDigest() ? "program-digest" : "program-visibility";
			audit.record(AuditRecord.API, action, null, null, AuditLog.REFUSED,
					"fields: " + violations.stream().map(Violation::field).collect(Collectors.joining(",")));
			throw new InvalidProgram(violations);
		}
		Visibility visibility = Visibility.parse(request.defaultVisibility()).orElse(null);
		Cadence cadence = Cadence.parse(request.cadence()).orElse(null);
		PromptSet promptSet = PromptSet.parse(request.promptSet()).orElse(null);
		String reviewEvery = request.reviewEvery() == null ? null
				: isNone(request.reviewEvery()) ? "" : request.reviewEvery();
		Programs.DigestDefaults digest = request.touchesDigest() ? digestDefaults(request) : null;
		Boolean hostSignOff = request.hostSignOff();
		Integer requiredHours = request.requiredHours() == null ? null : requiredHoursOf(request.requiredHours());
		ProgramSettings saved = programs.change(program,
				new Programs.Change(visibility, cadence, promptSet, reviewEvery, digest, hostSignOff, requiredHours));
		if (visibility != null) {
			audit.record(AuditRecord.API, "program-visibility", null, null, AuditLog.DONE,
					saved.name() + ": " + visibility.key());
		}
		if (request.touchesRhythm()) {
			audit.record(AuditRecord.API, "program-settings", null, null, AuditLog.DONE,
					saved.name() + ": " + rhythmOf(saved));
		}
		if (digest != null) {
			audit.record(AuditRecord.API, "program-digest", null, null, AuditLog.DONE,
					saved.name() + ": " + digestOf(saved));
		}
		if (hostSignOff != null) {
			audit.record(AuditRecord.API, "program-signoff", null, null, AuditLog.DONE,
					saved.name() + ": " + (saved.signsOff() ? "on" : "off"));
		}
		if (requiredHours != null) {
			audit.record(AuditRecord.API, "program-hours", null, null, AuditLog.DONE,
					saved.name() + ": " + saved.hoursRequired().map(String::valueOf).orElse("none"));
		}
		return ProgramResponse.of(saved);
	}

	/** What an audit note says of a programme's digest defaults, e.g. {@code day THURSDAY, time 08:00, channel chat}. */
	static String digestOf(ProgramSettings settings) {
		return "day " + orNone(settings.digestDay()) + ", time " + orNone(settings.digestTime()) + ", channel "
				+ orNone(settings.digestChannel());
	}

	private static String orNone(Object value) {
		return value == null ? "none" : value.toString();
	}

	private static Programs.DigestDefaults digestDefaults(ProgramRequest request) {
		Set<String> cleared = new java.util.LinkedHashSet<>();
		DayOfWeek day = null;
		LocalTime time = null;
		String channel = null;
		if (request.digestDay() != null) {
			if (isNone(request.digestDay())) {
				cleared.add("digestDay");
			}
			else {
				day = DayOfWeek.valueOf(request.digestDay().strip().toUpperCase(Locale.ROOT));
			}
		}
		if (request.digestTime() != null) {
			if (isNone(request.digestTime())) {
				cleared.add("digestTime");
			}
			else {
				time = LocalTime.parse(request.digestTime().strip());
			}
		}
		if (request.digestChannel() != null) {
			if (isNone(request.digestChannel())) {
				cleared.add("digestChannel");
			}
			else {
				channel = request.digestChannel().strip().toLowerCase(Locale.ROOT);
			}
		}
		return new Programs.DigestDefaults(day, time, channel, cleared);
	}

	/** What an audit note says of a programme's rhythm, e.g. {@code cadence fortnightly, promptSet own, reviewEvery P3M}. */
	static String rhythmOf(ProgramSettings settings) {
		return "cadence " + settings.rhythm().key() + ", promptSet " + settings.prompts().key() + ", reviewEvery "
				+ settings.reviewPeriod().map(Object::toString).orElse("none");
	}

	/** A whole number of hours from 1 (as a JSON number or text), or 0 for {@code none}; {@literal null} otherwise. */
	private static Integer requiredHoursOf(String value) {
		String text = value.strip();
		if (isNone(text)) {
			return 0;
		}
		if (!text.matches("\\d{1,5}")) {
			return null;
		}
		int hours = Integer.parseInt(text);
		return hours >= 1 && hours <= ProgramSettings.MAX_REQUIRED_HOURS ? hours : null;
	}

	private static boolean isNone(String reviewEvery) {
		return reviewEvery.isBlank() || reviewEvery.strip().equalsIgnoreCase("none");
	}

	private static List<Violation> check(ProgramRequest request) {
		if (request == null) {
			return List.of(new Violation("body", "is required"));
		}
		if (request.defaultVisibility() == null && !request.touchesRhythm() && !request.touchesDigest()
				&& request.hostSignOff() == null && request.requiredHours() == null) {
			return List.of(new Violation("defaultVisibility", "is required (one of " + OPTIONS
					+ "), unless cadence, promptSet, reviewEvery, digestDay, digestTime, digestChannel, hostSignOff"
					+ " or requiredHours is given"));
		}
		List<Violation> violations = new ArrayList<>();
		if (request.defaultVisibility() != null) {
			if (request.defaultVisibility().isBlank()) {
				violations.add(new Violation("defaultVisibility", "is required (one of " + OPTIONS + ")"));
			}
			else if (Visibility.parse(request.defaultVisibility()).isEmpty()) {
				violations.add(new Violation("defaultVisibility", "must be one of " + OPTIONS));
			}
		}
		if (request.cadence() != null && Cadence.parse(request.cadence()).isEmpty()) {
			violations.add(new Violation("cadence", "must be one of " + CADENCES));
		}
		if (request.promptSet() != null && PromptSet.parse(request.promptSet()).isEmpty()) {
			violations.add(new Violation("promptSet", "must be one of " + PROMPT_SETS));
		}
		if (request.reviewEvery() != null && !isNone(request.reviewEvery())
				&& ProgramSettings.parsePeriod(request.reviewEvery()).isEmpty()) {
			violations.add(new Violation("reviewEvery",
					"must be an ISO period of a week or more, such as P3M or P12W, or none"));
		}
		if (request.digestDay() != null && !isNone(request.digestDay()) && !isDay(request.digestDay())) {
			violations.add(new Violation("digestDay", "must be a day of the week (MONDAY … SUNDAY), or none"));
		}
		if (request.digestTime() != null && !isNone(request.digestTime()) && !isTime(request.digestTime())) {
			violations.add(new Violation("digestTime", "must be a time of day as HH:mm (08:00), or none"));
		}
		if (request.digestChannel() != null && !isNone(request.digestChannel()) && !ProgramSettings.DIGEST_CHANNELS
			.contains(request.digestChannel().strip().toLowerCase(Locale.ROOT))) {
			violations.add(new Violation("digestChannel", "must be chat or email, or none"));
		}
		if (request.requiredHours() != null && requiredHoursOf(request.requiredHours()) == null) {
			violations.add(new Violation("requiredHours",
					"must be a whole number of hours from 1 to " + ProgramSettings.MAX_REQUIRED_HOURS + ", or none"));
		}
		return violations;
	}

	private static boolean isDay(String day) {
		return Arrays.stream(DayOfWeek.values()).anyMatch(d -> d.name().equalsIgnoreCase(day.strip()));
	}

	private static boolean isTime(String time) {
		return time.strip().matches("([01][0-9]|2[0-3]):[0-5][0-9]");
	}

	/** Every field may be left out: it stays as it is. */
	record ProgramRequest(String defaultVisibility, String cadence, String promptSet, String reviewEvery,
			String digestDay, String digestTime, String digestChannel, Boolean hostSignOff, String requiredHours) {

		boolean touchesRhythm() {
			return cadence != null || promptSet != null || reviewEvery != null;
		}

		boolean touchesDigest() {
			return digestDay != null || digestTime != null || digestChannel != null;
		}
	}

	/**
	 * @param defaultVisibility the programme's default, {@code coaches} when none was set
	 * @param cadence {@code weekly} when none was set
	 * @param promptSet {@code shared} when none was set
	 * @param reviewEvery an ISO period, {@literal null} when the programme has one midpoint
	 * @param digestDay the programme's digest day ({@code THURSDAY}), {@literal null} when none was set
	 * @param digestTime {@code HH:mm}, {@literal null} when none was set
	 * @param digestChannel {@code chat} or {@code email}, {@literal null} when none was set
	 * @param hostSignOff whether the placements' managers sign off each week ({@literal false} when never set)
	 * @param requiredHours the hours each placement is to log in all; {@literal null} when the programme counts none
	 */
	record ProgramResponse(String program, String defaultVisibility, boolean defaultVisibilitySet, String cadence,
			String promptSet, String reviewEvery, String digestDay, String digestTime, String digestChannel,
			boolean hostSignOff, Integer requiredHours) {

		static ProgramResponse of(ProgramSettings settings) {
			return new ProgramResponse(settings.name(), settings.visibility().key(),
					settings.defaultVisibility() != null, settings.rhythm().key(), settings.prompts().key(),
					settings.reviewPeriod().map(Object::toString).orElse(null),
					settings.digestDay() == null ? null : settings.digestDay().name(),
					settings.digestTime() == null ? null : settings.digestTime().toString(), settings.digestChannel(),
					settings.signsOff(), settings.requiredHours());
		}
	}

	/** A bad programme-settings request, answered as a 400 naming each wrong field; nothing was stored. */
	static class InvalidProgram extends RuntimeException {

		private final List<Violation> violations;

		InvalidProgram(List<Violation> violations) {
			super("The programme was not changed: " + violations.stream().map(v -> v.field() + " " + v.message())
				.collect(Collectors.joining("; ")));
			this.violations = List.copyOf(violations);
		}

		List<Violation> violations() {
			return violations;
		}
	}

	/** No placement is in the programme and nothing was set for it. */
	static class UnknownProgram extends RuntimeException {

		UnknownProgram(String program) {
			super("No programme called " + program);
		}
	}
}
