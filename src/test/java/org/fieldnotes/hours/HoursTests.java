package org.fieldnotes.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.report.EvaluationExport;
import org.fieldnotes.report.EvaluationPdf;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Hours against a required total: a coordinator sets the programme's total ({@code /fieldnotes programs <p>
 * required-hours}, {@code PUT /api/v1/programs/{p}} {@code requiredHours}); the participant logs days with
 * {@code /fieldnotes hours} and sees how far they are (also in {@code /fieldnotes me}); coordinators see the totals,
 * never a day's note, in {@code GET /api/v1/placements/{id}/hours}, the cohort digest and {@code evaluation.csv}.
 * {@link #DEFAULT_NOW} is Wednesday 2 December 2026, 11:00 in Stockholm; Ada's placement runs from Monday 2 November
 * 2026 to 30 April 2027 (180 days).
 */
class HoursTests extends IntegrationTest {

	/** Put in every note: it must reach Ada alone. */
	private static final String CANARY = "CANARY-note-of-the-participant";

	@Autowired
	EvaluationExport export;

	@Autowired
	EvaluationPdf pdf;

	@Autowired
	AccessPolicy access;

	private HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private List<Document> audit(String action) {
		return mongo.getCollection("audit").find(new Document("action", action)).sort(new Document("_id", 1))
			.into(new ArrayList<>());
	}

	private long days() {
		return mongo.getCollection("hours").countDocuments();
	}

	@Test
	void aCoordinatorSetsTheTotalAndTheParticipantLogsDaysAgainstIt() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(commandAnswer("UADMIN1", "programs \"KTP 2026\" required-hours 400"))
			.contains("KTP 2026: each placement is now to log 400 hours in all.");
		assertThat(audit("program-hours")).singleElement()
			.satisfies(a -> assertThat(a.getString("detail")).isEqualTo("KTP 2026: 400"));
		assertThat(json(get("/api/v1/programs/KTP%202026").body()).get("requiredHours").asInt()).isEqualTo(400);
		assertThat(commandAnswer("UADMIN1", "programs \"KTP 2026\" required-hours"))
			.contains("KTP 2026: each placement is to log 400 hours in all.");

		assertThat(commandAnswer("UADA", "hours")).contains("No hours logged yet.")
			.contains("Your programme asks for 400 hours in all.");

		assertThat(commandAnswer("UADA", "hours 7.5")).contains("✅ 7.5 h logged for Wed 2 Dec 2026.")
			.contains("You've logged 7.5 of 400 hours (1 %); 392.5 to go.");
		assertThat(commandAnswer("UADA", "hours 7:30 date:2026-12-01 " + CANARY))
			.contains("✅ 7.5 h logged for Tue 1 Dec 2026.");
		// the same day again replaces its figure and keeps its note
		assertThat(commandAnswer("UADA", "hours 6 date:yesterday"))
			.contains("✅ Tue 1 Dec 2026 now has 6 h (it had 7.5 h).")
			.contains("You've logged 13.5 of 400 hours (3 %); 386.5 to go.");
		assertThat(days()).isEqualTo(2);

		String shown = commandAnswer("UADA", "hours");
		assertThat(shown).contains("You've logged 13.5 of 400 hours (3 %); 386.5 to go.")
			.contains("This week (from Monday): 13.5 h")
			// 31 of 180 days gone: an even pace has 400 × 31 / 180 ≈ 69 hours by today
			.contains("At an even pace over your placement you would have about 69 hours by today.")
			.contains("• *Wed 2 Dec 2026*  7.5 h")
			.contains("• *Tue 1 Dec 2026*  6 h · " + CANARY);
		assertThat(shown.indexOf("Wed 2 Dec")).as("latest first").isLessThan(shown.indexOf("Tue 1 Dec"));
		assertThat(commandAnswer("UADA", "me")).contains("Hours: 13.5 of 400 h");

		// 0 removes a day
		assertThat(commandAnswer("UADA", "hours 0 date:2026-12-02")).contains("✅ Wed 2 Dec 2026 is removed (it had 7.5 h).");
		assertThat(commandAnswer("UADA", "hours 0 date:2026-12-02"))
			.contains("Wed 2 Dec 2026 had no hours, so there was nothing to remove.");
		assertThat(days()).isEqualTo(1);
	}

	@Test
	void badInputGetsAClearAnswerAndNothingIsStored() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(commandAnswer("UADA", "hours lots")).contains("“lots” isn't an amount of time.")
			.contains("/fieldnotes hours [7.5] [date:YYYY-MM-DD] [note]");
		assertThat(commandAnswer("UADA", "hours 25")).contains("A day has at most 24 hours. Nothing was logged.");
		assertThat(commandAnswer("UADA", "hours 8 date:2026-12-03"))
			.contains("Thu 3 Dec 2026 hasn't come yet: log a day once you've worked it.");
		assertThat(commandAnswer("UADA", "hours 8 date:2026-10-30"))
			.contains("Fri 30 Oct 2026 is before your placement started (Mon 2 Nov 2026).");
		assertThat(commandAnswer("UADA", "hours 8 date:2026-13-01")).contains("“2026-13-01” isn't a date.");
		assertThat(commandAnswer("UADA", "hours 8 " + "x".repeat(HoursLog.MAX_NOTE + 1)))
			.contains("The note is longer than 300 characters");
		// not a participant: nothing to log against
		assertThat(commandAnswer("UANDERS", "hours 8")).doesNotContain("logged");
		assertThat(days()).isZero();

		assertThat(commandAnswer("UADMIN1", "programs \"KTP 2026\" required-hours lots"))
			.contains("“lots” isn't a number of hours from 1 to 20,000.");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();

		HttpResponse<String> refused = put("/api/v1/programs/KTP%202026", "{\"requiredHours\": -3}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(refused.body()).get("errors").findValuesAsString("field")).containsExactly("requiredHours");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
		assertThat(audit("program-hours")).extracting(a -> a.getString("outcome")).containsExactly("refused",
				"refused");
	}

	@Test
	void aNoteIsShownAsTextNeverAsMarkupOrATemplate() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		commandAnswer("UADA", "hours 2 <!channel> *bold* {0} ${x} <https://evil.example|click>");

		String blocks = blocksJson(json(slashCommand("UADA", "hours").body()));
		assertThat(blocks).contains("&lt;!channel&gt;").contains("{0} ${x}").doesNotContain("<!channel>")
			.doesNotContain("<https://evil.example|click>");
		assertThat(mongo.getCollection("hours").find().first().getString("note"))
			.isEqualTo("<!channel> *bold* {0} ${x} <https://evil.example|click>");
	}

	@Test
	void aSwedishParticipantWritesAndReadsHoursWithADecimalComma() {
		postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"locale\": \"en\"", "\"locale\": \"sv\""));
		put("/api/v1/programs/KTP%202026", "{\"requiredHours\": 400}");

		assertThat(commandAnswer("UADA", "hours 7,5 date:igår")).contains("✅ 7,5 tim loggade för")
			.contains("Du har loggat 7,5 av 400 timmar");
		assertThat(commandAnswer("UADA", "hours mycket")).contains("”mycket” är ingen tid.");
	}

	@Test
	void coordinatorsSeeTheTotalsAndNeverANote() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		assertThat(put("/api/v1/programs/KTP%202026", "{\"requiredHours\": 400}").statusCode()).isEqualTo(200);
		commandAnswer("UADA", "hours 7.5 date:2026-11-02 " + CANARY);
		commandAnswer("UADA", "hours 6 date:2026-12-01 " + CANARY);
		commandAnswer("UADA", "hours 7.5");

		HttpResponse<String> response = get("/api/v1/placements/" + ada + "/hours");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(CANARY);
		JsonNode body = json(response.body());
		assertThat(body.get("requiredHours").asInt()).isEqualTo(400);
		assertThat(body.get("loggedHours").decimalValue()).isEqualByComparingTo("21");
		assertThat(body.get("percent").asInt()).isEqualTo(5);
		assertThat(body.get("expectedHoursByNow").decimalValue()).isEqualByComparingTo("69");
		assertThat(body.get("behind").asBoolean()).isTrue();
		assertThat(body.get("days").findValuesAsString("date")).containsExactly("2026-11-02", "2026-12-01",
				"2026-12-02");
		assertThat(body.get("days").get(1).get("hours").decimalValue()).isEqualByComparingTo("6");
		assertThat(audit("hours")).singleElement().satisfies(a -> assertThat(a.getString("detail")).isEqualTo("3 days"));
		assertThat(get("/api/v1/placements/no-such/hours").statusCode()).isEqualTo(404);

		String cohort = json(slashCommand("UADMIN1", "digest preview").body()).toString();
		assertThat(cohort).contains("21 of 400 h")
			.contains("behind on hours (about 69 h by now at an even pace)")
			.doesNotContain(CANARY);

		String csv = get("/api/v1/programs/KTP%202026/evaluation.csv").body();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).endsWith(",signoff,hours");
		// week 1 (2–8 Nov) has 7.5, weeks 2–4 none, week 5 (30 Nov – 6 Dec) 13.5
		assertThat(lines).hasSize(6);
		assertThat(lines.get(1)).contains(",1,2026-11-02,").endsWith(",7.5");
		assertThat(lines.get(2)).endsWith(",0");
		assertThat(lines.get(5)).contains(",5,2026-11-30,").endsWith(",13.5");
		assertThat(csv).doesNotContain(CANARY);
		// the evaluation PDF: each placement's hours in its row
		String xhtml = pdf.xhtml("KTP 2026", export.rows(access.apiCaller("test"), "KTP 2026"), Locale.ENGLISH);
		assertThat(xhtml).contains("<th>Hours logged</th>").contains("<td>21</td>").doesNotContain(CANARY);

		// an admin's export of Ada holds the days without their notes, and says notes were withheld
		String export = get("/api/v1/people/" + keyOf("UADA") + "/export").body();
		assertThat(export).contains("\"hours\"").contains("\"minutes\":360").doesNotContain(CANARY);
		assertThat(json(export).findValue("withheld").toString()).contains("\"hours\"");
	}

	@Test
	void noneStopsCountingAndTheHoursLoggedStay() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		put("/api/v1/programs/KTP%202026", "{\"requiredHours\": \"400\"}");
		commandAnswer("UADA", "hours 7.5");

		assertThat(commandAnswer("UADMIN1", "programs \"KTP 2026\" required-hours none"))
			.contains("KTP 2026: counts no hours any more; the hours already logged stay.");

		assertThat(json(get("/api/v1/programs/KTP%202026").body()).get("requiredHours").isNull()).isTrue();
		assertThat(commandAnswer("UADA", "hours")).contains("You've logged 7.5 hours. Your programme asks for no total");
		assertThat(days()).isEqualTo(1);
		// a programme that counts no time: the cohort line still shows what was logged, the CSV the week's figure
		assertThat(json(slashCommand("UADMIN1", "digest preview").body()).toString()).contains("7.5 h logged");
		clock.set(Instant.parse("2026-12-02T10:00:00Z"));
		assertThat(get("/api/v1/programs/KTP%202026/evaluation.csv").body().lines().reduce((a, b) -> b).orElseThrow())
			.endsWith(",7.5");
	}
}
