package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.placement.PlacementFixtures.placement;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.placement.Placement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which prompt falls due when, on the real prompt library. Every expected date, phase and instant below was
 * worked out by hand (Stockholm is UTC+1, UTC+2 in summer; New York UTC-5, UTC-4 in summer; Seoul UTC+9).
 */
class PromptCalendarTests {

	private static PromptCalendar calendar;

	@BeforeAll
	static void realLibrary() {
		calendar = new PromptCalendar(new PromptLibrary(Path.of("prompts")), 3);
	}

	@Test
	void aPlacementFromNovemberToAprilGoesThroughEveryPhase() {
		// Mon 2 Nov 2026 to Fri 30 Apr 2027: 179 days, midpoint Sat 30 Jan 2027.
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		// 26 Fridays from 6 Nov to 30 Apr, and the follow-up.
		assertThat(dues).hasSize(27);
		assertPrompt(placement, dues, "2026-11-06", PromptPhase.FIRST_WEEK, "first-week-onboarding");
		// Weekly weeks rotate by whole weeks since the start; the first week counts as week 0 (Rolfe's turn).
		assertPrompt(placement, dues, "2026-11-13", PromptPhase.WEEKLY, "weekly-status-check");
		assertPrompt(placement, dues, "2026-11-20", PromptPhase.WEEKLY, "weekly-gibbs");
		assertPrompt(placement, dues, "2026-11-27", PromptPhase.WEEKLY, "weekly-rolfe");
		assertPrompt(placement, dues, "2026-12-04", PromptPhase.WEEKLY, "weekly-status-check");
		assertPrompt(placement, dues, "2027-01-22", PromptPhase.WEEKLY, "weekly-gibbs");
		// The week containing the midpoint (30 Jan) ...
		assertPrompt(placement, dues, "2027-01-29", PromptPhase.MIDPOINT, "midpoint-review");
		// ... still counts in the rotation: week 13 after the start.
		assertPrompt(placement, dues, "2027-02-05", PromptPhase.WEEKLY, "weekly-status-check");
		// 23 Apr is exactly 7 days before the end: not yet the last week.
		assertPrompt(placement, dues, "2027-04-23", PromptPhase.WEEKLY, "weekly-rolfe");
		assertPrompt(placement, dues, "2027-04-30", PromptPhase.LAST_WEEK, "last-week-lessons-learnt");
		// End + 3 months = Fri 30 Jul 2027 (summer time).
		assertPrompt(placement, dues, "2027-07-30", PromptPhase.FOLLOW_UP, "follow-up");
		assertThat(dues.get("2027-07-30").instant()).isEqualTo(Instant.parse("2027-07-30T12:00:00Z"));

		List<Due> all = calendar.dues(placement);
		assertThat(all).filteredOn(d -> d.phase() == PromptPhase.FIRST_WEEK).hasSize(1);
		assertThat(all).filteredOn(d -> d.phase() == PromptPhase.MIDPOINT).hasSize(1);
		assertThat(all).filteredOn(d -> d.phase() == PromptPhase.LAST_WEEK).hasSize(1);
		assertThat(all).filteredOn(d -> d.phase() == PromptPhase.FOLLOW_UP).hasSize(1);
		assertThat(all.get(all.size() - 1).date()).isEqualTo(LocalDate.parse("2027-07-30"));
	}

