package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.placement.PlacementFixtures.inProgram;
import static org.fieldnotes.placement.PlacementFixtures.placement;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.placement.Cadence;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phases sized to the placement: a programme's {@code reviewEvery} gives a long placement a review every period
 * instead of one midpoint. Dates worked out by hand (Fridays at 14:00 in Stockholm).
 */
class ReviewPhaseTests {

	private static PromptLibrary library;

	@BeforeAll
	static void realLibrary() {
		library = new PromptLibrary(Path.of("prompts"));
	}

	@Test
	void aTwoYearPlacementHasAReviewEveryQuarterAndNoMidpoint() {
		// Mon 4 Jan 2027 to Fri 29 Dec 2028; review points 4 Apr, 4 Jul, 4 Oct 2027, 4 Jan, 4 Apr, 4 Jul, 4 Oct 2028
		// (the eighth, 4 Jan 2029, is after the end); each review is the first Friday from 3 days before the point
		Placement placement = placement("Europe/Stockholm", "2027-01-04", "2028-12-29", DayOfWeek.FRIDAY, "14:00");

		List<Due> dues = calendar(settings("P3M", Cadence.WEEKLY)).dues(placement);

		assertThat(dues).filteredOn(due -> due.phase() == PromptPhase.REVIEW).extracting(Due::date).containsExactly(
				date("2027-04-02"), date("2027-07-02"), date("2027-10-01"), date("2028-01-07"), date("2028-04-07"),
				date("2028-07-07"), date("2028-10-06"));
		assertThat(dues).extracting(Due::phase).doesNotContain(PromptPhase.MIDPOINT)
			.containsOnlyOnce(PromptPhase.FIRST_WEEK, PromptPhase.LAST_WEEK, PromptPhase.FOLLOW_UP);
		// the shared library's review prompt
		assertThat(dues).filteredOn(due -> due.phase() == PromptPhase.REVIEW)
			.allSatisfy(due -> assertThat(calendar(settings("P3M", Cadence.WEEKLY)).promptFor(placement, due).id())
				.isEqualTo("periodic-review"));
	}

	@Test
	void aKtpProgrammesOwnReviewFileTakesThePlaceOfTheSharedOne() {
		Placement placement = inProgram("KTP two-year", "Europe/Stockholm", "2027-01-04", "2028-12-29",
				DayOfWeek.FRIDAY, "14:00");
		PromptCalendar calendar = calendar(settings("P3M", Cadence.FORTNIGHTLY));

		List<Due> reviews = calendar.dues(placement).stream().filter(due -> due.phase() == PromptPhase.REVIEW).toList();

		// fortnightly (weeks 1, 3, 5 …): each review is the first prompt day of the rhythm from 3 days before its point
		assertThat(reviews).extracting(Due::scheduled).containsExactly(date("2027-04-02"), date("2027-07-09"),
				date("2027-10-01"), date("2028-01-07"), date("2028-04-14"), date("2028-07-07"), date("2028-10-13"));
		assertThat(reviews).allSatisfy(due -> assertThat(calendar.promptFor(placement, due).id())
			.isEqualTo("ktp-quarterly-steering"));
	}

	@Test
	void aTenWeekPlacementStillGetsItsOneMidpoint() {
		// Mon 2 Nov 2026 to Fri 8 Jan 2027: shorter than the review period, so one midpoint (Sat 5 Dec: Fri 4 Dec)
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-01-08", DayOfWeek.FRIDAY, "14:00");

		List<Due> dues = calendar(settings("P3M", Cadence.WEEKLY)).dues(placement);

		assertThat(dues).filteredOn(due -> due.phase() == PromptPhase.MIDPOINT).extracting(Due::date)
			.containsExactly(date("2026-12-04"));
		assertThat(dues).extracting(Due::phase).doesNotContain(PromptPhase.REVIEW);
		assertThat(calendar(settings("P3M", Cadence.WEEKLY)).promptFor(placement, dues.get(4)).id())
			.isEqualTo("midpoint-review");
	}

	@Test
	void withoutReviewEveryATwoYearPlacementHasOneMidpointAsBefore() {
		Placement placement = placement("Europe/Stockholm", "2027-01-04", "2028-12-29", DayOfWeek.FRIDAY, "14:00");

		List<Due> dues = calendar(ProgramSettings.none("KTP 2026")).dues(placement);

		// 725 days: the midpoint is Fri 31 Dec 2027
		assertThat(dues).filteredOn(due -> due.phase() == PromptPhase.MIDPOINT).extracting(Due::scheduled)
			.containsExactly(date("2027-12-31"));
		assertThat(dues).extracting(Due::phase).doesNotContain(PromptPhase.REVIEW);
	}

	@Test
	void aReviewPeriodMustBeAWeekOrLonger() {
		assertThat(ProgramSettings.parsePeriod("P3M")).hasValue(java.time.Period.ofMonths(3));
		assertThat(ProgramSettings.parsePeriod("p12w")).hasValue(java.time.Period.ofDays(84));
		assertThat(ProgramSettings.parsePeriod("P6D")).isEmpty();
		assertThat(ProgramSettings.parsePeriod("P-3M")).isEmpty();
		assertThat(ProgramSettings.parsePeriod("quarterly")).isEmpty();
		assertThat(ProgramSettings.parsePeriod("")).isEmpty();
	}

	private static PromptCalendar calendar(ProgramSettings settings) {
		return new PromptCalendar(library, 3, new WorkCalendar(), "08:00-18:00", program -> settings);
	}

	private static ProgramSettings settings(String reviewEvery, Cadence cadence) {
		return new ProgramSettings("x", "x", null, null, cadence, null, reviewEvery);
	}

	private static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}
}
