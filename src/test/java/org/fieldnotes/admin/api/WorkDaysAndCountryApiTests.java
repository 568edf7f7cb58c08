package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Part-time work days per placement and the holiday country per person, through the admin API.
 */
class WorkDaysAndCountryApiTests extends IntegrationTest {

	@Test
	void workDaysDefaultToMondayToFriday() {
		JsonNode placement = json(get("/api/v1/placements/" + enrol("UADA", "2026-11-02", "2027-04-30")).body());

		assertThat(placement.get("workDays").toString())
			.isEqualTo("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
		assertThat(placement.get("participant").get("country").isNull()).isTrue();
	}

	@Test
	void partTimeWorkDaysAndACountryAreKept() {
		String body = placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"schedule\"", "\"workDays\": [\"wednesday\", \"MONDAY\"], \"schedule\"")
			.replace("\"locale\": \"en\"}", "\"locale\": \"en\", \"country\": \"se\"}");

		HttpResponse<String> created = postJson("/api/v1/placements", body);

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode placement = json(created.body());
		assertThat(placement.get("workDays").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\"]");
		assertThat(placement.get("participant").get("country").asString()).isEqualTo("SE");
	}

	@Test
	void badWorkDaysAndCountriesAreNamed() {
		String body = placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"schedule\"", "\"workDays\": [\"FUNDAY\"], \"schedule\"")
			.replace("\"locale\": \"en\"}", "\"locale\": \"en\", \"country\": \"Sweden\"}");

		HttpResponse<String> refused = postJson("/api/v1/placements", body);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"workDays\"").contains("\"field\":\"participant.country\"");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
	}
}
