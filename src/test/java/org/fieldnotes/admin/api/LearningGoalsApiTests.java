package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A placement's learning goals through the admin API ({@code learningGoals}, an optional JSON array) and the cohort
 * import (an optional {@code learning_goals} column, goals separated by {@code ;}): at most 10, each at most 200
 * characters; too many or too long is refused naming the field, and nothing is stored.
 */
class LearningGoalsApiTests extends IntegrationTest {

	private static final String PLACEMENTS = "/api/v1/placements";

	private static String withGoals(String goalsJson) {
		return placementJson("UADA", "2026-11-02", "2027-04-30").replace("\"schedule\":",
				"\"learningGoals\": " + goalsJson + ",\n \"schedule\":");
	}

	@Test
	void goalsGivenAtEnrolmentAreStoredAndShown() {
		HttpResponse<String> created = postJson(PLACEMENTS,
				withGoals("[\"Run a design review on my own\", \"  \", \" Present to the steering group \"]"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode placement = json(created.body());
		assertThat(goals(placement)).containsExactly("Run a design review on my own", "Present to the steering group");
		assertThat(goals(json(get(PLACEMENTS + "/" + placement.get("id").asString()).body())))
			.containsExactly("Run a design review on my own", "Present to the steering group");
	}

	@Test
	void withoutGoalsTheListIsEmpty() {
		HttpResponse<String> created = postJson(PLACEMENTS, placementJson("UADA", "2026-11-02", "2027-04-30"));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created.body()).get("learningGoals").isArray()).isTrue();
		assertThat(goals(json(created.body()))).isEmpty();
	}

	@Test
	void elevenGoalsAreRefusedNamingTheFieldAndNothingIsStored() {
		String eleven = "[" + String.join(", ", Collections.nCopies(11, "\"a goal\"")) + "]";

		HttpResponse<String> response = postJson(PLACEMENTS, withGoals(eleven));

		assertProblem(response, "learningGoals", "at most 10");
	}

	@Test
	void aGoalOver200CharactersIsRefusedNamingItsPosition() {
		HttpResponse<String> response = postJson(PLACEMENTS, withGoals("[\"fine\", \"" + "x".repeat(201) + "\"]"));

		assertProblem(response, "learningGoals[1]", "at most 200 characters");
	}

	@Test
	void goalsThatAreNotAnArrayAreRefusedNamingTheField() {
		HttpResponse<String> response = postJson(PLACEMENTS, withGoals("{\"goal\": \"x\"}"));

		assertProblem(response, "learningGoals", "");
	}

	@Test
	void theCohortImportReadsALearningGoalsColumnSeparatedBySemicolons() {
		String csv = "participant_name,participant_slack_id,participant_timezone,program,host_organisation,start_date,"
				+ "end_date,manager_name,manager_slack_id,learning_goals\n"
				+ "Ada Lindqvist,UADA,Europe/Stockholm,KTP 2026,Scania,2026-12-01,2027-05-31,Maja Berg,UMAJA,"
				+ "\"Run a design review; Present to the steering group\"\n"
				+ "Bo Ng,UBO,Europe/Stockholm,KTP 2026,Volvo,2026-12-01,2027-05-31,Maja Berg,UMAJA,"
				+ "ok;" + "y".repeat(201) + "\n"
				+ "Cy Berg,UCY,Europe/Stockholm,KTP 2026,Saab,2026-12-01,2027-05-31,Maja Berg,UMAJA,\n";

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode rows = json(response.body()).get("rows");
		assertThat(rows.get(0).get("status").asString()).isEqualTo("created");
		assertThat(goals(json(get(PLACEMENTS + "/" + rows.get(0).get("id").asString()).body())))
			.containsExactly("Run a design review", "Present to the steering group");
		assertThat(rows.get(1).get("status").asString()).isEqualTo("refused");
		assertThat(rows.get(1).get("errors").get(0).get("field").asString()).isEqualTo("learning_goals[1]");
		assertThat(rows.get(2).get("status").asString()).isEqualTo("created");
		assertThat(goals(json(get(PLACEMENTS + "/" + rows.get(2).get("id").asString()).body()))).isEmpty();
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(2);
	}

	private void assertProblem(HttpResponse<String> response, String field, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response.body());
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.as(response.body())
			.containsExactly(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).contains(message);
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
	}

	private static List<String> goals(JsonNode placement) {
		return placement.get("learningGoals").valueStream().map(JsonNode::asString).toList();
	}
}