	@Test
	void phaseBoundariesOnAShortPlacement() {
		// Mon 4 Jan 2027 to Mon 1 Mar 2027: 56 days, midpoint Mon 1 Feb, so the midpoint week is Fri 29 Jan to Thu 4 Feb.
		Placement placement = placement("Europe/Stockholm", "2027-01-04", "2027-03-01", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		assertThat(dues.keySet()).containsExactly("2027-01-08", "2027-01-15", "2027-01-22", "2027-01-29", "2027-02-05",
				"2027-02-12", "2027-02-19", "2027-02-26", "2027-06-04");
		assertPrompt(placement, dues, "2027-01-08", PromptPhase.FIRST_WEEK, "first-week-onboarding");
		assertPrompt(placement, dues, "2027-01-15", PromptPhase.WEEKLY, "weekly-status-check");
		assertPrompt(placement, dues, "2027-01-22", PromptPhase.WEEKLY, "weekly-gibbs");
		// three days before the midpoint: the first day of its week
		assertPrompt(placement, dues, "2027-01-29", PromptPhase.MIDPOINT, "midpoint-review");
		// four days after it: a weekly week again
		assertPrompt(placement, dues, "2027-02-05", PromptPhase.WEEKLY, "weekly-status-check");
		assertPrompt(placement, dues, "2027-02-12", PromptPhase.WEEKLY, "weekly-gibbs");
		assertPrompt(placement, dues, "2027-02-19", PromptPhase.WEEKLY, "weekly-rolfe");
		// Fri 26 Feb is 3 days before the end: the last 7 days
		assertPrompt(placement, dues, "2027-02-26", PromptPhase.LAST_WEEK, "last-week-lessons-learnt");
		// End + 3 months = Tue 1 Jun; the schedule day on or after it is Fri 4 Jun.
		assertPrompt(placement, dues, "2027-06-04", PromptPhase.FOLLOW_UP, "follow-up");
		assertThat(dues.get("2027-06-04").instant()).isEqualTo(Instant.parse("2027-06-04T12:00:00Z"));
	}

	@Test
	void theFirstWeekIsTheSevenDaysFromTheStartDate() {
		// Starting on the schedule day: the start date itself is due, and a week later is a weekly week.
		Placement onFriday = placement("Europe/Stockholm", "2026-11-06", "2027-04-30", DayOfWeek.FRIDAY, "14:00");
		Map<String, Due> fromFriday = byDate(onFriday);
		assertThat(fromFriday.keySet().iterator().next()).isEqualTo("2026-11-06");
		assertPrompt(onFriday, fromFriday, "2026-11-06", PromptPhase.FIRST_WEEK, "first-week-onboarding");
		assertPrompt(onFriday, fromFriday, "2026-11-13", PromptPhase.WEEKLY, "weekly-status-check");

		// Starting on a Saturday: the first Friday is the 6th day, still the first week.
		Placement onSaturday = placement("Europe/Stockholm", "2026-11-07", "2027-04-30", DayOfWeek.FRIDAY, "14:00");
		Map<String, Due> fromSaturday = byDate(onSaturday);
		assertThat(fromSaturday.keySet().iterator().next()).isEqualTo("2026-11-13");
		assertPrompt(onSaturday, fromSaturday, "2026-11-13", PromptPhase.FIRST_WEEK, "first-week-onboarding");
		assertPrompt(onSaturday, fromSaturday, "2026-11-20", PromptPhase.WEEKLY, "weekly-status-check");
	}

	@Test
	void nothingIsDueBeforeTheStartOrAfterTheEndExceptOneFollowUp() {
		// Sat 7 Nov 2026 to Thu 25 Feb 2027: Fridays 13 Nov .. 19 Feb (15 of them), then the follow-up.
		Placement placement = placement("Europe/Stockholm", "2026-11-07", "2027-02-25", DayOfWeek.FRIDAY, "14:00");

		List<Due> dues = calendar.dues(placement);

		assertThat(dues).hasSize(16);
		assertThat(dues.get(0).date()).isEqualTo(LocalDate.parse("2026-11-13"));
		assertThat(dues.get(14).date()).isEqualTo(LocalDate.parse("2027-02-19"));
		assertThat(dues.subList(0, 15)).allSatisfy(due -> {
			assertThat(due.date()).isBetween(LocalDate.parse("2026-11-07"), LocalDate.parse("2027-02-25"));
			assertThat(due.phase()).isNotEqualTo(PromptPhase.FOLLOW_UP);
		});
		// End + 3 months = Tue 25 May; the next Friday is 28 May.
		Due followUp = dues.get(15);
		assertThat(followUp.date()).isEqualTo(LocalDate.parse("2027-05-28"));
		assertThat(followUp.phase()).isEqualTo(PromptPhase.FOLLOW_UP);
		assertThat(followUp.instant()).isEqualTo(Instant.parse("2027-05-28T12:00:00Z"));
		assertThat(calendar.nextAfter(placement, Instant.parse("2027-05-28T12:00:00Z"))).isEmpty();
	}

	@Test
	void theStartAndEndDatesAreIncludedWhenTheyFallOnTheScheduleDay() {
		Placement placement = placement("Europe/Stockholm", "2027-01-15", "2027-02-12", DayOfWeek.FRIDAY, "14:00");

		assertThat(byDate(placement).keySet()).containsExactly("2027-01-15", "2027-01-22", "2027-01-29",
				"2027-02-05", "2027-02-12", "2027-05-14");
	}

	@Test
	void nextAfterAndBetweenTakeDuesStrictlyAfterTheFirstInstant() {
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		assertThat(calendar.nextAfter(placement, Instant.parse("2026-12-02T10:00:00Z")).orElseThrow().instant())
			.isEqualTo(Instant.parse("2026-12-04T13:00:00Z"));
		assertThat(calendar.nextAfter(placement, Instant.parse("2026-12-04T13:00:00Z")).orElseThrow().instant())
			.isEqualTo(Instant.parse("2026-12-11T13:00:00Z"));
		assertThat(calendar.between(placement, Instant.parse("2026-12-04T13:00:00Z"),
				Instant.parse("2026-12-18T13:00:00Z")))
			.extracting(Due::instant)
			.containsExactly(Instant.parse("2026-12-11T13:00:00Z"), Instant.parse("2026-12-18T13:00:00Z"));
	}

	@Test
	void stockholmFridayAfternoonsKeepTheirLocalTimeAcrossDaylightSavingChanges() {
		Placement placement = placement("Europe/Stockholm", "2026-10-19", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		// Summer time ends Sun 25 Oct 2026.
		assertDue(dues, "2026-10-23", "2026-10-23T14:00", "2026-10-23T12:00:00Z");
		assertDue(dues, "2026-10-30", "2026-10-30T14:00", "2026-10-30T13:00:00Z");
		// Summer time starts Sun 28 Mar 2027. Fri 26 Mar is Good Friday and Mon 29 Mar Easter Monday (Swedish public
		// holidays), so that week's prompt moves to Tuesday 30 March, 14:00 summer time.
		assertDue(dues, "2027-03-19", "2027-03-19T14:00", "2027-03-19T13:00:00Z");
		assertThat(dues).doesNotContainKey("2027-03-26");
		assertDue(dues, "2027-03-30", "2027-03-30T14:00", "2027-03-30T12:00:00Z");
		assertDue(dues, "2027-04-02", "2027-04-02T14:00", "2027-04-02T12:00:00Z");
	}

	@Test
	void aTimeThatDoesNotExistMovesForwardAndAnAmbiguousTimeTakesTheSummerOffset() {
		// Only reachable without working hours, on a seven-day week and without holidays (28 Mar 2027 is Easter Day).
		Placement placement = placement("Europe/Stockholm", "2026-10-19", "2027-04-30", DayOfWeek.SUNDAY, "02:30",
				EnumSet.allOf(DayOfWeek.class), null);
		PromptCalendar anyTime = new PromptCalendar(new PromptLibrary(Path.of("prompts")), 3, new WorkCalendar(false),
				"00:00-24:00");

		Map<String, Due> dues = byDate(anyTime, placement);

		// 25 Oct 2026: 02:30 happens twice (CEST, then CET); the first one counts.
		assertDue(dues, "2026-10-25", "2026-10-25T02:30", "2026-10-25T00:30:00Z");
		assertDue(dues, "2026-11-01", "2026-11-01T02:30", "2026-11-01T01:30:00Z");
		// 28 Mar 2027: clocks jump from 02:00 to 03:00, so 02:30 becomes 03:30 summer time.
		assertDue(dues, "2027-03-21", "2027-03-21T02:30", "2027-03-21T01:30:00Z");
		assertDue(dues, "2027-03-28", "2027-03-28T03:30", "2027-03-28T01:30:00Z");
		assertDue(dues, "2027-04-04", "2027-04-04T02:30", "2027-04-04T00:30:00Z");
	}

	@Test
	void newYorkFridayAfternoonsAcrossItsOwnDaylightSavingDates() {
		Placement placement = placement("America/New_York", "2026-10-19", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		// Eastern daylight time ends Sun 1 Nov 2026 ...
		assertDue(dues, "2026-10-30", "2026-10-30T14:00", "2026-10-30T18:00:00Z");
		assertDue(dues, "2026-11-06", "2026-11-06T14:00", "2026-11-06T19:00:00Z");
		// ... and starts Sun 14 Mar 2027, two weeks before Europe's.
		assertDue(dues, "2027-03-12", "2027-03-12T14:00", "2027-03-12T19:00:00Z");
		assertDue(dues, "2027-03-19", "2027-03-19T14:00", "2027-03-19T18:00:00Z");
		assertDue(dues, "2027-03-26", "2027-03-26T14:00", "2027-03-26T18:00:00Z");
	}

	@Test
	void seoulHasNoDaylightSavingSoTwoPmIsAlwaysFiveUtc() {
		Placement placement = placement("Asia/Seoul", "2026-10-19", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		assertDue(dues, "2026-10-23", "2026-10-23T14:00", "2026-10-23T05:00:00Z");
		assertDue(dues, "2026-10-30", "2026-10-30T14:00", "2026-10-30T05:00:00Z");
		assertDue(dues, "2027-03-26", "2027-03-26T14:00", "2027-03-26T05:00:00Z");
		assertDue(dues, "2027-04-02", "2027-04-02T14:00", "2027-04-02T05:00:00Z");
		assertDue(dues, "2027-07-30", "2027-07-30T14:00", "2027-07-30T05:00:00Z");
		assertThat(dues.values()).hasSize(29)
			.allSatisfy(due -> assertThat(due.instant().toString()).isEqualTo(due.date() + "T05:00:00Z"));
	}

	/**
	 * The rotation and the phases count the same weeks as every screen ({@link Placement#weekNumberOn}): the
	 * onboarding prompt is the one of week 1, a weekly week n gets weekly prompt (n - 1) mod 3, the lessons-learnt
	 * prompt is in the last week, each week has one prompt, and the week a prompt is for is the week its context
	 * line names when it goes out on its scheduled date (one moved off a holiday into the next week names that week,
	 * and keeps its place in the rotation).
	 */
	@ParameterizedTest(name = "{0} to {1}, prompts on {2}")
	@CsvSource({ "2026-11-02, 2027-04-30, FRIDAY", "2026-11-04, 2027-03-09, MONDAY", "2026-11-07, 2027-02-26, FRIDAY",
			"2027-01-04, 2027-03-03, WEDNESDAY", "2026-11-02, 2026-11-20, TUESDAY" })
	void theRotationAndThePhasesFollowTheWeekNumber(String start, String end, DayOfWeek day) {
		Placement placement = placement("Europe/Stockholm", start, end, day, "14:00");
		List<Prompt> weekly = new PromptLibrary(Path.of("prompts")).inPhase(PromptPhase.WEEKLY);
		List<Due> dues = calendar.dues(placement).stream().filter(d -> d.phase() != PromptPhase.FOLLOW_UP).toList();

		assertThat(dues).extracting(d -> placement.weekNumberOn(d.scheduled())).doesNotHaveDuplicates();
		for (Due due : dues) {
			int week = placement.weekNumberOn(due.scheduled());
			assertThat(due.phase() == PromptPhase.FIRST_WEEK).as("first week on %s", due.scheduled())
				.isEqualTo(week == 1);
			if (due.phase() == PromptPhase.WEEKLY) {
				assertThat(calendar.promptFor(placement, due)).as("rotation in week %d", week)
					.isEqualTo(weekly.get((week - 1) % weekly.size()));
			}
			if (due.phase() == PromptPhase.LAST_WEEK) {
				assertThat(week).as("the lessons-learnt prompt's week").isEqualTo(placement.totalWeeks());
			}
			if (due.date().equals(due.scheduled())) {
				// not moved off a holiday or a day off: its context line names the week it is for
				assertThat(placement.weekNumberOn(due.date())).isEqualTo(week);
			}
		}
		assertThat(dues).filteredOn(d -> d.phase() == PromptPhase.LAST_WEEK).hasSize(1);
	}

	/**
	 * The limit: when the last week is too short to hold the schedule day (here Mon 1 Mar 2027 alone, prompts on
	 * Fridays), the lessons-learnt prompt is the last one, on the Friday of the week before.
	 */
	@Test
	void aLastWeekWithoutTheScheduleDayGetsTheLessonsLearntPromptTheWeekBefore() {
		Placement placement = placement("Europe/Stockholm", "2027-01-04", "2027-03-01", DayOfWeek.FRIDAY, "14:00");
		Due last = calendar.dues(placement).stream().filter(d -> d.phase() == PromptPhase.LAST_WEEK).findFirst()
			.orElseThrow();

		assertThat(placement.totalWeeks()).isEqualTo(9);
		assertThat(last.scheduled()).isEqualTo(LocalDate.parse("2027-02-26"));
		assertThat(placement.weekNumberOn(last.scheduled())).isEqualTo(8);
	}

	private static Map<String, Due> byDate(Placement placement) {
		return byDate(calendar, placement);
	}

	private static Map<String, Due> byDate(PromptCalendar calendar, Placement placement) {
		Map<String, Due> dues = new LinkedHashMap<>();
		for (Due due : calendar.dues(placement)) {
			assertThat(dues.put(due.date().toString(), due)).as("two dues on %s", due.date()).isNull();
		}
		return dues;
	}

	private static void assertPrompt(Placement placement, Map<String, Due> dues, String date, PromptPhase phase,
			String promptId) {
		Due due = dues.get(date);
		assertThat(due).as("a prompt due on %s", date).isNotNull();
		assertThat(due.phase()).as("phase on %s", date).isEqualTo(phase);
		assertThat(calendar.promptFor(placement, due).id()).as("prompt on %s", date).isEqualTo(promptId);
	}

	private static void assertDue(Map<String, Due> dues, String date, String local, String instant) {
		Due due = dues.get(date);
		assertThat(due).as("a prompt due on %s", date).isNotNull();
		assertThat(due.local()).as("local time on %s", date).isEqualTo(LocalDateTime.parse(local));
		assertThat(due.instant()).as("instant on %s", date).isEqualTo(Instant.parse(instant));
	}
}
