package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/v1/placements/{id}}: a JSON merge patch (RFC 7396) of any field of a placement, checked as at
 * enrolment, saved at once or not at all (guarded by the placement's version: {@code If-Match} optional, {@code 409}
 * when it moved), audited as {@code placement-change}, and open to a programme's token for its own programme only.
 * (Rescheduling and reopening: {@code PlacementChangeScheduleTests}; who is told: {@code PlacementChangeNoticesTests}.)
 */
class PlacementPatchTests extends IntegrationTest {

	private static final String PLACEMENTS = "/api/v1/placements/";

	@Test
	void aMergePatchChangesTheFieldsItNamesAndKeepsTheOthers() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> changed = patch(ADMIN_TOKEN, id, """
				{"endDate": "2027-08-31", "hostOrganisation": "Scania Södertälje",
				 "businessCoach": {"name": "Bo Ek", "slackUserId": "UBO"},
				 "schedule": {"time": "09:30"}, "workDays": ["MONDAY", "WEDNESDAY"],
				 "timezone": "Europe/London", "locale": "sv"}
				""", "application/merge-patch+json", null);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		JsonNode placement = json(changed.body());
		assertThat(placement.get("endDate").asString()).isEqualTo("2027-08-31");
		assertThat(placement.get("hostOrganisation").asString()).isEqualTo("Scania Södertälje");
		assertThat(placement.get("businessCoach").get("slackUserId").asString()).isEqualTo("UBO");
		assertThat(placement.get("schedule").get("dayOfWeek").asString()).as("the day is kept").isEqualTo("FRIDAY");
		assertThat(placement.get("schedule").get("time").asString()).isEqualTo("09:30");
		assertThat(placement.get("workDays").valueStream().map(JsonNode::asString)).containsExactly("MONDAY",
				"WEDNESDAY");
		assertThat(placement.get("participant").get("timezone").asString()).isEqualTo("Europe/London");
		assertThat(placement.get("participant").get("locale").asString()).isEqualTo("sv");
		// kept
		assertThat(placement.get("startDate").asString()).isEqualTo("2026-11-02");
		assertThat(placement.get("program").asString()).isEqualTo("KTP 2026");
		assertThat(placement.get("academicCoach").get("slackUserId").asString()).isEqualTo("UANDERS");
		assertThat(placement.get("manager").get("slackUserId").asString()).isEqualTo("UMAJA");
		// the answer is what GET shows
		HttpResponse<String> shown = get(PLACEMENTS + id);
		assertThat(json(shown.body())).isEqualTo(placement);
		assertThat(shown.headers().firstValue("ETag")).isEqualTo(changed.headers().firstValue("ETag"));
	}

	@Test
	void plainJsonIsAcceptedAndNullRemovesACoach() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> changed = patch(ADMIN_TOKEN, id, "{\"academicCoach\": null}", "application/json", null);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(json(changed.body()).get("academicCoach").isNull()).isTrue();
		assertThat(stored(id).get("academicCoach")).isNull();
		assertThat(json(changed.body()).get("businessCoach").get("slackUserId").asString()).isEqualTo("UBEATA");
	}

	@Test
	void everyWrongFieldIsNamedAndNothingChanges() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		Document before = stored(id);

		HttpResponse<String> refused = patch(ADMIN_TOKEN, id, """
				{"startDate": "2027-06-01", "schedule": {"dayOfWeek": "FUNDAY"}, "manager": null,
				 "timezone": "Mars/Olympus", "locale": "fr", "workDays": [],
				 "academicCoach": {"name": "Nobody"}, "colour": "blue", "program": 7}
				""", "application/merge-patch+json", null);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		// the shape of the body first: an unknown field and a wrong type are named before anything is checked
		assertThat(fields(refused)).containsExactlyInAnyOrder("colour", "program");
		assertThat(json(refused.body()).get("detail").asString()).startsWith("The placement was not changed");

		HttpResponse<String> checked = patch(ADMIN_TOKEN, id, """
				{"startDate": "2027-06-01", "schedule": {"dayOfWeek": "FUNDAY"}, "manager": null,
				 "timezone": "Mars/Olympus", "locale": "fr", "workDays": [],
				 "academicCoach": {"name": "Nobody"}}
				""", "application/merge-patch+json", null);

		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(400);
		assertThat(fields(checked)).containsExactlyInAnyOrder("endDate", "schedule.dayOfWeek", "manager",
				"timezone", "locale", "workDays", "academicCoach");
		assertThat(stored(id)).as("nothing half-saved").isEqualTo(before);
		assertThat(audit("refused")).extracting(a -> a.getString("detail"))
			.containsExactly("fields: colour,program",
					"fields: timezone,locale,endDate,manager,academicCoach,schedule.dayOfWeek,workDays");
	}

	@Test
	void anEndDateInThePastOrAnOverlapWithAnotherPlacementIsRefused() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		postJson("/api/v1/placements", placementJson("UADA", "2027-06-01", "2027-09-30"));

		Document before = stored(id);

		assertThat(fields(patch(ADMIN_TOKEN, id, "{\"endDate\": \"2026-11-30\"}", "application/json", null)))
			.containsExactly("endDate");
		HttpResponse<String> overlap = patch(ADMIN_TOKEN, id, "{\"endDate\": \"2027-07-31\"}", "application/json",
				null);
		assertThat(fields(overlap)).containsExactly("participant");
		assertThat(stored(id)).isEqualTo(before);
	}

	@Test
	void aStaleIfMatchIsAConflictAndTheCurrentOneIsAccepted() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		String etag = get(PLACEMENTS + id).headers().firstValue("ETag").orElseThrow();
		assertThat(patch(ADMIN_TOKEN, id, "{\"hostOrganisation\": \"Volvo\"}", "application/json", etag)
			.statusCode()).isEqualTo(200);

		HttpResponse<String> stale = patch(ADMIN_TOKEN, id, "{\"hostOrganisation\": \"Saab\"}", "application/json",
				etag);

		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
		assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(stored(id).getString("hostOrganisation")).isEqualTo("Volvo");
		String current = get(PLACEMENTS + id).headers().firstValue("ETag").orElseThrow();
		assertThat(current).isNotEqualTo(etag);
		assertThat(json(stale.body()).get("currentVersion").asLong())
			.isEqualTo(Long.parseLong(current.replace("\"", "")));
		assertThat(patch(ADMIN_TOKEN, id, "{\"hostOrganisation\": \"Saab\"}", "application/json", current)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void theChangeIsAuditedWithTheFieldNamesAndOldToNewForWhatNamesNobody() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");

		patch(ADMIN_TOKEN, id, """
				{"endDate": "2027-08-31", "businessCoach": {"name": "Bo Ek", "email": "bo@volvo.example"},
				 "schedule": {"dayOfWeek": "MONDAY", "time": "09:00"}}
				""", "application/json", null);

		List<Document> done = audit("done");
		assertThat(done).hasSize(1);
		assertThat(done.get(0).getString("actor")).isEqualTo("api");
		assertThat(done.get(0).getString("placementId")).isEqualTo(id);
		assertThat(done.get(0).getString("detail"))
			.isEqualTo("changed: endDate 2027-04-30→2027-08-31, businessCoach, schedule FRIDAY 14:00→MONDAY 09:00");
		assertThat(done.get(0).getString("detail")).doesNotContain("Bo Ek", "bo@volvo.example", "Beata");
	}

	@Test
	void aPatchThatChangesNothingSavesNothing() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		Document before = stored(id);

		HttpResponse<String> same = patch(ADMIN_TOKEN, id, "{\"endDate\": \"2027-04-30\", \"program\": \"KTP 2026\"}",
				"application/json", null);

		assertThat(same.statusCode()).isEqualTo(200);
		assertThat(stored(id)).isEqualTo(before);
		assertThat(audit("done")).extracting(a -> a.getString("detail")).containsExactly("nothing changed");
	}

	@Test
	void anUnknownPlacementIsA404() {
		HttpResponse<String> missing = patch(ADMIN_TOKEN, "no-such-id", "{\"endDate\": \"2027-08-31\"}",
				"application/json", null);

		assertThat(missing.statusCode()).isEqualTo(404);
	}

	@Test
	void aProgrammesTokenChangesItsOwnPlacementsButMovesNoneToAnotherProgramme() {
		String adas = enrol("UADA", "2026-11-02", "2027-04-30");
		HttpResponse<String> other = postJson("/api/v1/placements",
				placementJson("UBRUNO", "2026-11-02", "2027-04-30").replace("KTP 2026", "Other"));
		String brunos = json(other.body()).get("id").asString();
		String ktp = token("{\"name\":\"ktp\",\"program\":\"KTP 2026\"}");
		String readOnly = token("{\"name\":\"reader\",\"scope\":\"read-only\"}");

		assertThat(patch(ktp, adas, "{\"hostOrganisation\": \"Volvo\"}", "application/json", null).statusCode())
			.isEqualTo(200);
		HttpResponse<String> moved = patch(ktp, adas, "{\"program\": \"Other\"}", "application/json", null);
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
		assertThat(fields(moved)).containsExactly("program");
		assertThat(patch(ktp, brunos, "{\"hostOrganisation\": \"Volvo\"}", "application/json", null).statusCode())
			.as("another programme's placement is as if it did not exist").isEqualTo(404);
		assertThat(patch(readOnly, adas, "{\"hostOrganisation\": \"Saab\"}", "application/json", null).statusCode())
			.isEqualTo(403);
		assertThat(stored(adas).getString("program")).isEqualTo("KTP 2026");
		assertThat(stored(adas).getString("hostOrganisation")).isEqualTo("Volvo");
		assertThat(stored(brunos).getString("hostOrganisation")).isEqualTo("Scania");
	}

	private HttpResponse<String> patch(String token, String id, String body, String contentType, String ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(PLACEMENTS + id))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(request.build());
	}

	private String token(String body) {
		HttpResponse<String> response = postJson("/api/v1/tokens", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("token").asString();
	}

	private static List<String> fields(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isIn(400, 403);
		return json(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	private Document stored(String id) {
		return mongo.getCollection("placements").find(new Document("_id", id)).first();
	}

	private List<Document> audit(String outcome) {
		return mongo.getCollection("audit").find(new Document("action", "placement-change").append("outcome", outcome))
			.sort(new Document("at", 1)).into(new java.util.ArrayList<>());
	}
}
