package org.fieldnotes.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.hours.HoursAmount;
import org.fieldnotes.hours.HoursDay;
import org.fieldnotes.hours.HoursLog;
import org.fieldnotes.hours.HoursProblem;
import org.fieldnotes.hours.HoursSummary;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Programs;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes hours} (participants): how many hours they logged, against their programme's required total
 * where it counts time, and their latest days; {@code hours 7.5 [date:2026-12-03|yesterday] [note]} logs a day
 * (today when no date is given), replacing what that day held; {@code hours 0 date:…} removes a day. The
 * participant's current placement, else their latest (to log the last days after it ended).
 */
@Component
class HoursCommand implements Subcommand {

	/** The latest days shown with the total. */
	static final int RECENT_DAYS = 7;

	private static final Pattern DATE = Pattern.compile("(?i)(?:^|\\s)(?:date|datum):(\\S*)");

	private final PlacementManagement placements;
	private final Programs programs;
	private final HoursLog hours;
	private final Replies replies;
	private final Clock clock;

	HoursCommand(PlacementManagement placements, Programs programs, HoursLog hours, Replies replies, Clock clock) {
		this.placements = placements;
		this.programs = programs;
		this.hours = hours;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "hours";
	}

	@Override
	public int helpOrder() {
		return 27;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<Placement> found = placements.currentOrLatestFor(invocation.caller());
		if (found.isEmpty()) {
			return replies.text("notEnrolled", locale);
		}
		Placement placement = found.get();
		LocalDate today = placement.dateAt(clock.instant());
		String rest = invocation.rest().strip();
		if (rest.isEmpty()) {
			return shown(placement, today, locale);
		}
		String[] words = rest.split("\\s+", 2);
		Optional<Integer> minutes = HoursAmount.minutes(words[0]);
		if (minutes.isEmpty()) {
			return replies.usage(replies.t("hours.bad", locale, words[0]), name(), locale);
		}
		String more = words.length > 1 ? words[1] : "";
		LocalDate date = today;
		Matcher dated = DATE.matcher(more);
		if (dated.find()) {
			Optional<LocalDate> read = dateOf(dated.group(1), today);
			if (read.isEmpty()) {
				return replies.usage(replies.t("hours.badDate", locale, dated.group(1)), name(), locale);
			}
			date = read.get();
			more = (more.substring(0, dated.start()) + " " + more.substring(dated.end())).strip();
		}
		String note = more.isBlank() ? null : more.strip();
		Optional<HoursProblem> problem = hours.check(placement, date, minutes.get(), note, today);
		if (problem.isPresent()) {
			return replies.usage(problemText(problem.get(), locale), name(), locale);
		}
		Optional<Integer> before = hours.log(placement, date, minutes.get(), note, invocation.caller().platform());
		String day = dayOf(date, locale);
		String done;
		if (minutes.get() == 0) {
			done = before.map(b -> replies.t("hours.removed", locale, day, HoursAmount.hours(b, locale)))
				.orElseGet(() -> replies.t("hours.nothingToRemove", locale, day));
		}
		else {
			String amount = HoursAmount.hours(minutes.get(), locale);
			done = before.map(b -> replies.t("hours.replaced", locale, amount, day, HoursAmount.hours(b, locale)))
				.orElseGet(() -> replies.t("hours.logged", locale, amount, day));
		}
		HoursSummary summary = hours.summary(placement, required(placement), today);
		return ChatMessage.builder(done).paragraph(done).paragraph(total(summary, locale)).build();
	}

	/** The total against the requirement, this week's figure, the pace where behind, and the latest days. */
	private ChatMessage shown(Placement placement, LocalDate today, Locale locale) {
		List<HoursDay> days = hours.days(placement.getId());
		HoursSummary summary = HoursLog.summary(placement, days, required(placement), today);
		if (days.isEmpty()) {
			String none = replies.t("hours.none", locale);
			ChatMessage.Builder message = ChatMessage.builder(none).paragraph(none);
			if (summary.requiredHours() != null) {
				message.context(replies.t("hours.required", locale, summary.requiredHours()));
			}
			return message.build();
		}
		String heading = replies.t("hours.heading", locale);
		ChatMessage.Builder message = ChatMessage.builder(total(summary, locale))
			.heading(heading)
			.paragraph(total(summary, locale))
			.paragraph(replies.t("hours.week", locale, HoursAmount.hours(summary.weekMinutes(), locale)));
		if (summary.behind()) {
			message.paragraph(replies.t("hours.behind", locale, HoursAmount.hours(summary.expectedMinutes(), locale)));
		}
		List<Item> recent = new ArrayList<>();
		for (int i = days.size() - 1; i >= Math.max(0, days.size() - RECENT_DAYS); i--) {
			HoursDay day = days.get(i);
			String amount = replies.t("hours.amount", locale, HoursAmount.hours(day.minutes(), locale));
			recent.add(new Item(dayOf(day.date(), locale), day.note() == null ? amount : amount + " · " + day.note()));
		}
		return message.paragraph(replies.t("hours.recent", locale)).items(recent)
			.context(replies.t("hours.hint", locale))
			.build();
	}

	private String total(HoursSummary summary, Locale locale) {
		String logged = HoursAmount.hours(summary.loggedMinutes(), locale);
		if (summary.requiredHours() == null) {
			return replies.t("hours.total.free", locale, logged);
		}
		if (summary.remainingMinutes().orElse(0L) == 0) {
			return replies.t("hours.total.reached", locale, logged, summary.requiredHours());
		}
		return replies.t("hours.total.required", locale, logged, summary.requiredHours(), summary.percent().orElse(0),
				HoursAmount.hours(summary.remainingMinutes().orElse(0L), locale));
	}

	private Integer required(Placement placement) {
		return programs.of(placement.getProgram()).hoursRequired().orElse(null);
	}

	private String problemText(HoursProblem problem, Locale locale) {
		Object[] args = problem.args().stream()
			.map(arg -> arg instanceof LocalDate date ? dayOf(date, locale) : arg)
			.toArray();
		return replies.t("hours." + problem.code(), locale, args);
	}

	/** {@code 2026-12-03}, {@code today}, {@code yesterday} (and the Swedish {@code idag}, {@code igår}). */
	private static Optional<LocalDate> dateOf(String text, LocalDate today) {
		String word = text.strip().toLowerCase(Locale.ROOT);
		switch (word) {
			case "today", "idag", "i-dag" -> {
				return Optional.of(today);
			}
			case "yesterday", "igår", "igar" -> {
				return Optional.of(today.minusDays(1));
			}
			default -> {
				try {
					return Optional.of(LocalDate.parse(word));
				}
				catch (DateTimeParseException e) {
					return Optional.empty();
				}
			}
		}
	}

	private static String dayOf(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale).format(date);
	}
}
