package org.fieldnotes.prompting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.fieldnotes.placement.Cadence;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
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
 * <p>The programme's settings ({@link ProgramSettings}) shape the schedule: its cadence decides which weeks between
 * the first and the last are prompted ({@link #scheduledDates}), its {@code reviewEvery} whether a long placement has
 * reviews instead of one midpoint, and its prompt set which files the prompts come from
 * ({@link PromptLibrary#inPhase(PromptPhase, String, org.fieldnotes.placement.PromptSet)}).
 *
 * <p>Phases (taken from the scheduled date, so a moved prompt keeps its place in the rotation), in the placement
 * weeks of {@link Placement#weekNumberOn(LocalDate)}: week 1 (the first 7 days from the start date) is the first
 * week; the last 7 days up to the end date are the last week, which holds the placement's last scheduled date
 * (that is week {@link Placement#totalWeeks()}, or the week before it when a short final week has no schedule day);
 * the midpoint (or each review) is the first scheduled date from 3 days before its point on, which for a weekly
 * cadence is the 7-day window centred on it (first and last week take precedence when a short placement makes them
 * overlap); after the end is the follow-up. Every other scheduled date rotates through the weekly prompts by its
 * place in the schedule: the n-th date (counting from 1, every phase included) gets weekly prompt (n - 1) mod the
 * number of weekly prompts, which for a weekly cadence is the week number.
 */
@Component
public class PromptCalendar {

	/** Why a prompt was recorded skipped because of days off. */
	static final String SKIPPED_HOLIDAY = "holiday";

	private final PromptLibrary library;
	private final int followUpMonths;
	private final WorkCalendar workCalendar;
	private final QuietHours quietHours;
	/** A programme's settings by its name (cadence, prompt set, reviews). */
	private final Function<String, ProgramSettings> programs;

	@Autowired
	PromptCalendar(PromptLibrary library, PromptSettings settings, WorkCalendar workCalendar, QuietHours quietHours,
			Programs programs) {
		this(library, settings.followUpMonths(), workCalendar, quietHours, programs::of);
	}

	/** With Jollyday's holidays and working hours 08:00-18:00; every programme at its default settings. */
	PromptCalendar(PromptLibrary library, int followUpMonths) {
		this(library, followUpMonths, new WorkCalendar(), "08:00-18:00");
	}

	PromptCalendar(PromptLibrary library, int followUpMonths, WorkCalendar workCalendar, String workingHours) {
		this(library, followUpMonths, workCalendar, workingHours, ProgramSettings::none);
	}

	PromptCalendar(PromptLibrary library, int followUpMonths, WorkCalendar workCalendar, String workingHours,
			Function<String, ProgramSettings> programs) {
		this(library, followUpMonths, workCalendar, new QuietHours(workingHours, workCalendar), programs);
	}

	private PromptCalendar(PromptLibrary library, int followUpMonths, WorkCalendar workCalendar,
			QuietHours quietHours, Function<String, ProgramSettings> programs) {
		if (followUpMonths < 1) {
			throw new IllegalArgumentException(
					"FIELDNOTES_FOLLOW_UP_MONTHS must be at least 1 (it is " + followUpMonths + ")");
		}
		this.library = library;
		this.followUpMonths = followUpMonths;
		this.workCalendar = workCalendar;
		this.quietHours = quietHours;
		this.programs = programs;
	}

	/** Every due moment of the placement, in order, skipped ones included, by its programme's settings. */
	public List<Due> dues(Placement placement) {
		return dues(placement, settingsOf(placement));
	}

	/**
	 * {@link #dues(Placement)} with the programme's settings read already (for walking many placements with one read
	 * of every programme's settings).
	 */
	public List<Due> dues(Placement placement, ProgramSettings program) {
		List<LocalDate> scheduled = scheduledDates(placement, program.rhythm());
		Map<LocalDate, PromptPhase> phases = phases(placement, scheduled, program);
		Map<LocalDate, String> prompts = prompts(placement, scheduled, phases, program);
		List<Due> dues = new ArrayList<>();
		for (int i = 0; i < scheduled.size(); i++) {
			LocalDate date = scheduled.get(i);
			PromptPhase phase = phases.get(date);
			String prompt = prompts.get(date);
			LocalDateTime moved = quietHours.nextAllowed(placement, date.atTime(placement.getSchedule().time()));
			// a moved prompt stays in its week, whatever the cadence: never on or after the next schedule day
			LocalDate nextWeek = i + 1 < scheduled.size() ? date.plusWeeks(1) : null;
			if (nextWeek != null && !moved.toLocalDate().isBefore(nextWeek)) {
				dues.add(skipped(placement, date, phase, prompt));
			}
			else if (nextWeek == null && moved.toLocalDate().isAfter(placement.getEndDate())) {
				LocalDate previous = i > 0 ? dues.get(i - 1).date() : placement.getStartDate().minusDays(1);
				LocalTime time = moved.toLocalTime();
				dues.add(workCalendar.previousWorkDay(placement, placement.getEndDate(), previous)
					.map(back -> due(placement, date, back.atTime(time), phase, prompt))
					.orElseGet(() -> skipped(placement, date, phase, prompt)));
			}
			else {
				dues.add(due(placement, date, moved, phase, prompt));
			}
		}
		LocalDate followUp = followUpDate(placement);
		dues.add(due(placement, followUp,
				quietHours.nextAllowed(placement, followUp.atTime(placement.getSchedule().time())),
				PromptPhase.FOLLOW_UP, first(placement, PromptPhase.FOLLOW_UP, program).id()));
		return dues;
	}

	/**
	 * The schedule days a placement is prompted on, before moving off days off: the first and the last week's
	 * always, and between them every week's, every second week's (weeks 1, 3, 5 … of the placement) or every month's
	 * first that is a work day, by the programme's cadence.
	 */
	List<LocalDate> scheduledDates(Placement placement, Cadence cadence) {
		DayOfWeek day = placement.getSchedule().dayOfWeek();
		List<LocalDate> weekly = new ArrayList<>();
		for (LocalDate date = placement.getStartDate().with(TemporalAdjusters.nextOrSame(day));
				!date.isAfter(placement.getEndDate()); date = date.plusWeeks(1)) {
			weekly.add(date);
		}
		if (cadence == Cadence.WEEKLY || weekly.size() <= 2) {
			return weekly;
		}
		TreeSet<LocalDate> dates = new TreeSet<>();
		dates.add(weekly.get(0));
		dates.add(weekly.get(weekly.size() - 1));
		if (cadence == Cadence.FORTNIGHTLY) {
			weekly.stream().filter(date -> (placement.weekNumberOn(date) - 1) % 2 == 0).forEach(dates::add);
		}
		else {
			for (YearMonth month = YearMonth.from(weekly.get(0)); !month.isAfter(YearMonth.from(placement.getEndDate()));
					month = month.plusMonths(1)) {
				LocalDate firstDay = month.atDay(1).with(TemporalAdjusters.nextOrSame(day));
				LocalDate chosen = firstDay;
				for (LocalDate date = firstDay; YearMonth.from(date).equals(month); date = date.plusWeeks(1)) {
					if (workCalendar.isWorkDay(placement, date)) {
						chosen = date;
						break;
					}
				}
				if (!chosen.isBefore(placement.getStartDate()) && !chosen.isAfter(placement.getEndDate())) {
					dates.add(chosen);
				}
			}
		}
		return List.copyOf(dates);
	}

	/**
	 * The phase of each scheduled date: the first week; the last week (the last 7 days up to the end date, holding
	 * the last scheduled date); a review or the midpoint; weekly for the rest. The midpoint, and each review point
	 * (the start plus every {@code reviewEvery}, for a placement longer than that period, before its last week), is
	 * the first scheduled date from 3 days before the point on, unless that date is the first or the last week's.
	 * Reviews take the place of the midpoint.
	 */
	private Map<LocalDate, PromptPhase> phases(Placement placement, List<LocalDate> scheduled, ProgramSettings program) {
		LocalDate start = placement.getStartDate();
		LocalDate end = placement.getEndDate();
		Map<LocalDate, PromptPhase> phases = new HashMap<>();
		for (LocalDate date : scheduled) {
			phases.put(date, placement.weekNumberOn(date) == 1 ? PromptPhase.FIRST_WEEK
					: date.isAfter(end.minusDays(7)) ? PromptPhase.LAST_WEEK : PromptPhase.WEEKLY);
		}
		Optional<Period> every = program.reviewPeriod().filter(period -> start.plus(period).isBefore(end));
		List<LocalDate> points = new ArrayList<>();
		if (every.isPresent()) {
			for (int k = 1; start.plus(every.get().multipliedBy(k)).isBefore(end.minusDays(6)); k++) {
				points.add(start.plus(every.get().multipliedBy(k)));
			}
		}
		else {
			points.add(start.plusDays(ChronoUnit.DAYS.between(start, end) / 2));
		}
		PromptPhase phase = every.isPresent() ? PromptPhase.REVIEW : PromptPhase.MIDPOINT;
		for (LocalDate point : points) {
			scheduled.stream().filter(date -> !date.isBefore(point.minusDays(3))).findFirst()
				.filter(date -> phases.get(date) == PromptPhase.WEEKLY)
				.ifPresent(date -> phases.put(date, phase));
		}
		return phases;
	}

	/**
	 * The prompt of each scheduled date: the first of its phase's prompts (the programme's files first); weekly ones
	 * rotate by the date's place in the schedule (so weeks taken by another phase still count) and reviews by their
	 * own count.
	 */
	private Map<LocalDate, String> prompts(Placement placement, List<LocalDate> scheduled,
			Map<LocalDate, PromptPhase> phases, ProgramSettings program) {
		Map<LocalDate, String> prompts = new HashMap<>();
		int reviews = 0;
		for (int i = 0; i < scheduled.size(); i++) {
			LocalDate date = scheduled.get(i);
			PromptPhase phase = phases.get(date);
			List<Prompt> candidates = library.inPhase(phase, placement.getProgram(), program.prompts());
			int index = phase == PromptPhase.WEEKLY ? i : phase == PromptPhase.REVIEW ? reviews++ : 0;
			prompts.put(date, candidates.get(index % candidates.size()).id());
		}
		return prompts;
	}

	private Prompt first(Placement placement, PromptPhase phase, ProgramSettings program) {
		return library.inPhase(phase, placement.getProgram(), program.prompts()).get(0);
	}

	private ProgramSettings settingsOf(Placement placement) {
		return programs.apply(placement.getProgram());
	}

	/**
	 * When the end-of-placement note goes out: the day after the end date at the schedule time, moved into the
	 * working hours of a work day like any prompt.
	 */
	public Due endOfPlacement(Placement placement) {
		LocalDate dayAfter = placement.getEndDate().plusDays(1);
		return due(placement, dayAfter,
				quietHours.nextAllowed(placement, dayAfter.atTime(placement.getSchedule().time())),
				PromptPhase.FOLLOW_UP, null);
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
		if (due.promptId() != null) {
			Optional<Prompt> chosen = library.find(due.promptId());
			if (chosen.isPresent()) {
				return chosen.get();
			}
		}
		ProgramSettings program = settingsOf(placement);
		List<Prompt> prompts = library.inPhase(due.phase(), placement.getProgram(), program.prompts());
		if (due.phase() != PromptPhase.WEEKLY) {
			return prompts.get(0);
		}
		return prompts.get((placement.weekNumberOn(due.scheduled()) - 1) % prompts.size());
	}

	private LocalDate followUpDate(Placement placement) {
		return placement.getEndDate()
			.plusMonths(followUpMonths)
			.with(TemporalAdjusters.nextOrSame(placement.getSchedule().dayOfWeek()));
	}

	private Due due(Placement placement, LocalDate scheduled, LocalDateTime local, PromptPhase phase, String prompt) {
		ZonedDateTime at = ZonedDateTime.of(local, placement.getParticipant().zone());
		return new Due(local.toLocalDate(), at.toLocalDateTime(), at.toInstant(), phase, scheduled, null, prompt);
	}

	/** Recorded skipped on its scheduled date and time. */
	private Due skipped(Placement placement, LocalDate scheduled, PromptPhase phase, String prompt) {
		ZonedDateTime at = ZonedDateTime.of(scheduled, placement.getSchedule().time(), placement.getParticipant().zone());
		return new Due(scheduled, at.toLocalDateTime(), at.toInstant(), phase, scheduled, SKIPPED_HOLIDAY, prompt);
	}
}
