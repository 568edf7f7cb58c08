package org.fieldnotes.prompting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * When a placement's prompts are due, and which prompt each one is.
 *
 * <p>Prompts fall on the schedule's day at its local time in the participant's time zone, from the start date to
 * the end date, plus one follow-up some months after the end. Local times are turned into instants with
 * {@link ZonedDateTime#of}, so a time that does not exist on a spring-forward day moves forward by the gap
 * (02:30 becomes 03:30) and an ambiguous autumn time takes the earlier (summer-time) offset.
 *
 * <p>Phases: the first 7 days from the start date are the first week; the last 7 days up to the end date are the
 * last week; the 7-day window centred on the midpoint is the midpoint week (in that order of precedence when a
 * short placement makes them overlap); after the end is the follow-up. Every other week rotates through the weekly
 * prompts by the number of whole weeks since the start.
 */
@Component
public class PromptCalendar {

	private final PromptLibrary library;
	private final int followUpMonths;

	@Autowired
	PromptCalendar(PromptLibrary library, PromptSettings settings) {
		this(library, settings.followUpMonths());
	}

	PromptCalendar(PromptLibrary library, int followUpMonths) {
		if (followUpMonths < 1) {
			throw new IllegalArgumentException(
					"FIELDNOTES_FOLLOW_UP_MONTHS must be at least 1 (it is " + followUpMonths + ")");
		}
		this.library = library;
		this.followUpMonths = followUpMonths;
	}

	/** Every due moment of the placement, in order. */
	public List<Due> dues(Placement placement) {
		DayOfWeek day = placement.getSchedule().dayOfWeek();
		List<Due> dues = new ArrayList<>();
		for (LocalDate date = placement.getStartDate().with(TemporalAdjusters.nextOrSame(day));
				!date.isAfter(placement.getEndDate()); date = date.plusWeeks(1)) {
			dues.add(due(placement, date));
		}
		dues.add(due(placement, followUpDate(placement)));
		return dues;
	}

	/** The first due moment strictly after {@code after}. */
	public Optional<Due> nextAfter(Placement placement, Instant after) {
		return dues(placement).stream().filter(d -> d.instant().isAfter(after)).findFirst();
	}

	/** The due moments in {@code (from, to]}. */
	public List<Due> between(Placement placement, Instant from, Instant to) {
		return dues(placement).stream().filter(d -> d.instant().isAfter(from) && !d.instant().isAfter(to)).toList();
	}

	/** The prompt for a due moment. */
	public Prompt promptFor(Placement placement, Due due) {
		List<Prompt> prompts = library.inPhase(due.phase());
		if (due.phase() != PromptPhase.WEEKLY) {
			return prompts.get(0);
		}
		long weeksSinceStart = ChronoUnit.DAYS.between(placement.getStartDate(), due.date()) / 7;
		return prompts.get((int) (weeksSinceStart % prompts.size()));
	}

	PromptPhase phaseOf(Placement placement, LocalDate date) {
		LocalDate start = placement.getStartDate();
		LocalDate end = placement.getEndDate();
		if (date.isAfter(end)) {
			return PromptPhase.FOLLOW_UP;
		}
		if (date.isBefore(start.plusDays(7))) {
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

	private Due due(Placement placement, LocalDate date) {
		ZoneId zone = placement.getParticipant().zone();
		ZonedDateTime at = ZonedDateTime.of(date, placement.getSchedule().time(), zone);
		return new Due(date, at.toLocalDateTime(), at.toInstant(), phaseOf(placement, date));
	}
}
