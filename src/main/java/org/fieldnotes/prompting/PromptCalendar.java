package org.fieldnotes.prompting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.placement.Placement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a placement's prompts are due, and which prompt each one is. The one place that computes due times.
 *
 * <p>Prompts fall on the schedule's day at its local time in the participant's time zone, from the start date to
 * the end date, plus one follow-up some months after the end. Local times are turned into instants with
 * {@link ZonedDateTime#of}, so a time that does not exist on a spring-forward day moves forward by the gap
 * (02:30 becomes 03:30) and an ambiguous autumn time takes the earlier (summer-time) offset.
 *
 * <p>Days off: a prompt whose day is not one of the placement's work days or is a public holiday of the
 * participant's country ({@link WorkCalendar}) moves to the next work day at the same local time; a schedule time
 * outside the working hours moves to their start ({@link QuietHours}). A moved prompt never reaches the next
 * week's scheduled date: when it would, it is not moved but recorded skipped on its scheduled date
 * ({@link Due#skipReason()} {@code "holiday"}), so that every week has one prompt at most and digests show why.
 * No prompt but the follow-up goes out after the end date: the last one moves back to the last work day before
 * it instead (and is skipped when there is none since the previous week's date).
 *
 * <p>Phases (taken from the scheduled date, so a moved prompt keeps its place in the rotation), in the placement
 * weeks of {@link Placement#weekNumberOn(LocalDate)}: week 1 (the first 7 days from the start date) is the first
 * week; the last 7 days up to the end date are the last week, which holds the placement's last scheduled date
 * (that is week {@link Placement#totalWeeks()}, or the week before it when a short final week has no schedule day);
 * the 7-day window centred on the midpoint is the midpoint week (in that order of precedence when a short
 * placement makes them overlap); after the end is the follow-up. Every other week rotates through the weekly
 * prompts by its week number: week n gets weekly prompt (n - 1) mod the number of weekly prompts.
 */
@Component
public class PromptCalendar {

	/** Why a prompt was recorded skipped because of days off. */
	static final String SKIPPED_HOLIDAY = "holiday";

	private final PromptLibrary library;
	private final int followUpMonths;
	private final WorkCalendar workCalendar;
	private final QuietHours quietHours;

	@Autowired
	PromptCalendar(PromptLibrary library, PromptSettings settings, WorkCalendar workCalendar, QuietHours quietHours) {
		this(library, settings.followUpMonths(), workCalendar, quietHours);
	}

	/** With Jollyday's holidays and working hours 08:00-18:00. */
	PromptCalendar(PromptLibrary library, int followUpMonths) {
		this(library, followUpMonths, new WorkCalendar(), "08:00-18:00");
	}

	PromptCalendar(PromptLibrary library, int followUpMonths, WorkCalendar workCalendar, String workingHours) {
		this(library, followUpMonths, workCalendar, new QuietHours(workingHours, workCalendar));
	}

	private PromptCalendar(PromptLibrary library, int followUpMonths, WorkCalendar workCalendar,
			QuietHours quietHours) {
		if (followUpMonths < 1) {
			throw new IllegalArgumentException(
					"FIELDNOTES_FOLLOW_UP_MONTHS must be at least 1 (it is " + followUpMonths + ")");
		}
		this.library = library;
		this.followUpMonths = followUpMonths;
		this.workCalendar = workCalendar;
		this.quietHours = quietHours;
	}

	/** Every due moment of the placement, in order, skipped ones included. */
	public List<Due> dues(Placement placement) {
		DayOfWeek day = placement.getSchedule().dayOfWeek();
		List<LocalDate> scheduled = new ArrayList<>();
		for (LocalDate date = placement.getStartDate().with(TemporalAdjusters.nextOrSame(day));
				!date.isAfter(placement.getEndDate()); date = date.plusWeeks(1)) {
			scheduled.add(date);
		}
		List<Due> dues = new ArrayList<>();
		for (int i = 0; i < scheduled.size(); i++) {
			LocalDate date = scheduled.get(i);
			LocalDateTime moved = quietHours.nextAllowed(placement, date.atTime(placement.getSchedule().time()));
			LocalDate nextWeek = i + 1 < scheduled.size() ? scheduled.get(i + 1) : null;
			if (nextWeek != null && !moved.toLocalDate().isBefore(nextWeek)) {
				dues.add(skipped(placement, date));
			}
			else if (nextWeek == null && moved.toLocalDate().isAfter(placement.getEndDate())) {
				LocalDate previous = i > 0 ? dues.get(i - 1).date() : placement.getStartDate().minusDays(1);
				LocalTime time = moved.toLocalTime();
				dues.add(workCalendar.previousWorkDay(placement, placement.getEndDate(), previous)
					.map(back -> due(placement, date, back.atTime(time)))
					.orElseGet(() -> skipped(placement, date)));
			}
			else {
				dues.add(due(placement, date, moved));
			}
		}
		LocalDate followUp = followUpDate(placement);
		dues.add(due(placement, followUp,
				quietHours.nextAllowed(placement, followUp.atTime(placement.getSchedule().time()))));
		return dues;
	}

	/**
	 * When the end-of-placement note goes out: the day after the end date at the schedule time, moved into the
	 * working hours of a work day like any prompt.
	 */
	public Due endOfPlacement(Placement placement) {
		LocalDate dayAfter = placement.getEndDate().plusDays(1);
		return due(placement, dayAfter,
				quietHours.nextAllowed(placement, dayAfter.atTime(placement.getSchedule().time())));
	}

	/** When something is next due for the placement after {@code after}: a prompt or the end-of-placement note. */
	Optional<Instant> nextWakeUp(Placement placement, Instant after) {
		return nextWakeUp(placement, after, dues(placement));
	}

	/** {@link #nextWakeUp(Placement, Instant)} from the placement's {@link #dues} computed already. */
	Optional<Instant> nextWakeUp(Placement placement, Instant after, List<Due> dues) {
		Optional<Instant> prompt = dues.stream().filter(d -> d.instant().isAfter(after)).findFirst().map(Due::instant);
		Instant note = endOfPlacement(placement).instant();
		if (!note.isAfter(after)) {
			return prompt;
		}
		return Optional.of(prompt.filter(p -> p.isBefore(note)).orElse(note));
	}

	/** The first due moment strictly after {@code after}. */
	public Optional<Due> nextAfter(Placement placement, Instant after) {
		return dues(placement).stream().filter(d -> d.instant().isAfter(after)).findFirst();
	}

	/** The due moments in {@code (from, to]}. */
	public List<Due> between(Placement placement, Instant from, Instant to) {
		return between(dues(placement), from, to);
	}

	/** The due moments of {@code dues} (a placement's {@link #dues}) in {@code (from, to]}. */
	static List<Due> between(List<Due> dues, Instant from, Instant to) {
		return dues.stream().filter(d -> d.instant().isAfter(from) && !d.instant().isAfter(to)).toList();
	}

	/** The prompt for a due moment. */
	public Prompt promptFor(Placement placement, Due due) {
		List<Prompt> prompts = library.inPhase(due.phase());
		if (due.phase() != PromptPhase.WEEKLY) {
			return prompts.get(0);
		}
		return prompts.get((placement.weekNumberOn(due.scheduled()) - 1) % prompts.size());
	}

	PromptPhase phaseOf(Placement placement, LocalDate date) {
		LocalDate start = placement.getStartDate();
		LocalDate end = placement.getEndDate();
		if (date.isAfter(end)) {
			return PromptPhase.FOLLOW_UP;
		}
		if (placement.weekNumberOn(date) == 1) {
			return PromptPhase.FIRST_WEEK;
		}
		if (date.isAfter(end.minusDays(7))) {
			return PromptPhase.LAST_WEEK;
		}
		LocalDate midpoint = start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
		if (!date.isBefore(midpoint.minusDays(3)) && !date.isAfter(midpoint.plusDays(3))) {
			return PromptPhase.MIDPOINT;
		}
		return PromptPhase.WEEKLY;
	}

	private LocalDate followUpDate(Placement placement) {
		return placement.getEndDate()
			.plusMonths(followUpMonths)
			.with(TemporalAdjusters.nextOrSame(placement.getSchedule().dayOfWeek()));
	}

	private Due due(Placement placement, LocalDate scheduled, LocalDateTime local) {
		ZonedDateTime at = ZonedDateTime.of(local, placement.getParticipant().zone());
		return new Due(local.toLocalDate(), at.toLocalDateTime(), at.toInstant(), phaseOf(placement, scheduled),
				scheduled, null);
	}

	/** Recorded skipped on its scheduled date and time. */
	private Due skipped(Placement placement, LocalDate scheduled) {
		ZonedDateTime at = ZonedDateTime.of(scheduled, placement.getSchedule().time(), placement.getParticipant().zone());
		return new Due(scheduled, at.toLocalDateTime(), at.toInstant(), phaseOf(placement, scheduled), scheduled,
				SKIPPED_HOLIDAY);
	}
}
