package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped prompt files, and how a malformed file stops loading with a message naming the file and the fault.
 */
class PromptLibraryTests {

	private static final Path SHIPPED = Path.of("prompts");

	@TempDir
	Path dir;

	@Test
	void theShippedPromptsLoad() {
		PromptLibrary library = new PromptLibrary(SHIPPED);

		assertThat(library.all()).extracting(Prompt::id)
			.containsExactlyInAnyOrder("first-week-onboarding", "weekly-rolfe", "weekly-status-check", "weekly-gibbs",
					"midpoint-review", "last-week-lessons-learnt", "follow-up", "periodic-review",
					"ktp-quarterly-steering", "ktp-fortnightly-progress");
		assertThat(library.all()).filteredOn(prompt -> !prompt.shared()).extracting(Prompt::id)
			.as("the example files of a KTP programme").containsExactlyInAnyOrder("ktp-quarterly-steering",
					"ktp-fortnightly-progress")
			.allSatisfy(id -> assertThat(library.find(id).orElseThrow().programs()).containsExactly("ktp two-year"));
		for (PromptPhase phase : PromptPhase.values()) {
			assertThat(library.inPhase(phase)).as("prompts of phase %s", phase).isNotEmpty();
		}
		assertThat(library.inPhase(PromptPhase.WEEKLY)).extracting(Prompt::id, Prompt::order)
			.containsExactly(tuple("weekly-rolfe", 1),
					tuple("weekly-status-check", 2),
					tuple("weekly-gibbs", 3));
		assertThat(library.inPhase(PromptPhase.FIRST_WEEK)).extracting(Prompt::id).containsExactly("first-week-onboarding");
		assertThat(library.inPhase(PromptPhase.MIDPOINT)).extracting(Prompt::id).containsExactly("midpoint-review");
		assertThat(library.inPhase(PromptPhase.LAST_WEEK)).extracting(Prompt::id)
			.containsExactly("last-week-lessons-learnt");
		assertThat(library.inPhase(PromptPhase.FOLLOW_UP)).extracting(Prompt::id).containsExactly("follow-up");
		assertThat(library.find("weekly-gibbs")).map(Prompt::kind).hasValue("reflection");
		assertThat(library.find("no-such-prompt")).isEmpty();
	}

	@Test
	void everyShippedTextIsInEnglishAndSwedish() {
		PromptLibrary library = new PromptLibrary(SHIPPED);

		for (Prompt prompt : library.all()) {
			List<Map<String, String>> texts = new ArrayList<>(List.of(prompt.title(), prompt.intro()));
			assertThat(prompt.questions()).as("questions of %s", prompt.id()).isNotEmpty();
			for (Prompt.Question question : prompt.questions()) {
				texts.add(question.label());
				texts.add(question.text());
			}
			for (Map<String, String> text : texts) {
				assertThat(text).as("a text of %s", prompt.id()).containsOnlyKeys("en", "sv");
				assertThat(text.values()).as("a text of %s", prompt.id()).allSatisfy(t -> assertThat(t).isNotBlank());
			}
		}
	}

	@Test
	void theShippedFilesStillLoadFromACopy() throws IOException {
		copyShipped();

		assertThat(new PromptLibrary(dir).all()).hasSize(10);
	}

	@Test
	void invalidYaml() throws IOException {
		copyShipped();
		Files.writeString(dir.resolve("weekly-rolfe.yaml"), "id: weekly-rolfe\ntitle: { en: \"Weekly\", sv: [unclosed\n");

		assertInvalid("weekly-rolfe.yaml", "is not valid YAML");
	}

