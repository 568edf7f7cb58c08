package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Without FIELDNOTES_ADMIN_TOKEN the admin API is on exactly while at least one stored token is active: that token
 * opens it, anything else is refused as "not valid", and revoking the last token switches the API off again.
 * (Same properties as {@link AdminApiDisabledTests}, so both share one application context.)
 */
@TestPropertySource(properties = "fieldnotes.admin.token=")
class StoredTokensWithoutBootstrapTests extends IntegrationTest {

	@Autowired
	ApiTokens tokens;

	@Test
	void aStoredTokenOpensTheApiWithoutABootstrapToken() {
		String token = tokens.create("ops", "UADMIN1").token();

		assertThat(getWith(token, "/api/v1/placements").statusCode()).isEqualTo(200);
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci\"}"))
			.build());
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(mongo.getCollection("api_tokens").find(new org.bson.Document("name", "ci")).first()
			.getString("createdBy")).isEqualTo("ops");

		// the API is on, so a wrong or bootstrap-looking token is plainly not valid (not "disabled")
		for (String wrong : new String[] { ADMIN_TOKEN, "fn_wrong", "x" }) {
			HttpResponse<String> refused = getWith(wrong, "/api/v1/placements");
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(json(refused.body()).get("detail").asString()).as(wrong).contains("not valid");
		}
	}

	@Test
	void revokingTheLastStoredTokenDisablesTheApiAgain() {
		String ops = tokens.create("ops", "UADMIN1").token();
		String ci = tokens.create("ci", "UADMIN1").token();
		tokens.revoke("ci");

		HttpResponse<String> revoked = getWith(ci, "/api/v1/placements");
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(json(revoked.body()).get("detail").asString()).contains("revoked");

		tokens.revoke("ops");

		for (String token : new String[] { ops, ci, ADMIN_TOKEN }) {
			HttpResponse<String> response = getWith(token, "/api/v1/placements");
			assertThat(response.statusCode()).isEqualTo(401);
			JsonNode problem = json(response.body());
			assertThat(problem.get("detail").asString()).as(token).contains("disabled");
		}
	}

	private HttpResponse<String> getWith(String token, String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
	}
}
