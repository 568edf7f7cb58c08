package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;

import org.bson.Document;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Scoped API tokens over HTTP: a token is {@code admin} (the default) or {@code read-only}, and may be limited to one
 * programme; both show in the list; a token stored before scopes existed is admin. A programme's token lists only its
 * programme's placements and enrols or imports only into it. And the API fails closed: a request that is no
 * operation is a 404 problem+json that reaches no controller. (Every operation refusing the token that may not use
 * it is {@code DeniedActorTests}.)
 */
class ScopedApiTokensTests extends IntegrationTest {

	private static final String TOKENS = "/api/v1/tokens";

	@Test
	void aTokensScopeAndProgrammeAreInTheAnswerAndTheList() {
		HttpResponse<String> created = postJson(TOKENS,
				"{\"name\":\"ktp-reporting\",\"scope\":\"read-only\",\"program\":\"  KTP 2026 \"}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created.body()).get("scope").asString()).isEqualTo("read-only");
		assertThat(json(created.body()).get("program").asString()).isEqualTo("KTP 2026");
		postJson(TOKENS, "{\"name\":\"ops\"}");
		JsonNode listed = json(get(TOKENS).body());
		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).get("scope").asString()).isEqualTo("read-only");
		assertThat(listed.get(0).get("program").asString()).isEqualTo("KTP 2026");
		assertThat(listed.get(1).get("scope").asString()).isEqualTo("admin");
		assertThat(listed.get(1).get("program").isNull()).isTrue();
		Document stored = mongo.getCollection("api_tokens").find(new Document("name", "ktp-reporting")).first();
		assertThat(stored.getString("scope")).isEqualTo("READ_ONLY");
		assertThat(stored.getString("program")).isEqualTo("KTP 2026");
	}

	@Test
	void aTokenStoredBeforeScopesExistedIsAnAdmin() {
		String token = "fn_" + "a".repeat(43);
		mongo.getCollection("api_tokens").insertOne(new Document("_id", "old").append("name", "legacy")
			.append("activeName", "legacy").append("hash", ApiTokens.hash(token)).append("prefix", token.substring(0, 8))
			.append("createdAt", Date.from(DEFAULT_NOW)).append("createdBy", "bootstrap"));

		HttpResponse<String> enrolled = send(HttpRequest.newBuilder(uri("/api/v1/placements"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(placementJson("UADA", "2026-11-02", "2027-04-30"))).build());

		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		assertThat(getWith(token, TOKENS).statusCode()).isEqualTo(200);
		assertThat(json(get(TOKENS).body()).get(0).get("scope").asString()).isEqualTo("admin");
	}

	@Test
	void aReadOnlyTokenReadsAndIsToldWhichScopeAWriteNeeds() {
		String readOnly = create("{\"name\":\"reporting\",\"scope\":\"read-only\"}");

		assertThat(getWith(readOnly, "/api/v1/placements").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = postWith(readOnly, "/api/v1/placements",
				placementJson("UADA", "2026-11-02", "2027-04-30"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = json(refused.body());
		assertThat(problem.get("detail").asString())
			.isEqualTo("This token is read-only: POST /api/v1/placements needs a token with scope 'admin'.");
		assertThat(problem.get("requiredScope").asString()).isEqualTo("admin");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
	}

	@Test
	void aProgrammesTokenListsAndEnrolsOnlyItsOwnProgramme() {
		String adas = enrol("UADA", "2026-11-02", "2027-04-30");
		postJson("/api/v1/placements", placementJson("UBRUNO", "2026-11-02", "2027-04-30").replace("KTP 2026", "Other"));
		String ktp = create("{\"name\":\"ktp\",\"program\":\"ktp 2026\"}");

		JsonNode listed = json(getWith(ktp, "/api/v1/placements").body());
		assertThat(listed).extracting(p -> p.get("id").asString()).containsExactly(adas);

		HttpResponse<String> elsewhere = postWith(ktp, "/api/v1/placements",
				placementJson("UCARL", "2026-11-02", "2027-04-30").replace("KTP 2026", "Other"));
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(json(elsewhere.body()).get("errors").get(0).get("field").asString()).isEqualTo("program");
		assertThat(json(elsewhere.body()).get("errors").get(0).get("message").asString())
			.isEqualTo("must be 'ktp 2026' (the programme this token is limited to)");
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(2);
		HttpResponse<String> own = postWith(ktp, "/api/v1/placements",
				placementJson("UCARL", "2026-11-02", "2027-04-30").replace("KTP 2026", "KTP 2026 "));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);

		String csv = "participant_name,participant_slack_id,participant_timezone,program,host_organisation,start_date,"
				+ "end_date,manager_name,manager_slack_id\n"
				+ "Di Holm,UDI,Europe/Stockholm,Other,KAIST,2026-12-01,2027-03-31,Maja Berg,UMAJA\n"
				+ "Ed Ek,UED,Europe/Stockholm,KTP 2026,Volvo,2026-12-01,2027-03-31,Maja Berg,UMAJA\n";
		JsonNode imported = json(send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ktp).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv)).build()).body());
		assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(1);
		assertThat(imported.get("rows").get(0).get("status").asString()).isEqualTo("refused");
		assertThat(imported.get("rows").get(0).get("errors").get(0).get("field").asString()).isEqualTo("program");
		assertThat(imported.get("rows").get(1).get("status").asString()).isEqualTo("created");
		assertThat(mongo.getCollection("placements").countDocuments(new Document("program", "Other"))).isEqualTo(1);
	}

	@Test
	void anotherProgrammesPlacementIsTheSame404AsOneThatDoesNotExist() {
		postJson("/api/v1/placements", placementJson("UBRUNO", "2026-11-02", "2027-04-30").replace("KTP 2026", "Other"));
		String brunos = json(get("/api/v1/placements").body()).get(0).get("id").asString();
		String ktp = create("{\"name\":\"ktp\",\"program\":\"KTP 2026\"}");

		HttpResponse<String> hidden = getWith(ktp, "/api/v1/placements/" + brunos);
		HttpResponse<String> unknown = getWith(ktp, "/api/v1/placements/no-such-id");

		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(json(hidden.body()).get("detail").asString()).isEqualTo("No placement with id " + brunos);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown.body()).get("detail").asString()).isEqualTo("No placement with id no-such-id");
		assertThat(getWith(ktp, "/api/v1/programs/Other").statusCode()).isEqualTo(404);
		assertThat(json(getWith(ktp, "/api/v1/programs/Other").body()).get("detail").asString())
			.isEqualTo("No programme called Other");
	}

	@Test
	void aRequestThatIsNoOperationIs404AndReachesNoController() {
		HttpResponse<String> unknown = get("/api/v1/nothing-here");
		HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/api/v1/placements"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
		HttpResponse<String> trailingSlash = get("/api/v1/placements/");
		// Spring would answer HEAD and OPTIONS from the GET handler: they are no operation, so they never get there
		HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/api/v1/placements"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
		HttpResponse<String> options = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET().build());

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(unknown.body()).get("detail").asString())
			.isEqualTo("There is no GET /api/v1/nothing-here in the admin API (see docs/admins.md → Admin API).");
		assertThat(wrongMethod.statusCode()).isEqualTo(404);
		assertThat(json(wrongMethod.body()).get("detail").asString()).startsWith("There is no PATCH /api/v1/placements");
		assertThat(trailingSlash.statusCode()).isEqualTo(404);
		assertThat(head.statusCode()).isEqualTo(404);
		assertThat(options.statusCode()).isEqualTo(404);
		assertThat(options.headers().firstValue("Allow")).isEmpty();
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
		// who has no token learns nothing about what exists
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	// -------------------------------------------------------------------------------------------------- helpers

	private String create(String body) {
		HttpResponse<String> response = postJson(TOKENS, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("token").asString();
	}

	private HttpResponse<String> getWith(String token, String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
	}

	private HttpResponse<String> postWith(String token, String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}
}
