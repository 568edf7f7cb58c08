package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldnotes.placement.PlacementFixtures.inProgram;
import static org.fieldnotes.placement.PlacementFixtures.placement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Stream;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.PromptSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A programme's own prompt set: files that say {@code programs: [...]} serve those programmes besides the shared
 * library, or alone with {@code promptSet: own}; and how the new key is checked at start.
 */
class ProgramPromptSetTests {

	private static final Path SHIPPED = Path.of("prompts");

	@TempDir
	Path dir;

	@Test
	void aProgrammesWeeklyFileJoinsTheSharedRotationForThatProgrammeOnly() {
		PromptLibrary library = new PromptLibrary(SHIPPED);
		// Mon 2 Nov 2026 to Fri 30 Apr 2027: the weeks after the first rotate through the weekly prompts
		Placement ktp = inProgram("KTP two-year", "Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY,
				"14:00");
		Placement other = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");
		PromptCalendar calendar = new PromptCalendar(library, 3, new WorkCalendar(), "08:00-18:00",
				ProgramSettings::none);

		assertThat(weeklyPrompts(calendar, ktp).subList(0, 4)).containsExactly("weekly-status-check", "weekly-gibbs",
				"ktp-fortnightly-progress", "weekly-rolfe");
		assertThat(weeklyPrompts(calendar, other)).doesNotContain("ktp-fortnightly-progress").contains("weekly-rolfe",
				"weekly-status-check", "weekly-gibbs");
		assertThat(calendar.dues(other)).extracting(due -> calendar.promptFor(other, due).id())
			.noneMatch(id -> id.startsWith("ktp-"));
	}

	@Test
	void programmeNamesCompareTrimmedWithoutCase() {
		PromptLibrary library = new PromptLibrary(SHIPPED);

		assertThat(library.inPhase(PromptPhase.WEEKLY, "  ktp TWO-YEAR ", PromptSet.SHARED)).extracting(Prompt::id)
			.contains("ktp-fortnightly-progress");
		assertThat(library.inPhase(PromptPhase.WEEKLY, "KTP 2026", PromptSet.SHARED)).extracting(Prompt::id)
			.containsExactly("weekly-rolfe", "weekly-status-check", "weekly-gibbs");
	}

	@Test
	void withItsOwnSetAProgrammeTakesOnlyItsFilesAndTheSharedOnesForPhasesItHasNone() {
		PromptLibrary library = new PromptLibrary(SHIPPED);
		Placement ktp = inProgram("KTP two-year", "Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY,
				"14:00");
		PromptCalendar calendar = new PromptCalendar(library, 3, new WorkCalendar(), "08:00-18:00",
				program -> new ProgramSettings("ktp two-year", "KTP two-year", null, null, null, PromptSet.OWN, null));

		List<Due> dues = calendar.dues(ktp);

		assertThat(weeklyPrompts(calendar, ktp)).containsOnly("ktp-fortnightly-progress");
		assertThat(calendar.promptFor(ktp, dues.get(0)).id()).as("no KTP first-week file: the shared one")
			.isEqualTo("first-week-onboarding");
		assertThat(library.inPhase(PromptPhase.REVIEW, "KTP two-year", PromptSet.OWN)).extracting(Prompt::id)
			.containsExactly("ktp-quarterly-steering");
		assertThat(library.inPhase(PromptPhase.REVIEW, "Other", PromptSet.OWN)).extracting(Prompt::id)
			.containsExactly("periodic-review");
	}

	@Test
	void aFileForAProgrammeNobodyIsInYetLoads() throws IOException {
		copyShipped();
		replace("ktp-fortnightly-progress.yaml", "programs: [\"KTP two-year\"]", "programs: [\"Not set up yet\", \"KTP\"]");

		PromptLibrary library = new PromptLibrary(dir);

		assertThat(library.find("ktp-fortnightly-progress").orElseThrow().programs()).containsExactlyInAnyOrder(
				"not set up yet", "ktp");
	}

	@Test
	void programsMustBeAListOfNames() throws IOException {
		copyShipped();
		replace("ktp-fortnightly-progress.yaml", "programs: [\"KTP two-year\"]", "programs: \"KTP two-year\"");

		assertInvalid("ktp-fortnightly-progress.yaml", "programs must be a list of one or more programme names");
	}

	@Test
	void anEmptyProgramsListIsRefused() throws IOException {
		copyShipped();
		replace("ktp-fortnightly-progress.yaml", "programs: [\"KTP two-year\"]", "programs: []");

		assertInvalid("ktp-fortnightly-progress.yaml", "programs must be a list");
	}

	@Test
	void aBlankProgrammeNameIsRefused() throws IOException {
		copyShipped();
		replace("ktp-quarterly-steering.yaml", "programs: [\"KTP two-year\"]", "programs: [\"KTP\", \" \"]");

		assertInvalid("ktp-quarterly-steering.yaml", "programs[1] must be a programme name");
	}

	@Test
	void aProgrammesWeeklyOrderMayNotClashWithTheSharedRotation() throws IOException {
		copyShipped();
		replace("ktp-fortnightly-progress.yaml", "order: 4", "order: 2");

		assertThatThrownBy(() -> new PromptLibrary(dir)).isInstanceOf(PromptFileInvalid.class)
			.hasMessageContaining("order 2 is also used by");
	}

	@Test
	void theSharedLibraryNeedsNoReviewPromptAReviewThenTakesTheMidpoints() throws IOException {
		copyShipped();
		Files.delete(dir.resolve("periodic-review.yaml"));

		PromptLibrary library = new PromptLibrary(dir);

		assertThat(library.inPhase(PromptPhase.REVIEW, "KTP 2026", PromptSet.SHARED)).extracting(Prompt::id)
			.containsExactly("midpoint-review");
		assertThat(library.inPhase(PromptPhase.REVIEW, "KTP two-year", PromptSet.SHARED)).extracting(Prompt::id)
			.containsExactly("ktp-quarterly-steering");
	}

	private static List<String> weeklyPrompts(PromptCalendar calendar, Placement placement) {
		return calendar.dues(placement).stream().filter(due -> due.phase() == PromptPhase.WEEKLY)
			.map(due -> calendar.promptFor(placement, due).id()).toList();
	}

	private void assertInvalid(String file, String problem) {
		assertThatThrownBy(() -> new PromptLibrary(dir)).isInstanceOf(PromptFileInvalid.class)
			.hasMessageContaining(dir.resolve(file).toString())
			.hasMessageContaining(problem);
	}

	private void copyShipped() throws IOException {
		try (Stream<Path> files = Files.list(SHIPPED)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
	}

	private void replace(String file, String from, String to) throws IOException {
		String content = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
		assertThat(content).as("%s before the edit", file).contains(from);
		Files.writeString(dir.resolve(file), content.replace(from, to), StandardCharsets.UTF_8);
	}
}
