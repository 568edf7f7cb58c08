package org.fieldnotes.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survey files: the shipped ones load; a malformed one stops start-up naming the file and the key. */
class SurveyLibraryTests {

	private static final String VALID = """
			id: s
			kind: survey
			when: [start, end]
			title: { en: "T", sv: "T" }
			intro: { en: "I", sv: "I" }
			questions:
			  - id: q1
			    type: likert
			    required: true
			    text: { en: "How?", sv: "Hur?" }
			    low: { en: "Low", sv: "Låg" }
			    high: { en: "High", sv: "Hög" }
			  - id: q2
			    type: single
			    text: { en: "Which?", sv: "Vilken?" }
			    options:
			      - { id: a, en: "A", sv: "A" }
			      - { id: b, en: "B", sv: "B" }
			""";

	@TempDir
	Path dir;

	private Path write(String name, String yaml) throws IOException {
		Path surveys = dir.resolve("surveys");
		Files.createDirectories(surveys);
		return Files.writeString(surveys.resolve(name), yaml);
	}

	private void refused(String yaml, String message) throws IOException {
		write("s.yaml", yaml);
		assertThatThrownBy(() -> new SurveyLibrary(dir.resolve("surveys"))).isInstanceOf(SurveyFileInvalid.class)
			.hasMessageContaining("s.yaml")
			.hasMessageContaining(message);
	}

	@Test
	void theShippedSurveysLoadOnePerMomentBilingualWithThreeToSixQuestions() {
		SurveyLibrary library = new SurveyLibrary(Path.of("prompts", "surveys"));

		assertThat(library.all()).extracting(Survey::id)
			.containsExactlyInAnyOrder("start-expectations", "mid-check", "end-satisfaction", "follow-up-effects");
		for (SurveyMoment moment : List.of(SurveyMoment.START, SurveyMoment.MID, SurveyMoment.END,
				SurveyMoment.FOLLOW_UP)) {
			assertThat(library.at(moment, "KTP 2026")).as(moment.fileName()).hasSize(1);
		}
		for (Survey survey : library.all()) {
			assertThat(survey.questions()).hasSizeBetween(3, 6);
			assertThat(survey.shareText()).isFalse();
			for (Survey.Question question : survey.questions()) {
				assertThat(question.text(Locale.ENGLISH)).isNotEqualTo(question.text(Locale.forLanguageTag("sv")));
			}
		}
		Survey end = library.find("end-satisfaction").orElseThrow();
		assertThat(end.questions()).extracting(Survey.Question::type).contains(Survey.Type.LIKERT, Survey.Type.SINGLE,
				Survey.Type.MULTIPLE, Survey.Type.TEXT);
		// quoted in the file: YAML 1.1 would read a bare yes and no as booleans
		assertThat(end.question("recommend").orElseThrow().options()).extracting(Survey.Choice::id)
			.containsExactly("yes", "maybe", "no");
	}

	@Test
	void noFolderMeansNoSurveys() {
		assertThat(new SurveyLibrary(dir.resolve("missing")).all()).isEmpty();
	}

	@Test
	void aValidFileLoadsWithItsMomentsAndProgrammes() throws IOException {
		write("s.yaml", VALID.replace("when: [start, end]", "when: [start, end]\nprograms: [\"KTP 2026\"]"));
		SurveyLibrary library = new SurveyLibrary(dir.resolve("surveys"));

		Survey survey = library.find("s").orElseThrow();
		assertThat(survey.when()).containsExactlyInAnyOrder(SurveyMoment.START, SurveyMoment.END);
		assertThat(survey.serves(" ktp 2026 ")).isTrue();
		assertThat(survey.serves("Other")).isFalse();
		assertThat(library.at(SurveyMoment.START, "KTP 2026")).containsExactly(survey);
		assertThat(library.at(SurveyMoment.MID, "KTP 2026")).isEmpty();
		assertThat(survey.question("q1").orElseThrow().required()).isTrue();
		assertThat(survey.question("q2").orElseThrow().required()).isFalse();
	}

	@Test
	void anUnknownKeyIsNamed() throws IOException {
		refused(VALID + "colour: blue\n", "unknown key 'colour'");
		refused(VALID.replace("    required: true\n", "    required: true\n    scale: 7\n"),
				"unknown key 'questions[0].scale'");
		refused(VALID.replace("{ id: a, en: \"A\", sv: \"A\" }", "{ id: a, en: \"A\", sv: \"A\", de: \"A\" }"),
				"unknown key 'questions[1].options[0].de'");
	}

	@Test
	void aMissingLanguageIsNamed() throws IOException {
		refused(VALID.replace("text: { en: \"How?\", sv: \"Hur?\" }", "text: { en: \"How?\" }"),
				"questions[0].text.sv is missing");
		refused(VALID.replace("low: { en: \"Low\", sv: \"Låg\" }", "low: { sv: \"Låg\" }"),
				"questions[0].low.en is missing");
		refused(VALID.replace("{ id: b, en: \"B\", sv: \"B\" }", "{ id: b, en: \"B\" }"),
				"questions[1].options[1].sv is missing");
	}

	@Test
	void wrongValuesAndBrokenLimitsAreNamed() throws IOException {
		refused(VALID.replace("kind: survey", "kind: reflection"), "kind must be survey");
		refused(VALID.replace("id: s\n", "id: other\n"), "id 'other' must equal the file name 's'");
		refused(VALID.replace("when: [start, end]", "when: [weekly]"), "when[0] 'weekly' is not one of");
		refused(VALID.replace("when: [start, end]", "when: []"), "when must be one or more of");
		refused(VALID.replace("type: likert", "type: stars"), "questions[0].type 'stars' is not one of");
		refused(VALID.replace("    low: { en: \"Low\", sv: \"Låg\" }\n", ""), "questions[0].low is missing");
		refused(VALID.replace("      - { id: b, en: \"B\", sv: \"B\" }\n", ""), "questions[1].options must be a list of 2 to 10");
		refused(VALID.replace("id: b,", "id: a,"), "questions[1].options[1].id 'a' is used twice");
		refused(VALID.replace("id: q2", "id: q1"), "questions[1].id 'q1' is used twice");
		refused(VALID.replace("How?", "x".repeat(151)), "questions[0].text.en is longer than 150 characters");
		refused(VALID.replace("How?", "How <b>much</b>?"), "questions[0].text.en must be plain text");
		refused(VALID.replace("    required: true\n", "    required: maybe\n"), "questions[0].required must be true or false");
		refused(VALID + "shareText: sometimes\n", "shareText must be true or false");
		refused(VALID.replace("type: single", "type: text"), "questions[1]: options are only for types single and multiple");
	}
}
