package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.prompting.PromptFirings;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The follow-up (the "effects" question some months after the end) in the evaluation export: per placement, on its
 * last row, how many follow-up prompts went, were answered, and how many answers the coordinator may read; in the
 * PDF's effects section, the same counts summed; never the answer's words. Ada shares hers with the coaches, Bruno
 * keeps his private; both placements end on 11 December 2026 and are asked on 12 March 2027.
 */
class EvaluationFollowUpTests extends IntegrationTest {

	private static final String ADA_WORDS = "We now run design reviews every month";
	private static final String BRUNO_WORDS = "BRUNOPRIVATE nobody reads this";

	@Autowired
	ApplicationContext context;

	@Autowired
	EvaluationExport export;

	@Autowired
	EvaluationPdf pdf;

	@Autowired
	AccessPolicy access;

	@Test
	void theCsvCountsTheFollowUpOnEachPlacementsLastRowAndThePdfSumsItUp() throws Exception {
		String ada = enrol("UADA", "2026-11-02", "2026-12-11");
		String bruno = enrol("UBRUNO", "2026-11-02", "2026-12-11");
		assertThat(slashCommand("UBRUNO", "visibility private").statusCode()).isEqualTo(200);
		clock.set(Instant.parse("2026-12-14T13:00:00Z"));
		PromptFirings.fire(context, ada);
		PromptFirings.fire(context, bruno);

		// before the follow-up: the columns hold 0 on the last rows
		List<CSVRecord> before = csv();
		assertThat(lastRows(before)).extracting(EvaluationFollowUpTests::followUp).containsExactly("0 0 0", "0 0 0");

		clock.set(Instant.parse("2027-03-12T13:00:00Z"));
		PromptFirings.fire(context, ada);
		PromptFirings.fire(context, bruno);
		clock.set(Instant.parse("2027-03-12T14:00:00Z"));
		assertThat(directMessage("EvA", "UADA", "1804856400.000100", ADA_WORDS, null).statusCode()).isEqualTo(200);
		assertThat(directMessage("EvB", "UBRUNO", "1804856400.000200", BRUNO_WORDS, null).statusCode()).isEqualTo(200);
		awaitAfterAckWork();

		HttpResponse<String> response = get("/api/v1/programs/KTP%202026/evaluation.csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(ADA_WORDS).doesNotContain(BRUNO_WORDS);
		List<CSVRecord> rows = csv(response.body());
		assertThat(rows.get(0).getParser().getHeaderNames()).endsWith("follow_up_sent", "follow_up_answered",
				"follow_up_shared", "signoff", "hours");
		// six weeks each; only the last row of each placement has figures, so the column sums count each once
		assertThat(rows).hasSize(12);
		assertThat(rows).filteredOn(r -> !r.get("week").equals("6"))
			.allSatisfy(r -> assertThat(followUp(r)).isEqualTo("  "));
		assertThat(lastRows(rows)).extracting(r -> r.get("placement_id") + " " + followUp(r))
			.containsExactlyInAnyOrder(ada + " 1 1 1", bruno + " 1 1 0");

		String xhtml = pdf.xhtml("KTP 2026", export.rows(access.apiCaller("test"), "KTP 2026"), Locale.ENGLISH);
		assertThat(xhtml).contains("Effects: the follow-up question some months after the end")
			.contains("<td>Placements asked the follow-up question</td><td>2</td>")
			.contains("<td>Answered</td><td>2</td>")
			.contains("<td>Answers shared with coordinators</td><td>1</td>")
			.doesNotContain(ADA_WORDS)
			.doesNotContain(BRUNO_WORDS);
	}

	private List<CSVRecord> csv() throws Exception {
		HttpResponse<String> response = get("/api/v1/programs/KTP%202026/evaluation.csv");
		assertThat(response.statusCode()).isEqualTo(200);
		return csv(response.body());
	}

	private static List<CSVRecord> csv(String body) throws Exception {
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(body)).getRecords();
	}

	private static List<CSVRecord> lastRows(List<CSVRecord> rows) {
		return rows.stream().filter(r -> r.get("week").equals("6")).toList();
	}

	private static String followUp(CSVRecord row) {
		return row.get("follow_up_sent") + " " + row.get("follow_up_answered") + " " + row.get("follow_up_shared");
	}
}
