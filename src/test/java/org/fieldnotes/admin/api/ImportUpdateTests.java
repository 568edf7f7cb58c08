package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The cohort import updating by its key column, {@code placement_id}: a row with a known id changes that placement
 * (only its non-empty cells; {@code -} clears an optional field) with the checks, audit and notices of any change,
 * each row on its own and nothing changed for a refused one; a row without an id enrols as before. The answer says
 * per row: created, updated, unchanged or refused (with reasons).
 */
class ImportUpdateTests extends IntegrationTest {

	@Test
	void rowsWithAnIdUpdateAndRowsWithoutOneEnrol() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String csv = "placement_id,participant_name,participant_slack_id,participant_timezone,program,host_organisation,"
				+ "start_date,end_date,manager_name,manager_slack_id,business_coach_name,business_coach_slack_id,"
				+ "academic_coach_name,schedule_day\n"
				+ ada + ",,,,,,,2027-08-31,,,Bo Ek,UBO,-,MONDAY\n"
				+ ",Erik Berg,UERIK,Europe/Stockholm,KTP 2026,Nordea,2026-12-01,2027-05-31,Maja Berg,UMAJA,,,,\n"
				+ ada + ",,,,,,,2027-08-31,,,,,,\n"
				+ ada + ",,,,,,2027-09-30,,,,,,,FUNDAY\n"
				+ "no-such-placement,,,,,,,2027-08-31,,,,,,\n";

		HttpResponse<String> response = importCsv(csv);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json(response.body());
		assertThat(result.get("created").asInt()).isEqualTo(1);
		assertThat(result.get("updated").asInt()).isEqualTo(1);
		assertThat(result.get("unchanged").asInt()).isEqualTo(1);
		assertThat(result.get("refused").asInt()).isEqualTo(2);
		JsonNode rows = result.get("rows");
		assertThat(rows.valueStream().map(r -> r.get("status").asString()))
			.containsExactly("updated", "created", "unchanged", "refused", "refused");
		assertThat(rows.get(0).get("id").asString()).isEqualTo(ada);
		assertThat(rows.get(3).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("end_date", "schedule_day");
		assertThat(rows.get(4).get("errors").get(0).get("field").asString()).isEqualTo("placement_id");

		Document stored = mongo.getCollection("placements").find(new Document("_id", ada)).first();
		assertThat(stored.get("academicCoach")).as("cleared by -").isNull();
		assertThat(stored.getString("businessCoach")).isEqualTo(personOf("UBO"));
		assertThat(((Document) stored.get("schedule")).getString("dayOfWeek")).isEqualTo("MONDAY");
		assertThat(stored.getString("hostOrganisation")).as("an empty cell keeps it").isEqualTo("Scania");
		assertThat(json(get("/api/v1/placements/" + ada).body()).get("endDate").asString())
			.as("the refused row (start after end) changed nothing").isEqualTo("2027-08-31");
		assertThat(mongo.getCollection("audit").countDocuments(
				new Document("action", "placement-change").append("outcome", "done"))).isEqualTo(2);

		drainOutbox();
		assertThat(sent().messagesTo(slack("UBO"))).hasSize(1);
	}

	@Test
	void aFileOfUpdatesNeedsOnlyTheColumnsItChangesAndAMandatoryFieldCannotBeCleared() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");

		JsonNode result = json(importCsv("placement_id,host_organisation\n" + ada + ",Volvo\n" + ada + ",-\n").body());

		assertThat(result.get("rows").valueStream().map(r -> r.get("status").asString()))
			.containsExactly("updated", "refused");
		assertThat(result.get("rows").get(1).get("errors").get(0).get("field").asString())
			.isEqualTo("host_organisation");
		assertThat(mongo.getCollection("placements").find(new Document("_id", ada)).first()
			.getString("hostOrganisation")).isEqualTo("Volvo");
	}

	@Test
	void aProgrammesTokenUpdatesOnlyItsOwnPlacementsAndMovesNoneOut() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bruno = json(postJson("/api/v1/placements",
				placementJson("UBRUNO", "2026-11-02", "2027-04-30").replace("KTP 2026", "Other")).body()).get("id")
			.asString();
		HttpResponse<String> token = postJson("/api/v1/tokens", "{\"name\":\"ktp\",\"program\":\"KTP 2026\"}");
		String ktp = json(token.body()).get("token").asString();

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ktp).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString("placement_id,program,host_organisation\n" + ada + ",,Volvo\n"
					+ bruno + ",,Volvo\n" + ada + ",Other,\n"))
			.build());

		JsonNode rows = json(response.body()).get("rows");
		assertThat(rows.valueStream().map(r -> r.get("status").asString()))
			.containsExactly("updated", "refused", "refused");
		assertThat(rows.get(1).get("errors").get(0).get("field").asString()).isEqualTo("placement_id");
		assertThat(rows.get(2).get("errors").get(0).get("field").asString()).isEqualTo("program");
		assertThat(mongo.getCollection("placements").find(new Document("_id", bruno)).first()
			.getString("hostOrganisation")).isEqualTo("Scania");
		assertThat(mongo.getCollection("placements").find(new Document("_id", ada)).first().getString("program"))
			.isEqualTo("KTP 2026");
	}

	private HttpResponse<String> importCsv(String csv) {
		return send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());
	}
}
