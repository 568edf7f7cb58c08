package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.fieldnotes.access.TokenScope;
import org.fieldnotes.admin.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme evaluation export: one row per placement-week with the documented columns, counts and colours but
 * no words or names, a status colour only where coordinators may read the update, audited.
 */
class EvaluationExportTests extends ReportFixture {

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvaluationExport export;

	@Autowired
	EvaluationPdf pdf;

	@Autowired
	org.fieldnotes.access.AccessPolicy access;

	@BeforeEach
	void placement() {
		createPlacement();
	}

	@Test
	void theCsvMatchesItsGoldenFileAndHoldsNoWords() throws Exception {
		HttpResponse<String> response = get("/api/v1/programs/KTP%202026/evaluation.csv");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		compareGolden("evaluation.csv", response.body());
		for (String words : new String[] { PRIVATE_WORDS, CONFIDENTIAL_WORDS, CONFIDENTIAL_BLOCKER, PLACEMENT_WORDS,
				COACHES_WORDS, PLAN, "No access to the test rig", "Induction done", "Ada", "Lindqvist" }) {
			assertThat(response.body()).doesNotContain(words);
		}
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(response.body())).getRecords();
		assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(EvaluationRow.COLUMNS);
		assertThat(rows).hasSize(6).allSatisfy(row -> {
			assertThat(row.get("placement_id")).isEqualTo(placementId);
			assertThat(row.get("participant")).isEqualTo(ada);
		});
		// week 2: the 13 Nov prompt, not answered; weeks 3 to 5: answered
		assertThat(rows).extracting(r -> r.get("prompts_sent") + "/" + r.get("prompts_answered") + " " + r.get("response"))
			.containsExactly("0/0 no", "1/0 no", "1/1 yes", "1/1 yes", "1/1 yes", "0/0 no");
		// week 5's latest updates are private (s5) and confidential (s4): the coordinator reads s3's colour
		assertThat(rows).extracting(r -> r.get("status") + " " + r.get("mood"))
			.containsExactly(" ", " ", "green 4", "amber 3", "amber 2", " ");
		Document audit = mongo.getCollection("audit").find(new Document("action", "evaluation-export")).first();
		assertThat(audit.getString("outcome")).isEqualTo("done");
		assertThat(audit.getString("detail")).isEqualTo("KTP 2026: 6 rows");
	}

	@Test
	void aReadOnlyTokenAndOneOfTheProgrammeMayExportOthersProgrammesAreNotIn() {
		enrol("UBRUNO", "2026-11-02", "2027-01-31");
		mongo.getCollection("placements").updateOne(new Document("participant", personOf("UBRUNO")),
				new Document("$set", new Document("program", "Other")));

		String readOnly = tokens.create("evaluators", TokenScope.READ_ONLY, null, "test").token();
		String own = tokens.create("ktp", TokenScope.READ_ONLY, "ktp 2026", "test").token();
		for (String token : new String[] { readOnly, own }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/programs/ktp%202026/evaluation.csv"))
				.header("Authorization", "Bearer " + token).GET().build());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body().lines()).hasSize(7).allMatch(line -> !line.contains(personOf("UBRUNO")));
		}
	}

	@Test
	void thePdfSumsTheSameRowsUpWithoutWords() throws Exception {
		List<EvaluationRow> rows = export.rows(access.apiCaller("test"), "KTP 2026");
		String xhtml = pdf.xhtml("KTP 2026", rows, Locale.ENGLISH);
		compareGolden("evaluation.xhtml", xhtml);
		// weeks 2 to 5: one prompt each, three answered; colours and moods only as the CSV has them
		assertThat(xhtml).contains("<th>Participant (pseudonym)</th>", "<td>4</td>", "<td>75 %</td>",
				"<td>on track</td>", "<td>some concerns</td>");
		for (String words : new String[] { PRIVATE_WORDS, CONFIDENTIAL_WORDS, CONFIDENTIAL_BLOCKER, PLACEMENT_WORDS,
				COACHES_WORDS, PLAN, "Ada", "Lindqvist" }) {
			assertThat(xhtml).doesNotContain(words);
		}

		HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(uri("/api/v1/programs/KTP%202026/evaluation.pdf"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Accept-Language", "sv")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(response.body());
		String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text).contains("Programutvärdering: KTP 2026", "Svarsfrekvens per placeringsvecka");
		assertThat(mongo.getCollection("audit").find(new Document("action", "evaluation-export")).first()
			.getString("detail")).isEqualTo("KTP 2026: 6 rows, pdf");
	}

	@Test
	void anUnknownProgrammeIsAProblem() {
		HttpResponse<String> response = get("/api/v1/programs/Nope/evaluation.csv");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(response.body()).get("detail").asString()).isEqualTo("No programme called Nope");
	}
}
