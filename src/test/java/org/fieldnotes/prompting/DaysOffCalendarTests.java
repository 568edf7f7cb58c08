package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.placement.PlacementFixtures.placement;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prompts move off days off: days the participant does not work, public holidays of their country, and times
 * outside the working hours (08:00-18:00). Every expected date and instant was worked out by hand from a 2026/27
 * calendar (Stockholm is UTC+1 in winter, UTC+2 from 28 March 2027).
 */
class DaysOffCalendarTests {

	private static PromptCalendar calendar;
	private static QuietHours quietHours;

	@BeforeAll
	static void realLibrary() {
		WorkCalendar workCalendar = new WorkCalendar();
		calendar = new PromptCalendar(new PromptLibrary(Path.of("prompts")), 3, workCalendar, "08:00-18:00");
		quietHours = new QuietHours("08:00-18:00", workCalendar);
	}

	@Test
	void aPromptDueOnADayThePartTimerIsNotAtTheHostMovesToTheirNextWorkDay() {
		// Works Mondays and Wednesdays; prompted on Fridays at 14:00.
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00",
				EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), null);

		Map<String, Due> dues = byDate(placement);

		// Fri 4 Dec → Mon 7 Dec 14:00 CET; still the prompt of the week it was scheduled in.
		assertThat(dues).doesNotContainKey("2026-12-04");
		Due moved = dues.get("2026-12-07");
		assertThat(moved.instant()).isEqualTo(Instant.parse("2026-12-07T13:00:00Z"));
		assertThat(moved.scheduled()).isEqualTo(LocalDate.parse("2026-12-04"));
		assertThat(calendar.promptFor(placement, moved).id()).isEqualTo("weekly-status-check");
		assertThat(calendar.nextAfter(placement, Instant.parse("2026-12-02T10:00:00Z")).orElseThrow().instant())
			.isEqualTo(Instant.parse("2026-12-07T13:00:00Z"));
		// 26 Fridays and the follow-up, none lost.
		assertThat(dues).hasSize(27);
	}

	@Test
	void swedishChristmasAndNewYearFallOnFridaysSoThoseWeeksArePromptedOnMonday() {
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		assertThat(dues).doesNotContainKeys("2026-12-25", "2027-01-01");
		// Fri 25 Dec (Christmas Day), Sat 26 (Boxing Day) → Mon 28 Dec; Fri 1 Jan → Mon 4 Jan. Rotation by the
		// scheduled Friday: weeks 7, 8 and 9 after the start.
		assertDue(placement, dues, "2026-12-28", "2026-12-28T13:00:00Z", "weekly-status-check");
		assertDue(placement, dues, "2027-01-04", "2027-01-04T13:00:00Z", "weekly-gibbs");
		assertDue(placement, dues, "2027-01-08", "2027-01-08T13:00:00Z", "weekly-rolfe");
	}

	@Test
	void thePersonsOwnCountryDecidesTheHolidaysNotTheirTimeZone() {
		// In Stockholm's time zone but with British holidays: 28 Dec 2026 is the substitute Boxing Day there.
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00",
				null, "GB");

		Map<String, Due> dues = byDate(placement);

		assertThat(dues).doesNotContainKeys("2026-12-25", "2026-12-28");
		assertThat(dues.get("2026-12-29").instant()).isEqualTo(Instant.parse("2026-12-29T13:00:00Z"));
		assertThat(dues.get("2027-01-04").instant()).isEqualTo(Instant.parse("2027-01-04T13:00:00Z"));
	}

	@Test
	void theCountryComesFromThePersonElseFromTheTimeZone() {
		assertThat(WorkCalendar.countryOf(new Person(new PersonId("p-UA"), "A", List.of(), List.of(), "Europe/Stockholm", "en", null))).hasValue("SE");
		assertThat(WorkCalendar.countryOf(new Person(new PersonId("p-UA"), "A", List.of(), List.of(), "America/New_York", "en", null))).hasValue("US");
		assertThat(WorkCalendar.countryOf(new Person(new PersonId("p-UA"), "A", List.of(), List.of(), "Europe/Stockholm", "en", "gb"))).hasValue("GB");
		assertThat(WorkCalendar.countryOf(new Person(new PersonId("p-UA"), "A", List.of(), List.of(), "Etc/UTC", "en", null))).isEqualTo(Optional.empty());
	}

	@Test
	void aPromptThatWouldReachTheNextWeeksIsRecordedSkippedOnItsOwnDate() {
		// Works Mondays only, prompted Mondays 10:00. Easter Monday 29 Mar 2027 would move to Mon 5 Apr: next week's.
		Placement placement = placement("Europe/Stockholm", "2027-03-01", "2027-05-31", DayOfWeek.MONDAY, "10:00",
				EnumSet.of(DayOfWeek.MONDAY), null);

		List<Due> dues = calendar.dues(placement);
		Map<String, Due> byDate = byDate(placement);

		// 14 Mondays from 1 Mar to 31 May, and the follow-up: end + 3 months = Tue 31 Aug → Mon 6 Sep.
		assertThat(dues).hasSize(15);
		Due easter = byDate.get("2027-03-29");
		assertThat(easter.skipReason()).isEqualTo("holiday");
		assertThat(easter.instant()).isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
		Due next = byDate.get("2027-04-05");
		assertThat(next.isSkipped()).isFalse();
		assertThat(next.instant()).isEqualTo(Instant.parse("2027-04-05T08:00:00Z"));
		assertThat(dues).filteredOn(Due::isSkipped).hasSize(1);
		assertThat(dues.get(14).date()).isEqualTo(LocalDate.parse("2027-09-06"));
		assertThat(dues.get(14).instant()).isEqualTo(Instant.parse("2027-09-06T08:00:00Z"));
	}

	@Test
	void theLastPromptNeverMovesPastTheEndDateButBackToTheLastWorkDayBeforeIt() {
		// Ends on Good Friday 26 Mar 2027; Mon 29 is Easter Monday, so moving on would pass the end: Thu 25 Mar.
		Placement placement = placement("Europe/Stockholm", "2027-01-04", "2027-03-26", DayOfWeek.FRIDAY, "14:00");

		Map<String, Due> dues = byDate(placement);

		Due last = dues.get("2027-03-25");
		assertThat(last.phase()).isEqualTo(PromptPhase.LAST_WEEK);
		assertThat(last.instant()).isEqualTo(Instant.parse("2027-03-25T13:00:00Z"));
		assertThat(calendar.promptFor(placement, last).id()).isEqualTo("last-week-lessons-learnt");
		assertThat(dues).doesNotContainKeys("2027-03-26", "2027-03-29", "2027-03-30");
	}

	@Test
	void aScheduleTimeBeforeTheWorkingHoursMovesToTheirStartAndOneAfterThemToTheNextWorkDay() {
		Placement early = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "07:00");
		Placement late = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "19:30");

		assertThat(byDate(early).get("2026-12-04").instant()).isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
		// Friday 19:30 → Monday 7 December, 08:00.
		assertThat(byDate(late)).doesNotContainKey("2026-12-04");
		assertThat(byDate(late).get("2026-12-07").instant()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
	}

	@Test
	void quietHoursLetAMessageThroughOnlyWithinWorkingHoursOnAWorkDay() {
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		// Wed 2 Dec 11:00 local: allowed as it is.
		assertThat(quietHours.nextAllowed(placement, Instant.parse("2026-12-02T10:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
		assertThat(quietHours.isAllowed(placement, Instant.parse("2026-12-02T10:00:00Z"))).isTrue();
		// Wed 06:30 local → 08:00 the same day; 18:00 (end is exclusive) → Thu 08:00.
		assertThat(quietHours.nextAllowed(placement, Instant.parse("2026-12-02T05:30:00Z")))
			.isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
		assertThat(quietHours.nextAllowed(placement, Instant.parse("2026-12-02T17:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
		assertThat(quietHours.isAllowed(placement, Instant.parse("2026-12-02T17:00:00Z"))).isFalse();
		// Sat 5 Dec 11:00 → Mon 7 Dec 11:00; Thu 24 Dec 10:00 (Christmas Eve) → Mon 28 Dec 10:00.
		assertThat(quietHours.nextAllowed(placement, Instant.parse("2026-12-05T10:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
		assertThat(quietHours.nextAllowed(placement, Instant.parse("2026-12-24T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
	}

	private static Map<String, Due> byDate(Placement placement) {
		Map<String, Due> dues = new LinkedHashMap<>();
		for (Due due : calendar.dues(placement)) {
			assertThat(dues.put(due.date().toString(), due)).as("two dues on %s", due.date()).isNull();
		}
		return dues;
	}

	private static void assertDue(Placement placement, Map<String, Due> dues, String date, String instant,
			String promptId) {
		Due due = dues.get(date);
		assertThat(due).as("a prompt due on %s", date).isNotNull();
		assertThat(due.instant()).as("instant on %s", date).isEqualTo(Instant.parse(instant));
		assertThat(calendar.promptFor(placement, due).id()).as("prompt on %s", date).isEqualTo(promptId);
	}
}
