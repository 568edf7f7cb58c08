package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.fieldnotes.access.TokenScope;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.privacy.PersonalDataExport;
import org.fieldnotes.privacy.Subjects;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.survey.SurveyAnswers;
import org.fieldnotes.survey.SurveyForms;
import org.fieldnotes.survey.SurveyLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme's survey answers as data for evaluators: survey-answers.csv with its documented columns (one row
 * per answered question, pseudonyms, no free text unless the survey shares it), the "Survey results" section of the
 * evaluation PDF (distributions, never words), and the answers in the participant's export and erasure.
 */
class SurveyAnswersExportTests extends IntegrationTest {

	private static final String WORDS = "More time with the rig team";

	@Autowired
	SurveyForms forms;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvaluationPdf pdf;

	@Autowired
	PlacementManagement placements;

	@Autowired
	SurveyAnswers answers;

	@Autowired
	PersonalDataExport exports;

	@Autowired
	Subjects subjects;

	@TempDir
	Path dir;

	@BeforeEach
	void twoAnswerOneDoesNotAndOneIsInAnotherProgramme() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		enrol("UBRUNO", "2026-11-09", "2027-04-30");
		enrol("UCARL", "2026-11-02", "2027-04-30");
		enrol("UDORA", "2026-11-02", "2027-04-30");
		mongo.getCollection("placements").updateOne(new Document("participant", personOf("UDORA")),
				new Document("$set", new Document("program", "Other")));
		assertThat(postJson("/api/v1/programs/KTP%202026/surveys/end-satisfaction:send", "").statusCode()).isEqualTo(202);
		assertThat(postJson("/api/v1/programs/Other/surveys/end-satisfaction:send", "").statusCode()).isEqualTo(202);
		answer("UADA", Map.of("satisfied", List.of("4"), "learnt", List.of("5"), "outcomes", List.of("skills", "network"),
				"recommend", List.of("yes"), "improve", List.of(WORDS)));
		answer("UBRUNO", Map.of("satisfied", List.of("2"), "learnt", List.of("3"), "recommend", List.of("maybe")));
		answer("UDORA", Map.of("satisfied", List.of("1"), "learnt", List.of("1"), "recommend", List.of("no")));
	}

	private void answer(String memberId, Map<String, List<String>> given) {
		String placement = placements.currentFor(Accounts.slack(memberId)).orElseThrow().getId();
		String sendId = mongo.getCollection("survey_sends").find(new Document("placementId", placement)).first()
			.getString("_id");
		Map<String, List<String>> values = new java.util.LinkedHashMap<>();
		given.forEach((question, value) -> values.put(SurveyForms.FIELD + question, value));
		assertThat(forms.submit(Accounts.slack(memberId), new FormSubmission(SurveyForms.ID, sendId, "test:" + memberId,
				values)).valid()).isTrue();
	}

	private static List<CSVRecord> parse(String csv) throws IOException {
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
			.getRecords();
	}

	@Test
	void theCsvHasARowPerAnsweredQuestionMatchesItsGoldenFileAndHoldsNoWordsNorNames() throws Exception {
		HttpResponse<String> response = get("/api/v1/programs/KTP%202026/survey-answers.csv");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("survey-answers.csv");
		ReportFixture.compareGolden("survey-answers.csv", response.body());
		assertThat(response.body()).doesNotContain(WORDS).doesNotContain("Ada").doesNotContain("Lindqvist")
			.doesNotContain(personOf("UDORA"));
		List<CSVRecord> rows = parse(response.body());
		assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(SurveyAnswerRow.COLUMNS);
		assertThat(rows).extracting(r -> r.get("participant") + " " + r.get("question") + " " + r.get("type") + " "
				+ r.get("value"))
			.containsExactly(personOf("UADA") + " satisfied likert 4", personOf("UADA") + " learnt likert 5",
					personOf("UADA") + " outcomes multiple skills;network", personOf("UADA") + " recommend single yes",
					personOf("UADA") + " improve text ", personOf("UBRUNO") + " satisfied likert 2",
					personOf("UBRUNO") + " learnt likert 3", personOf("UBRUNO") + " recommend single maybe");
		assertThat(rows).allSatisfy(r -> {
			assertThat(r.get("programme")).isEqualTo("KTP 2026");
			assertThat(r.get("survey")).isEqualTo("end-satisfaction");
			assertThat(r.get("moment")).isEqualTo("now");
			assertThat(r.get("answered_date")).isEqualTo("2026-12-02");
		});
		Document audit = mongo.getCollection("audit").find(new Document("action", "evaluation-export")).first();
		assertThat(audit.getString("detail")).isEqualTo("KTP 2026: 8 survey answer rows");
	}

	@Test
	void aReadOnlyTokenAndOneOfTheProgrammeMayExportAnUnknownProgrammeIsNotFound() {
		String readOnly = tokens.create("evaluators", TokenScope.READ_ONLY, null, "test").token();
		String own = tokens.create("ktp", TokenScope.READ_ONLY, "ktp 2026", "test").token();
		for (String token : new String[] { readOnly, own }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/programs/ktp%202026/survey-answers.csv"))
				.header("Authorization", "Bearer " + token).GET().build());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body().lines()).hasSize(9);
		}
		HttpResponse<String> unknown = get("/api/v1/programs/Nope/survey-answers.csv");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void freeTextGoesInTheCsvOnlyFromASurveyThatSharesIt() throws IOException {
		Path surveys = Files.createDirectories(dir.resolve("surveys"));
		String file = Files.readString(Path.of("prompts/surveys/end-satisfaction.yaml"));
		Files.writeString(surveys.resolve("end-satisfaction.yaml"), file + "shareText: true\n");
		SurveyAnswersExport sharing = new SurveyAnswersExport(placements, answers, new SurveyLibrary(surveys));

		assertThat(sharing.rows("KTP 2026")).filteredOn(r -> r.type().equals("text"))
			.extracting(SurveyAnswerRow::value).containsExactly(WORDS);
		assertThat(sharing.csv(sharing.rows("KTP 2026"))).contains(WORDS);
	}

	@Test
	void theEvaluationPdfEndsWithTheDistributionPerQuestionAndNoWords() throws Exception {
		String xhtml = pdf.xhtml("KTP 2026", List.of(), Locale.ENGLISH);

		ReportFixture.compareGolden("evaluation-surveys.xhtml", xhtml);
		assertThat(xhtml).contains("<h2>Survey results</h2>", "Survey end-satisfaction: 2 participants answered",
				"2 answers, mean 3.0", "<th>1 · Not at all</th>", "<th>5 · Very satisfied</th>", "<th>Maybe</th>")
			.doesNotContain(WORDS);
		assertThat(pdf.xhtml("KTP 2026", List.of(), Locale.forLanguageTag("sv"))).contains("<h2>Enkätresultat</h2>",
				"2 svar, medelvärde 3,0");
		HttpResponse<byte[]> rendered = java.net.http.HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/api/v1/programs/KTP%202026/evaluation.pdf"))
				.header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(rendered.statusCode()).isEqualTo(200);
		assertThat(new String(rendered.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	@Test
	void theParticipantsExportHasTheirWordsAnAdminsWithholdsThemAndErasureDeletesTheirAnswers() {
		Map<String, Object> own = exports.export(subjects.of(Accounts.slack("UADA")), PersonalData.Reader.SUBJECT);
		assertThat(new String(exports.json(own), java.nio.charset.StandardCharsets.UTF_8)).contains(WORDS).contains("survey_answers").contains("survey_sends");
		HttpResponse<String> admins = get("/api/v1/people/UADA/export");
		assertThat(admins.statusCode()).isEqualTo(200);
		assertThat(admins.body()).contains("survey_answers").contains("free_text").doesNotContain(WORDS);

		HttpRequest erase = HttpRequest.newBuilder(uri("/api/v1/people/UADA"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build();
		assertThat(send(erase).statusCode()).isEqualTo(200);

		// Bruno's and Dora's stay; Ada's answers and the survey sent to her are gone
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isEqualTo(2);
		assertThat(mongo.getCollection("survey_sends").countDocuments()).isEqualTo(3);
		assertThat(mongo.getCollection("survey_answers").find().into(new java.util.ArrayList<>()).toString())
			.doesNotContain(WORDS);
	}

	@Test
	void theRetentionSweepDeletesAPlacementsSurveysWithItsLogbook() {
		// every placement ended on 30 April 2027; the default retention is 365 days
		clock.set(java.time.Instant.parse("2028-06-01T10:00:00Z"));

		HttpResponse<String> swept = postJson("/api/v1/retention:sweep", "");

		assertThat(swept.statusCode()).as(swept.body()).isBetween(200, 299);
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isZero();
		assertThat(mongo.getCollection("survey_sends").countDocuments()).isZero();
	}
}
