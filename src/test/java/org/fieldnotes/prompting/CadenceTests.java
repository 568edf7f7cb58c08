package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.placement.PlacementFixtures.placement;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.placement.Cadence;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.PromptSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A programme's cadence on the real prompt library and Sweden's public holidays. The placement runs from Mon 2 Nov
 * 2026 to Fri 30 Apr 2027 (26 Fridays; midpoint Sat 30 Jan 2027), prompted on Fridays at 14:00 in Stockholm; every
 * expected date was worked out by hand.
 */
class CadenceTests {

	private static PromptLibrary library;

	@BeforeAll
	static void realLibrary() {
		library = new PromptLibrary(Path.of("prompts"));
	}

	@Test
	void weeklyIsTheDefaultAndPromptsEveryFriday() {
		Placement placement = novemberToApril();

		List<Due> dues = calendar(null).dues(placement);

		assertThat(dues).hasSize(27);
		assertThat(calendar(Cadence.WEEKLY).dues(placement)).isEqualTo(dues);
	}

	@Test
	void fortnightlyPromptsEverySecondWeekFromTheStartAndStillTheLastWeek() {
		Placement placement = novemberToApril();

		List<Due> dues = calendar(Cadence.FORTNIGHTLY).dues(placement);

		assertThat(dues).extracting(Due::scheduled).containsExactly(date("2026-11-06"), date("2026-11-20"),
				date("2026-12-04"), date("2026-12-18"), date("2027-01-01"), date("2027-01-15"), date("2027-01-29"),
				date("2027-02-12"), date("2027-02-26"), date("2027-03-12"), date("2027-03-26"), date("2027-04-09"),
				date("2027-04-23"), date("2027-04-30"), date("2027-07-30"));
		// weeks 1, 3, 5 … of the placement; week 26, the last, as well
		assertThat(dues.subList(0, 13)).allSatisfy(due -> assertThat(placement.weekNumberOn(due.scheduled()) % 2)
			.as("week of %s", due.scheduled()).isEqualTo(1));
		// New Year's Day is a holiday: moved to Monday 4 Jan, still in its week
		assertThat(dues.get(4).date()).isEqualTo(date("2027-01-04"));
		assertThat(dues).extracting(Due::phase).containsOnlyOnce(PromptPhase.FIRST_WEEK, PromptPhase.MIDPOINT,
				PromptPhase.LAST_WEEK, PromptPhase.FOLLOW_UP);
		assertThat(dues.get(6).phase()).as("29 Jan, the midpoint's week").isEqualTo(PromptPhase.MIDPOINT);
		// the weekly prompts rotate by the prompt's place in the schedule, so a fortnightly rhythm meets all three
		assertThat(dues.subList(1, 6)).extracting(due -> calendar(Cadence.FORTNIGHTLY).promptFor(placement, due).id())
			.containsExactly("weekly-status-check", "weekly-gibbs", "weekly-rolfe", "weekly-status-check",
					"weekly-gibbs");
	}

	@Test
	void monthlyPromptsOnTheFirstFridayOfTheMonthThatIsAWorkDay() {
		Placement placement = novemberToApril();

		List<Due> dues = calendar(Cadence.MONTHLY).dues(placement);

		// 1 Jan 2027 is a public holiday: January's is the 8th, not the 1st moved to the 4th
		assertThat(dues).extracting(Due::date).containsExactly(date("2026-11-06"), date("2026-12-04"),
				date("2027-01-08"), date("2027-02-05"), date("2027-03-05"), date("2027-04-02"), date("2027-04-30"),
				date("2027-07-30"));
		assertThat(dues).extracting(Due::phase).containsExactly(PromptPhase.FIRST_WEEK, PromptPhase.WEEKLY,
				PromptPhase.WEEKLY, PromptPhase.MIDPOINT, PromptPhase.WEEKLY, PromptPhase.WEEKLY,
				PromptPhase.LAST_WEEK, PromptPhase.FOLLOW_UP);
	}

	@Test
	void monthlyCountsTheMonthFromItsFirstDayNotFromTheStart() {
		// starts Wed 18 Nov 2026: November's first Friday (6 Nov) is before the start, so November has only the
		// first week's prompt (Fri 20 Nov)
		Placement placement = placement("Europe/Stockholm", "2026-11-18", "2027-02-26", DayOfWeek.FRIDAY, "14:00");

		assertThat(calendar(Cadence.MONTHLY).dues(placement)).extracting(Due::date).containsExactly(
				date("2026-11-20"), date("2026-12-04"), date("2027-01-08"), date("2027-02-05"), date("2027-02-26"),
				date("2027-05-28"));
	}

	@Test
	void aMonthlyProgrammesSettingsComeFromItsLookup() {
		Placement placement = novemberToApril();
		PromptCalendar calendar = new PromptCalendar(library, 3, new WorkCalendar(), "08:00-18:00",
				program -> program.equals("KTP 2026") ? settings(Cadence.MONTHLY) : ProgramSettings.none(program));

		assertThat(calendar.dues(placement)).hasSize(8);
		assertThat(calendar.nextAfter(placement, java.time.Instant.parse("2026-11-07T00:00:00Z")).orElseThrow().date())
			.as("after the first week, the next is December's").isEqualTo(date("2026-12-04"));
	}

	private static Placement novemberToApril() {
		return placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");
	}

	private static PromptCalendar calendar(Cadence cadence) {
		return new PromptCalendar(library, 3, new WorkCalendar(), "08:00-18:00", program -> settings(cadence));
	}

	private static ProgramSettings settings(Cadence cadence) {
		return new ProgramSettings("ktp 2026", "KTP 2026", null, null, cadence, PromptSet.SHARED, null);
	}

	private static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}
}
