package org.fieldnotes.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.placement.PlacementFixtures.placement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one definition of a placement's week ({@link Placement#weekNumberOn(LocalDate)}): week 1 starts on the start
 * date, weeks run from the start date's weekday, a short last week still counts, the number stays between 1 and
 * the total, and "today" is the participant's date.
 */
class PlacementWeekTests {

	/** Wed 4 Nov 2026 to Mon 4 Jan 2027: 62 days, so 8 whole weeks and a last week of 6 days. */
	private static final Placement FROM_WEDNESDAY = placement("Europe/Stockholm", "2026-11-04", "2027-01-04",
			DayOfWeek.FRIDAY, "14:00");

	@ParameterizedTest(name = "{0} is week {1}")
	@CsvSource({
			// the start date and the six days after it are week 1, whatever weekday it starts on
			"2026-11-04, 1", "2026-11-08, 1", "2026-11-09, 1", "2026-11-10, 1",
			// the seventh day after the start begins week 2: a Wednesday, not a Monday
			"2026-11-11, 2", "2026-11-17, 2", "2026-11-18, 3",
			// the last full week, then the 6-day last week
			"2026-12-29, 8", "2026-12-30, 9", "2027-01-04, 9",
			// before the start it is week 1, after the end the last week
			"2026-10-01, 1", "2026-11-03, 1", "2027-01-05, 9", "2027-06-30, 9" })
	void weeksRunFromTheStartDateAndStayWithinThePlacement(LocalDate date, int week) {
		assertThat(FROM_WEDNESDAY.weekNumberOn(date)).isEqualTo(week);
		assertThat(FROM_WEDNESDAY.totalWeeks()).isEqualTo(9);
	}

	@ParameterizedTest(name = "{1} days make {2} weeks")
	@CsvSource({ "2026-11-02, 1, 1", "2026-11-08, 7, 1", "2026-11-09, 8, 2", "2026-11-15, 14, 2",
			"2026-11-16, 15, 3", "2027-04-30, 180, 26" })
	void aShortLastWeekCountsAsAWeek(LocalDate end, int days, int weeks) {
		Placement placement = placement("Europe/Stockholm", "2026-11-02", end.toString(), DayOfWeek.FRIDAY, "14:00");

		assertThat(ChronoUnit.DAYS.between(placement.getStartDate(), end) + 1).isEqualTo(days);
		assertThat(placement.totalWeeks()).isEqualTo(weeks);
		assertThat(placement.weekNumberOn(end)).isEqualTo(weeks);
	}

	@Test
	void todayIsTheParticipantsDateWhoeverAsks() {
		// Sunday 8 Nov 2026, 22:30 UTC: 23:30 on Sunday in Stockholm, already 07:30 on Monday 9 Nov in Seoul
		Instant instant = Instant.parse("2026-11-08T22:30:00Z");
		Placement inSeoul = placement("Asia/Seoul", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");
		Placement inStockholm = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		assertThat(inSeoul.dateAt(instant)).isEqualTo(LocalDate.parse("2026-11-09"));
		assertThat(inSeoul.weekNumberAt(instant)).isEqualTo(2);
		assertThat(inStockholm.dateAt(instant)).isEqualTo(LocalDate.parse("2026-11-08"));
		assertThat(inStockholm.weekNumberAt(instant)).isEqualTo(1);
		// Stockholm's Monday starts at 23:00 UTC (winter time, UTC+1)
		assertThat(inStockholm.weekNumberAt(Instant.parse("2026-11-08T22:59:59Z"))).isEqualTo(1);
		assertThat(inStockholm.weekNumberAt(Instant.parse("2026-11-08T23:00:00Z"))).isEqualTo(2);
	}

	@Test
	void theDaylightSavingChangeMovesNoWeekBoundary() {
		// Stockholm goes to summer time on Sun 28 Mar 2027 (02:00 -> 03:00); week 22 starts on Mon 29 Mar
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");

		// Sun 28 Mar 23:59 local (CEST, UTC+2) is still week 21; Mon 29 Mar 00:00 local is week 22
		assertThat(placement.weekNumberAt(Instant.parse("2027-03-28T21:59:00Z"))).isEqualTo(21);
		assertThat(placement.weekNumberAt(Instant.parse("2027-03-28T22:00:00Z"))).isEqualTo(22);
		// with the winter offset (UTC+1) that same instant would still be Sunday: the zone's rules decide
		assertThat(placement.weekNumberAt(Instant.parse("2027-03-28T22:30:00Z"))).isEqualTo(22);
	}
}