	@Test
	void aMissingTranslationOfAQuestion() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "      sv: \"Vad har det lärt dig om arbetet, organisationen eller dig själv?\"\n", "");

		assertInvalid("weekly-rolfe.yaml", "questions[1].text.sv is missing");
	}

	@Test
	void anUnknownKind() throws IOException {
		copyShipped();
		replace("weekly-gibbs.yaml", "kind: reflection", "kind: diary");

		assertInvalid("weekly-gibbs.yaml", "kind 'diary' is not one of");
	}

	@Test
	void anUnknownPhase() throws IOException {
		copyShipped();
		replace("midpoint-review.yaml", "phase: midpoint", "phase: mid-term");

		assertInvalid("midpoint-review.yaml", "phase 'mid-term' is not one of");
	}

	@Test
	void anIdThatIsNotTheFileName() throws IOException {
		copyShipped();
		replace("follow-up.yaml", "id: follow-up", "id: follow-up-later");

		assertInvalid("follow-up.yaml", "id 'follow-up-later' must equal the file name 'follow-up'");
	}

	@Test
	void aWeeklyPromptWithoutOrder() throws IOException {
		copyShipped();
		replace("weekly-status-check.yaml", "order: 2\n", "");

		assertInvalid("weekly-status-check.yaml", "order must be a whole number from 1 (required for phase weekly)");
	}

	@Test
	void twoWeeklyPromptsWithTheSameOrder() throws IOException {
		copyShipped();
		String kolb = read("weekly-gibbs.yaml").replace("id: weekly-gibbs", "id: weekly-kolb").replace("order: 3",
				"order: 2");
		Files.writeString(dir.resolve("weekly-kolb.yaml"), kolb);

		assertThatThrownBy(() -> new PromptLibrary(dir)).isInstanceOf(PromptFileInvalid.class)
			.hasMessageContaining("weekly-status-check.yaml")
			.hasMessageContaining("order 2 is also used by weekly-kolb");
	}

	@Test
	void markupInATextIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "en: \"What?\"", "en: \"<b>What?</b>\"");

		assertInvalid("weekly-rolfe.yaml", "questions[0].label.en must be plain text");
	}

	@Test
	void aPlaceholderInATextIsRefused() throws IOException {
		copyShipped();
		replace("first-week-onboarding.yaml", "en: \"Your first week\"", "en: \"Your first week, {name}\"");

		assertInvalid("first-week-onboarding.yaml", "title.en must be plain text");
	}

	@Test
	void anUnknownTopLevelKey() throws IOException {
		copyShipped();
		Files.writeString(dir.resolve("weekly-gibbs.yaml"), read("weekly-gibbs.yaml") + "notes: \"draft\"\n");

		assertInvalid("weekly-gibbs.yaml", "unknown key 'notes'");
	}

	@Test
	void aPhaseWithoutAnyPrompt() throws IOException {
		copyShipped();
		Files.delete(dir.resolve("midpoint-review.yaml"));

		assertThatThrownBy(() -> new PromptLibrary(dir)).isInstanceOf(PromptFileInvalid.class)
			.hasMessageContaining(dir.toString())
			.hasMessageContaining("no prompt has phase 'midpoint'");
	}

	@Test
	void theShippedRolfePromptQuotesTheLastPlanWithAFallback() {
		Prompt rolfe = new PromptLibrary(SHIPPED).find("weekly-rolfe").orElseThrow();

		assertThat(rolfe.placeholders()).containsExactly(Placeholder.LAST_PLAN);
		assertThat(rolfe.questions().get(0).text()).allSatisfy((language, text) -> assertThat(text).contains("{lastPlan}"));
		assertThat(rolfe.questions().get(0).fallback()).containsOnlyKeys("en", "sv")
			.allSatisfy((language, text) -> assertThat(text).isNotBlank().doesNotContain("{"));
		assertThat(rolfe.questions().get(1).fallback()).as("a question that quotes nothing").isEmpty();
	}

	@Test
	void anUnknownPlaceholderIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "placeholders: [\"lastPlan\"]", "placeholders: [\"lastPlan\", \"mood\"]");

		assertInvalid("weekly-rolfe.yaml", "placeholders[1] 'mood' is not one of [lastPlan, goals, addedValue]");
	}

	@Test
	void anUnknownNameInATextIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "en: \"Last time you planned: {lastPlan}.", "en: \"Last time you planned: {plan}.");

		assertInvalid("weekly-rolfe.yaml", "questions[0].text.en uses {plan}, which is not a placeholder");
	}

	@Test
	void anUndeclaredPlaceholderIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "en: \"Last time you planned: {lastPlan}.", "en: \"Last time you planned: {goals}.");

		assertInvalid("weekly-rolfe.yaml", "questions[0].text.en uses {goals}, which placeholders does not declare");
	}

	@Test
	void aDeclaredButUnusedPlaceholderIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "placeholders: [\"lastPlan\"]", "placeholders: [\"lastPlan\", \"goals\"]");

		assertInvalid("weekly-rolfe.yaml", "placeholders declares 'goals' but no question's text uses {goals}");
	}

	@Test
	void aQuotingQuestionWithoutFallbackIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", """
				    fallback:
				      en: "What happened this week that you want to remember?"
				      sv: "Vad hände den här veckan som du vill komma ihåg?"
				""", "");

		assertInvalid("weekly-rolfe.yaml", "questions[0].fallback is missing");
	}

	@Test
	void aFallbackWithoutAPlaceholderIsRefused() throws IOException {
		copyShipped();
		replace("weekly-gibbs.yaml", "    text:\n", "    fallback: { en: \"Plain\", sv: \"Enkel\" }\n    text:\n");

		assertInvalid("weekly-gibbs.yaml", "questions[0].fallback is only for a question whose text uses a placeholder");
	}

	@Test
	void aPlaceholderInOneLanguageOnlyIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "sv: \"Förra gången tänkte du: {lastPlan}.", "sv: \"Förra gången tänkte du något.");

		assertInvalid("weekly-rolfe.yaml", "must use the same placeholders");
	}

	@Test
	void aPlaceholderOutsideAQuestionsTextIsRefused() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "en: \"Two minutes for this week?\"", "en: \"Two minutes, {lastPlan}?\"");

		assertInvalid("weekly-rolfe.yaml", "intro.en must be plain text");
	}

	@Test
	void aFallbackMustBePlainToo() throws IOException {
		copyShipped();
		replace("weekly-rolfe.yaml", "en: \"What happened this week that you want to remember?\"",
				"en: \"What happened since {lastPlan}?\"");

		assertInvalid("weekly-rolfe.yaml", "questions[0].fallback.en must be plain text");
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

	private String read(String file) throws IOException {
		return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
	}

	/** Replaces text that must be in the file, so a changed shipped file cannot make the test pass by accident. */
	private void replace(String file, String from, String to) throws IOException {
		String content = read(file);
		assertThat(content).as("%s before the edit", file).contains(from);
		Files.writeString(dir.resolve(file), content.replace(from, to), StandardCharsets.UTF_8);
	}
}
