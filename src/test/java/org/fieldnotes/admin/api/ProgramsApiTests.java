package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PUT /api/v1/programs/{program}}: a programme's default visibility, applied to new entries of
 * participants who chose none themselves (their own choice wins); bad values are refused as problem+json naming the
 * field, nothing is stored, and every change or refusal is audited.
 */
class ProgramsApiTests extends IntegrationTest {

	@Autowired
	Logbook logbook;

	@Autowired
	Preferences preferences;

	private HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private List<Document> audit() {
		return mongo.getCollection("audit").find(new Document("action", "program-visibility"))
			.sort(new Document("_id", 1)).into(new ArrayList<>());
	}

	@Test
	void anAdminSetsAProgrammesDefaultAndNewEntriesGetIt() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		assertThat(json(get("/api/v1/programs/KTP%202026").body()).get("defaultVisibility").asString())
			.isEqualTo("coaches");
		assertThat(logbook.write(slack("UADA"), "Before").visibility()).isEqualTo(Visibility.COACHES);

		HttpResponse<String> response = put("/api/v1/programs/ktp%202026", "{\"defaultVisibility\":\"placement\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("program").asString()).isEqualTo("ktp 2026");
		assertThat(body.get("defaultVisibility").asString()).isEqualTo("placement");
		assertThat(body.get("defaultVisibilitySet").asBoolean()).isTrue();
		assertThat(json(get("/api/v1/programs/KTP%202026").body()).get("defaultVisibility").asString())
			.isEqualTo("placement");
		assertThat(logbook.write(slack("UADA"), "After").visibility()).isEqualTo(Visibility.PLACEMENT);
		// the participant's own choice comes first
		preferences.setVisibility(slack("UADA"), Visibility.PRIVATE);
		assertThat(logbook.write(slack("UADA"), "Mine").visibility()).isEqualTo(Visibility.PRIVATE);
		assertThat(audit()).singleElement().satisfies(a -> {
			assertThat(a.getString("actor")).isEqualTo("api");
			assertThat(a.getString("outcome")).isEqualTo("done");
			assertThat(a.getString("detail")).isEqualTo("ktp 2026: placement");
		});
	}

	@Test
	void aBadValueIsRefusedNamingTheFieldAndNothingIsStored() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> bad = put("/api/v1/programs/KTP%202026", "{\"defaultVisibility\":\"everyone\"}");
		HttpResponse<String> missing = put("/api/v1/programs/KTP%202026", "{}");
		HttpResponse<String> wrongType = put("/api/v1/programs/KTP%202026", "{\"defaultVisibility\":{\"a\":1}}");

