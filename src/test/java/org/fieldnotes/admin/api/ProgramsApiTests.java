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
}
