package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.fieldnotes.admin.AdminSettings;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * With no admin token configured and no stored API token the API is switched off: every call is refused, whatever
 * token it brings (see {@link StoredTokensWithoutBootstrapTests} for a stored token switching it on).
 */
@TestPropertySource(properties = "fieldnotes.admin.token=")
class AdminApiDisabledTests extends IntegrationTest {

	private static final String ID = "00000000-0000-0000-0000-000000000000";

	@Autowired
	AdminSettings settings;

	@Test
	void theTokenReallyIsBlankInThisContext() {
		assertThat(settings.tokenSet()).isFalse();
	}

	@Test
	void everyCallIs401EvenWithATokenHeader() {
		List<String[]> endpoints = List.of(new String[] { "POST", "/api/v1/placements" },
				new String[] { "GET", "/api/v1/placements" }, new String[] { "GET", "/api/v1/placements/" + ID },
				new String[] { "GET", "/api/v1/placements/" + ID + "/entries" },
				new String[] { "POST", "/api/v1/placements/" + ID + "/send-prompt" },
				new String[] { "PATCH", "/api/v1/placements/" + ID },
				new String[] { "POST", "/api/v1/digests/send" }, new String[] { "GET", "/api/v1/tokens" },
				new String[] { "POST", "/api/v1/tokens" });
		// the test suite's usual token, an empty bearer token, a token that is only whitespace, none at all
		List<String> authorizations = java.util.Arrays.asList("Bearer " + ADMIN_TOKEN, "Bearer x", "Bearer ",
				"Bearer \t", null);
		for (String[] endpoint : endpoints) {
			for (String authorization : authorizations) {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint[1]));
				if (authorization != null) {
					request.header("Authorization", authorization);
				}
				if (endpoint[0].equals("POST")) {
					request.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(endpoint[1].equals("/api/v1/placements")
								? placementJson("UADA", "2026-11-02", "2027-04-30") : ""));
				}
				if (endpoint[0].equals("PATCH")) {
					request.header("Content-Type", "application/json")
						.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"hostOrganisation\": \"Volvo\"}"));
				}

				HttpResponse<String> response = send(request.build());

				String call = endpoint[0] + " " + endpoint[1] + " with " + authorization;
				assertThat(response.statusCode()).as(call).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type")).as(call)
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				JsonNode problem = json(response.body());
				assertThat(problem.get("status").asInt()).as(call).isEqualTo(401);
				assertThat(problem.get("detail").asString()).as(call).contains("disabled");
			}
		}
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		assertThat(mongo.getCollection("api_tokens").countDocuments()).isZero();
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void theRestOfTheAppStillRuns() {
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json(health.body()).get("status").asString()).isEqualTo("UP");
	}
}
