package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.bson.Document;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.RecordingMessenger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The steering-meeting brief: each reader's brief is what they may read (golden text for each role), the JSON and
 * PDF of the admin API, the chat command for followers only, the default {@code since}, and the {@code briefs}
 * records.
 */
class BriefTests extends ReportFixture {

	@Autowired
	SteeringBriefs briefs;

	@Autowired
	BriefMessage messages;

	@Autowired
	BriefPdf pdf;

	@Autowired
	AccessPolicy access;

	@BeforeEach
	void createIt() {
		createPlacement();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "academic_coach, UANDERS", "business_coach, UBEATA", "manager, UMAJA" })
	void eachFollowersBriefMatchesItsGoldenText(String role, String member) {
		Actor reader = access.member(Accounts.slack(member));
		SteeringBrief brief = briefs.generate(reader, briefs.readerRole(reader, placement()).orElseThrow(),
				placement(), null, Locale.ENGLISH);

		assertThat(brief.reader()).isEqualTo(role);
		compareGolden("brief." + role + ".txt", RecordingMessenger.words(messages.of(brief, Locale.ENGLISH)) + "\n");
	}

	@Test
	void theAdminApiAnswersTheBriefAsJsonMatchingItsGoldenFile() {
		HttpResponse<String> response = get("/api/v1/placements/" + placementId + "/brief");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		compareGolden("brief.admin.json", JSON.rebuild().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
			.build().writeValueAsString(json(response.body())) + "\n");
		JsonNode brief = json(response.body());
		assertThat(brief.get("reader").asString()).isEqualTo("admin");
		assertThat(brief.get("since").asString()).isEqualTo("2026-09-08");
		assertThat(brief.get("actions").get(0).get("text").asString()).isEqualTo(PLAN + ".");
		assertThat(mongo.getCollection("audit").find(new Document("action", "brief")).first()).isNotNull();
	}

	@Test
	void thePdfIsTheSameBriefLaidOut() throws Exception {
		SteeringBrief brief = briefs.generate(access.apiCaller("test"), SteeringBriefs.ADMIN, placement(),
				LocalDate.parse("2026-11-01"), Locale.ENGLISH);
		compareGolden("brief.admin.xhtml", pdf.xhtml(brief, Locale.ENGLISH));

		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(uri("/api/v1/placements/" + placementId + "/brief?since=2026-11-01"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Accept", "application/pdf")
			.header("Accept-Language", "sv")
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(response.body());
		// every page: the added value for the host pushed the last entry onto a second page
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		reader.close();
		assertThat(text.toString()).contains("Underlag till styrgruppsmötet: Ada Lindqvist", PLACEMENT_WORDS)
			.doesNotContain(CONFIDENTIAL_WORDS, PRIVATE_WORDS);
	}

	@Test
	void sinceDefaultsToTheLastBriefElseNinetyDaysAndEachBriefIsRecordedWithoutText() {
		JsonNode first = json(get("/api/v1/placements/" + placementId + "/brief").body());
		assertThat(first.get("since").asString()).isEqualTo("2026-09-08");
		assertThat(first.get("previousBrief").isNull()).isTrue();

		clock.set(MONDAY.plus(Duration.ofDays(14)));
		JsonNode second = json(get("/api/v1/placements/" + placementId + "/brief").body());
		assertThat(second.get("since").asString()).isEqualTo("2026-12-07");
		assertThat(Instant.parse(second.get("previousBrief").asString())).isEqualTo(MONDAY);
		assertThat(second.get("entries")).isEmpty();

		JsonNode given = json(get("/api/v1/placements/" + placementId + "/brief?since=2026-12-01").body());
		assertThat(given.get("entries").findValuesAsString("id")).containsExactly("e3", "e6");

		List<Document> records = mongo.getCollection("briefs").find().into(new java.util.ArrayList<>());
		assertThat(records).hasSize(3);
		assertThat(records.get(0).keySet()).containsExactlyInAnyOrder("_id", "placementId", "readerRole", "since",
				"generatedAt", "_class");
		assertThat(records.get(0).getString("readerRole")).isEqualTo("admin");
	}

	@Test
	void aBadSinceIsAProblemNamingTheFieldAndRecordsNothing() {
		HttpResponse<String> response = get("/api/v1/placements/" + placementId + "/brief?since=yesterday");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("since");
		assertThat(mongo.getCollection("briefs").countDocuments()).isZero();
		assertThat(get("/api/v1/placements/nope/brief").statusCode()).isEqualTo(404);
	}

	@Test
	void theCommandGivesTheBriefOnlyToFollowersAndAdminsWithWhatEachMayRead() {
		String coach = commandAnswer("UANDERS", "brief <@UADA|ada> since:2026-11-01");
		assertThat(coach).contains("Underlag till styrgruppsmötet: Ada Lindqvist", CONFIDENTIAL_WORDS,
				CONFIDENTIAL_BLOCKER, PLAN).doesNotContain(PRIVATE_WORDS);
		String manager = commandAnswer("UMAJA", "brief <@UADA|ada> since:2026-11-01");
		assertThat(manager).contains(PLACEMENT_WORDS).doesNotContain(CONFIDENTIAL_WORDS, COACHES_WORDS, PLAN,
				PRIVATE_WORDS);
		String admin = commandAnswer("UADMIN1", "brief <@UADA|ada> since:2026-11-01");
		assertThat(admin).contains(PLACEMENT_WORDS, COACHES_WORDS).doesNotContain(CONFIDENTIAL_WORDS,
				CONFIDENTIAL_BLOCKER, PRIVATE_WORDS);

		// the participant, a stranger and a follower of nobody's: no brief, nothing of the placement
		for (String member : new String[] { "UADA", "UMALLORY" }) {
			String refused = commandAnswer(member, "brief <@UADA|ada>");
			assertThat(refused).contains("You follow no placement of that person")
				.doesNotContain(PLACEMENT_WORDS, COACHES_WORDS, "Scania");
		}
		assertThat(commandAnswer("UMAJA", "brief")).contains("Whose brief? Mention the participant.");
		assertThat(commandAnswer("UMAJA", "brief <@UADA|ada> since:soon")).contains("since:YYYY-MM-DD");
		// coach, manager, admin: three briefs recorded, by role
		assertThat(mongo.getCollection("briefs").find().map(d -> d.getString("readerRole"))
			.into(new java.util.ArrayList<>())).containsExactlyInAnyOrder("academic_coach", "manager", "admin");
	}

	private org.fieldnotes.placement.Placement placement() {
		return placements.get(placementId);
	}

	@Autowired
	org.fieldnotes.placement.PlacementManagement placements;
}