		for (HttpResponse<String> response : List.of(bad, missing, wrongType)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("defaultVisibility");
		}
		assertThat(json(bad.body()).get("errors").get(0).get("message").asString())
			.isEqualTo("must be one of private, coaches, placement, confidential");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
		assertThat(json(get("/api/v1/programs/KTP%202026").body()).get("defaultVisibilitySet").asBoolean()).isFalse();
		assertThat(audit()).extracting(a -> a.getString("outcome")).contains("refused");
	}

	@Test
	void anUnknownProgrammeIsNotFoundUntilSomethingIsSetForIt() {
		HttpResponse<String> unknown = get("/api/v1/programs/Nothing");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		assertThat(put("/api/v1/programs/Next%20year", "{\"defaultVisibility\":\"private\"}").statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/programs/next%20YEAR").body()).get("defaultVisibility").asString())
			.isEqualTo("private");
	}

	@Test
	void theProgrammeApiNeedsTheToken() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/programs/KTP%202026"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"defaultVisibility\":\"private\"}")).build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
	}

	// --- a programme's rhythm: cadence, prompt set, reviews (issue 14)

	@Autowired
	org.quartz.Scheduler quartz;

	private java.util.Optional<java.time.Instant> promptTrigger(String placementId) throws Exception {
		return java.util.Optional.ofNullable(quartz.getTrigger(org.quartz.TriggerKey.triggerKey(placementId, "prompts")))
			.map(trigger -> trigger.getNextFireTime().toInstant());
	}

	private List<Document> settingsAudit() {
		return mongo.getCollection("audit").find(new Document("action", "program-settings"))
			.sort(new Document("_id", 1)).into(new ArrayList<>());
	}

	@Test
	void aProgrammesCadenceMovesItsPlacementsNextPromptAtOnce() throws Exception {
		// Mon 9 Nov 2026 to Fri 30 Apr 2027, Fridays 14:00 in Stockholm; now is Wed 2 Dec 2026
		String placementId = enrol("UADA", "2026-11-09", "2027-04-30");
		assertThat(promptTrigger(placementId)).as("weekly: Fri 4 Dec, week 4")
			.hasValue(java.time.Instant.parse("2026-12-04T13:00:00Z"));

		HttpResponse<String> fortnightly = put("/api/v1/programs/KTP%202026", "{\"cadence\":\"fortnightly\"}");

		assertThat(fortnightly.statusCode()).isEqualTo(200);
		JsonNode body = json(fortnightly.body());
		assertThat(body.get("cadence").asString()).isEqualTo("fortnightly");
		assertThat(body.get("promptSet").asString()).isEqualTo("shared");
		assertThat(body.get("reviewEvery").isNull()).isTrue();
		assertThat(body.get("defaultVisibility").asString()).as("left out: unchanged").isEqualTo("coaches");
		assertThat(body.get("defaultVisibilitySet").asBoolean()).isFalse();
		assertThat(promptTrigger(placementId)).as("weeks 1, 3, 5: Fri 11 Dec")
			.hasValue(java.time.Instant.parse("2026-12-11T13:00:00Z"));

		put("/api/v1/programs/ktp%202026", "{\"cadence\":\"MONTHLY\",\"reviewEvery\":\"P3M\",\"promptSet\":\"own\"}");

		assertThat(promptTrigger(placementId)).as("monthly: December's first Friday, the 4th")
			.hasValue(java.time.Instant.parse("2026-12-04T13:00:00Z"));
		JsonNode after = json(get("/api/v1/programs/KTP%202026").body());
		assertThat(after.get("cadence").asString()).isEqualTo("monthly");
		assertThat(after.get("promptSet").asString()).isEqualTo("own");
		assertThat(after.get("reviewEvery").asString()).isEqualTo("P3M");
		assertThat(settingsAudit()).extracting(a -> a.getString("actor"), a -> a.getString("outcome"),
				a -> a.getString("detail"))
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("api", "done",
							"KTP 2026: cadence fortnightly, promptSet shared, reviewEvery none"),
					org.assertj.core.groups.Tuple.tuple("api", "done",
							"ktp 2026: cadence monthly, promptSet own, reviewEvery P3M"));
		assertThat(audit()).as("the visibility was not touched").isEmpty();
	}

	@Test
	void theExistingBodyStillSetsOnlyTheVisibilityAndLeavesTheRhythm() {
		enrol("UADA", "2026-11-09", "2027-04-30");
		put("/api/v1/programs/KTP%202026", "{\"cadence\":\"fortnightly\",\"reviewEvery\":\"P3M\"}");

		HttpResponse<String> response = put("/api/v1/programs/KTP%202026", "{\"defaultVisibility\":\"placement\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("defaultVisibility").asString()).isEqualTo("placement");
		assertThat(body.get("cadence").asString()).isEqualTo("fortnightly");
		assertThat(body.get("reviewEvery").asString()).isEqualTo("P3M");
		assertThat(audit()).singleElement().satisfies(a -> assertThat(a.getString("detail"))
			.isEqualTo("KTP 2026: placement"));
		assertThat(settingsAudit()).hasSize(1);

		JsonNode cleared = json(put("/api/v1/programs/KTP%202026", "{\"reviewEvery\":\"none\"}").body());
		assertThat(cleared.get("reviewEvery").isNull()).isTrue();
		assertThat(cleared.get("cadence").asString()).isEqualTo("fortnightly");
	}

	@Test
	void badRhythmValuesAreRefusedNamingEachFieldAndNothingIsStored() {
		enrol("UADA", "2026-11-09", "2027-04-30");

		HttpResponse<String> bad = put("/api/v1/programs/KTP%202026",
				"{\"defaultVisibility\":\"placement\",\"cadence\":\"daily\",\"promptSet\":\"mine\",\"reviewEvery\":\"P1D\"}");
		HttpResponse<String> wrongType = put("/api/v1/programs/KTP%202026", "{\"cadence\":[\"weekly\"]}");

		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode errors = json(bad.body()).get("errors");
		assertThat(List.of(errors.get(0).get("field").asString(), errors.get(1).get("field").asString(),
				errors.get(2).get("field").asString())).containsExactly("cadence", "promptSet", "reviewEvery");
		assertThat(errors.get(0).get("message").asString()).isEqualTo("must be one of weekly, fortnightly, monthly");
		assertThat(errors.get(1).get("message").asString()).isEqualTo("must be one of shared, own");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(json(wrongType.body()).get("errors").get(0).get("field").asString()).isEqualTo("cadence");
		assertThat(mongo.getCollection("programs").countDocuments()).as("not even the good visibility").isZero();
		assertThat(settingsAudit()).extracting(a -> a.getString("outcome")).containsExactly("refused");
		assertThat(settingsAudit().get(0).getString("detail")).isEqualTo("fields: cadence,promptSet,reviewEvery");
	}

	@Test
	void aPlacementIsSentItsProgrammesOwnPromptsThroughTheRealDispatcher() {
		// Mon 9 Nov 2026 to Fri 30 Apr 2027 in "KTP two-year", which the shipped example files name
		HttpResponse<String> enrolled = postJson("/api/v1/placements", placementJson("UADA", "2026-11-09", "2027-04-30")
			.replace("KTP 2026", "KTP two-year"));
		String placementId = json(enrolled.body()).get("id").asString();
		assertThat(put("/api/v1/programs/ktp%20two-year", "{\"promptSet\":\"own\"}").statusCode()).isEqualTo(200);

		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");

		assertThat(sent.statusCode()).isEqualTo(202);
		JsonNode body = json(sent.body());
		assertThat(body.get("dueDate").asString()).isEqualTo("2026-12-04");
		assertThat(body.get("promptId").asString()).as("only the programme's weekly file")
			.isEqualTo("ktp-fortnightly-progress");
		assertThat(mongo.getCollection("prompt_occurrences").find(new Document("placementId", placementId))
			.first().getString("promptId")).isEqualTo("ktp-fortnightly-progress");
	}
}
