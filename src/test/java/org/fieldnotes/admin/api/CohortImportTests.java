package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/placements:import}: each CSV row goes through the same enrolment as the API, so refused rows
 * store nothing while good rows are created; a malformed, empty or oversized file is refused whole as problem+json.
 */
class CohortImportTests extends IntegrationTest {

	private static final String IMPORT = "/api/v1/placements:import";
	private static final String HEADER = "participant_name,participant_slack_id,participant_timezone,participant_locale,"
			+ "program,host_organisation,start_date,end_date,manager_name,manager_slack_id,business_coach_name,"
			+ "business_coach_email,schedule_day,schedule_time,work_days\n";

	private HttpResponse<String> importCsv(String csv) {
		return send(HttpRequest.newBuilder(uri(IMPORT))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());
	}

	private long stored() {
		return mongo.getCollection("placements").countDocuments();
	}

	@Test
	void goodRowsAreCreatedAndBadRowsRefusedEachWithItsErrors() {
		String csv = HEADER
				+ "Ada Lindqvist,UADA,Europe/Stockholm,sv,KTP 2026,\"Scania, Södertälje\",2026-12-01,2027-05-31,Maja Berg,UMAJA,Beata Ek,beata@scania.example,MONDAY,09:30,MONDAY;WEDNESDAY\n"
				+ "Bo Ek,UBO,Europe/Stockholm,en,KTP 2026,Volvo,2027-06-30,2026-09-01,Maja Berg,UMAJA,,,,,\n"
				+ "Cy Berg,,Mars/Olympus,fr,KTP 2026,Nordea,2026-12-01,2027-05-31,,,,,someday,,\n"
				+ "\"Di \"\"Quoted\"\" Holm\",UDI,Europe/London,en,Thesis abroad,KAIST,2026-12-01,2027-03-31,Maja Berg,UMAJA,,,,,\n";

		HttpResponse<String> response = importCsv(csv);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response.body());
		assertThat(result.get("created").asInt()).isEqualTo(2);
		assertThat(result.get("refused").asInt()).isEqualTo(2);
		JsonNode rows = result.get("rows");
		assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
		assertThat(rows.get(0).get("status").asString()).isEqualTo("created");
		String adaId = rows.get(0).get("id").asString();
		assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
		assertThat(rows.get(1).get("status").asString()).isEqualTo("refused");
		assertThat(rows.get(1).get("errors").toString()).contains("\"field\":\"end_date\"").contains("before startDate");
		assertThat(rows.get(2).get("errors").toString()).contains("participant_slack_id")
			.contains("participant_timezone")
			.contains("participant_locale")
			.contains("\"field\":\"manager\"")
			.contains("schedule_day");
		assertThat(rows.get(3).get("status").asString()).isEqualTo("created");
		assertThat(stored()).isEqualTo(2);

		JsonNode ada = json(get("/api/v1/placements/" + adaId).body());
		assertThat(ada.get("hostOrganisation").asString()).isEqualTo("Scania, Södertälje");
		assertThat(ada.get("participant").get("locale").asString()).isEqualTo("sv");
		assertThat(ada.get("businessCoach").get("email").asString()).isEqualTo("beata@scania.example");
		assertThat(ada.get("schedule").get("dayOfWeek").asString()).isEqualTo("MONDAY");
		assertThat(ada.get("workDays").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\"]");
		assertThat(json(get("/api/v1/placements/" + rows.get(3).get("id").asString()).body()).get("participant")
			.get("name").asString()).isEqualTo("Di \"Quoted\" Holm");
		Document audit = mongo.getCollection("audit").find(new Document("action", "import")).first();
		assertThat(audit.getString("actor")).isEqualTo("api");
		assertThat(audit.getString("detail")).isEqualTo("created 2, refused 2");
	}

	@Test
	void aRowOverlappingAnEarlierRowIsRefused() {
		String row = "Ada Lindqvist,UADA,Europe/Stockholm,en,KTP 2026,Scania,2026-12-01,2027-05-31,Maja Berg,UMAJA,,,,,\n";

		JsonNode result = json(importCsv(HEADER + row + row).body());

		assertThat(result.get("created").asInt()).isEqualTo(1);
		assertThat(result.get("rows").get(1).get("errors").get(0).get("field").asString()).isEqualTo("participant");
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void onlyTheRequiredColumnsAreNeeded() {
		String csv = "participant_name,participant_slack_id,program,host_organisation,start_date,end_date,manager_name,manager_email\n"
				+ "Ada Lindqvist,UADA,KTP,Scania,2026-12-01,2027-05-31,Maja Berg,maja@example.org\n";

		HttpResponse<String> response = importCsv(csv);

		// the participant's time zone has no default: that row is refused, naming the column
		assertThat(json(response.body()).get("rows").get(0).get("errors").toString()).contains("participant_timezone");
		String withZone = csv.replace("participant_name,", "participant_timezone,participant_name,")
			.replace("Ada Lindqvist,", "Europe/Stockholm,Ada Lindqvist,");
		assertThat(json(importCsv(withZone).body()).get("created").asInt()).isEqualTo(1);
	}

	@Test
	void malformedEmptyAndHeaderlessFilesAreRefusedWhole() {
		assertProblem(importCsv(HEADER + "\"Ada,UADA,Europe/Stockholm\n"), 400, "not valid CSV");
		assertProblem(importCsv(""), 400, "empty");
		assertProblem(importCsv("Ada Lindqvist,UADA,KTP,Scania,2026-12-01,2027-05-31,Maja,UMAJA\n"), 400,
				"missing columns");
		assertProblem(importCsv("participant_name,participant_slack_id,program,host_organisation,start_date,end_date,"
				+ "manager_name,colour\n"), 400, "unknown columns: colour");
		assertThat(stored()).isZero();
	}

	@Test
	void tooLargeFilesAreRefused() {
		String row = "Ada Lindqvist,UADA,Europe/Stockholm,en,KTP 2026,Scania,2026-12-01,2027-05-31,Maja Berg,UMAJA,,,,,\n";
		assertProblem(importCsv(HEADER + row.repeat(5001)), 413, "more than 5000 rows");
		assertProblem(importCsv(HEADER + "x".repeat(5 * 1024 * 1024)), 413, "larger than 5 MB");
		assertThat(stored()).isZero();
	}

	@Test
	void theImportNeedsTheToken() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(IMPORT))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(HEADER))
			.build());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response.body()).get("detail").asString()).contains(detail);
	}
}
