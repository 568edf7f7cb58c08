package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * Named admin API tokens over HTTP: created once with the secret in the answer only, usable at once, listed
 * without secrets, stored as a SHA-256 hash, revoked with immediate effect; names are checked field by field;
 * lastUsedAt moves at most once a minute; the audit and the log hold names and prefixes, never a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokensTests extends IntegrationTest {

	private static final String TOKENS = "/api/v1/tokens";

	// ------------------------------------------------------------------------------------------------ life cycle

	@Test
	void createUseListRevokeAndTheRevokedTokenIs401AtOnce() {
		HttpResponse<String> created = postJson(TOKENS, "{\"name\":\"evaluation-export\"}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
		JsonNode body = json(created.body());
		String token = body.get("token").asString();
		assertThat(token).matches("fn_[A-Za-z0-9_-]{43}");
		assertThat(body.get("name").asString()).isEqualTo("evaluation-export");
		assertThat(body.get("prefix").asString()).isEqualTo(token.substring(0, 8));
		assertThat(body.get("createdAt").asString()).isEqualTo(DEFAULT_NOW.toString());

		// the new token opens the API, including token management
		assertThat(getWith(token, "/api/v1/placements").statusCode()).isEqualTo(200);
		HttpResponse<String> list = getWith(token, TOKENS);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(token).doesNotContain(ApiTokens.hash(token));
		JsonNode listed = json(list.body());
		assertThat(listed).hasSize(1);
		JsonNode item = listed.get(0);
		assertThat(item.propertyNames()).containsExactlyInAnyOrder("name", "prefix", "createdAt", "createdBy",
				"lastUsedAt", "revokedAt", "scope", "program");
		assertThat(item.get("scope").asString()).isEqualTo("admin");
		assertThat(item.get("program").isNull()).isTrue();
		assertThat(item.get("name").asString()).isEqualTo("evaluation-export");
		assertThat(item.get("prefix").asString()).isEqualTo(token.substring(0, 8));
		assertThat(item.get("createdBy").asString()).isEqualTo("bootstrap");
		assertThat(item.get("lastUsedAt").asString()).isEqualTo(DEFAULT_NOW.toString());
		assertThat(item.get("revokedAt").isNull()).isTrue();

		clock.advance(Duration.ofMinutes(5));
		HttpResponse<String> revoked = delete(ADMIN_TOKEN, TOKENS + "/evaluation-export");

		assertThat(revoked.statusCode()).isEqualTo(204);
		HttpResponse<String> refused = getWith(token, "/api/v1/placements");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(refused.body()).get("detail").asString()).contains("revoked");
		assertThat(getWith(token, TOKENS).statusCode()).isEqualTo(401);
		JsonNode after = json(get(TOKENS).body()).get(0);
		assertThat(after.get("revokedAt").asString()).isEqualTo(DEFAULT_NOW.plus(Duration.ofMinutes(5)).toString());
		// the bootstrap token still works
		assertThat(get("/api/v1/placements").statusCode()).isEqualTo(200);
	}

	@Test
	void aStoredTokenMayManageTokensAndIsNamedAsTheirCreator() {
		String first = create("ci");

		HttpResponse<String> second = postWith(first, TOKENS, "{\"name\":\"reporting\"}");

		assertThat(second.statusCode()).isEqualTo(201);
		List<Document> stored = storedTokens();
		assertThat(stored).extracting(d -> d.getString("name") + " by " + d.getString("createdBy"))
			.containsExactly("ci by bootstrap", "reporting by ci");
		// and may revoke one, itself included
		assertThat(delete(first, TOKENS + "/reporting").statusCode()).isEqualTo(204);
		assertThat(delete(first, TOKENS + "/ci").statusCode()).isEqualTo(204);
		assertThat(getWith(first, TOKENS).statusCode()).isEqualTo(401);
	}

	@Test
	void onlyTheHashIsStored() {
		HttpResponse<String> created = postJson(TOKENS, "{\"name\":\"evaluation-export\"}");
		String token = json(created.body()).get("token").asString();

		List<Document> stored = storedTokens();

		assertThat(stored).hasSize(1);
		Document raw = stored.get(0);
		assertThat(raw.toJson()).doesNotContain(token).doesNotContain(token.substring(8));
		assertThat(raw.getString("hash")).isEqualTo(ApiTokens.hash(token)).matches("[0-9a-f]{64}");
		assertThat(raw.getString("prefix")).isEqualTo(token.substring(0, 8));
		assertThat(raw.getString("name")).isEqualTo("evaluation-export");
		assertThat(raw.getString("createdBy")).isEqualTo("bootstrap");
		assertThat(raw.get("createdAt", Date.class).toInstant()).isEqualTo(DEFAULT_NOW);
		// and the hash alone does not open the API
		assertThat(getWith(raw.getString("hash"), "/api/v1/placements").statusCode()).isEqualTo(401);
	}

	@Test
	void tokensAreDifferentEachTime() {
		String a = create("a");
		String b = create("b");

		assertThat(a).isNotEqualTo(b);
		assertThat(storedTokens()).extracting(d -> d.getString("hash")).doesNotHaveDuplicates();
	}

	// ----------------------------------------------------------------------------------------------------- names

	@Test
	void aDuplicateActiveNameIs409AndNothingIsStored() {
		create("evaluation-export");

		HttpResponse<String> response = postJson(TOKENS, "{\"name\":\"evaluation-export\"}");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(409);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(problem.has("token")).isFalse();
		assertThat(storedTokens()).hasSize(1);
	}

	@Test
	void aRevokedNameMayBeUsedAgainAndTheOldTokenStaysRevoked() {
		String old = create("evaluation-export");
		assertThat(delete(ADMIN_TOKEN, TOKENS + "/evaluation-export").statusCode()).isEqualTo(204);

		String renewed = create("evaluation-export");

		assertThat(getWith(renewed, "/api/v1/placements").statusCode()).isEqualTo(200);
		assertThat(getWith(old, "/api/v1/placements").statusCode()).isEqualTo(401);
		assertThat(json(get(TOKENS).body())).hasSize(2);
		// a second name clash is still a clash: the index allows one active token per name
		assertThat(postJson(TOKENS, "{\"name\":\"evaluation-export\"}").statusCode()).isEqualTo(409);
	}

	@Test
	void theStoreItselfRefusesASecondActiveTokenOfTheSameName() {
		create("ci");
		Document clash = new Document("_id", "other").append("name", "ci").append("activeName", "ci")
			.append("hash", "0".repeat(64)).append("prefix", "fn_00000");

		assertThatThrownBy(() -> mongo.getCollection("api_tokens").insertOne(clash))
			.as("a request racing past the name check still cannot store a second active 'ci'")
			.isInstanceOf(com.mongodb.MongoWriteException.class);
		// while revoked tokens (no activeName) may share a name
		assertThat(delete(ADMIN_TOKEN, TOKENS + "/ci").statusCode()).isEqualTo(204);
		mongo.getCollection("api_tokens").insertOne(new Document("_id", "older").append("name", "ci")
			.append("hash", "1".repeat(64)).append("prefix", "fn_11111"));
		assertThat(storedTokens()).hasSize(2);
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(Arguments.of("{}", "name"), Arguments.of("{\"name\":\"\"}", "name"),
				Arguments.of("{\"name\":null}", "name"), Arguments.of("{\"name\":\"with space\"}", "name"),
				Arguments.of("{\"name\":\"slash/name\"}", "name"), Arguments.of("{\"name\":\"åäö\"}", "name"),
				Arguments.of("{\"name\":\"" + "x".repeat(65) + "\"}", "name"),
				Arguments.of("{\"name\":42}", "name"), Arguments.of("{\"name\":{\"a\":1}}", "name"),
				Arguments.of("{\"name\":", "body"), Arguments.of("[]", "body"), Arguments.of("", "body"),
				Arguments.of("{\"name\":\"ok\",\"scope\":\"owner\"}", "scope"),
				Arguments.of("{\"name\":\"ok\",\"scope\":\"\"}", "scope"),
				Arguments.of("{\"name\":\"ok\",\"scope\":1}", "scope"),
				Arguments.of("{\"name\":\"ok\",\"program\":\"\"}", "program"),
				Arguments.of("{\"name\":\"ok\",\"program\":\"   \"}", "program"),
				Arguments.of("{\"name\":\"ok\",\"program\":[\"KTP\"]}", "program"),
				Arguments.of("{\"name\":\"ok\",\"program\":\"" + "p".repeat(201) + "\"}", "program"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("invalidBodies")
	void anInvalidNameIs400NamingTheField(String body, String field) {
		HttpResponse<String> response = postJson(TOKENS, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response.body());
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(storedTokens()).isEmpty();
	}

	@Test
	void theLongestAndOddestValidNamesAreAccepted() {
		assertThat(postJson(TOKENS, "{\"name\":\"" + "x".repeat(64) + "\"}").statusCode()).isEqualTo(201);
		assertThat(postJson(TOKENS, "{\"name\":\"a.B_9-z\"}").statusCode()).isEqualTo(201);
		assertThat(postJson(TOKENS, "{\"name\":\"q\"}").statusCode()).isEqualTo(201);
	}

	// ---------------------------------------------------------------------------------------------- revocation

	@Test
	void revokingIsIdempotentAndAnUnknownNameIs404() {
		create("ci");

		assertThat(delete(ADMIN_TOKEN, TOKENS + "/ci").statusCode()).isEqualTo(204);
		Object revokedAt = storedTokens().get(0).get("revokedAt");
		clock.advance(Duration.ofHours(1));
		assertThat(delete(ADMIN_TOKEN, TOKENS + "/ci").statusCode()).isEqualTo(204);
		assertThat(storedTokens().get(0).get("revokedAt")).as("the first revocation time stays").isEqualTo(revokedAt);

		HttpResponse<String> unknown = delete(ADMIN_TOKEN, TOKENS + "/nobody");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(unknown.body()).get("detail").asString()).contains("nobody");
	}

	@Test
	void tokenEndpointsNeedAValidCredential() {
		String token = create("ci");
		for (String authorization : new String[] { null, "Bearer wrong", "Bearer " + token + "x", "Bearer fn_",
				token }) {
			for (HttpRequest.Builder request : List.of(HttpRequest.newBuilder(uri(TOKENS)).GET(),
					HttpRequest.newBuilder(uri(TOKENS))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"sneaky\"}")),
					HttpRequest.newBuilder(uri(TOKENS + "/ci")).DELETE())) {
				if (authorization != null) {
					request.header("Authorization", authorization);
				}
				HttpResponse<String> response = send(request.build());
				assertThat(response.statusCode()).as(authorization).isEqualTo(401);
			}
		}
		assertThat(storedTokens()).hasSize(1);
		assertThat(storedTokens().get(0).get("revokedAt")).isNull();
	}

	// ------------------------------------------------------------------------------------------------ lastUsedAt

	@Test
	void lastUsedAtMovesAtMostOnceAMinute() {
		String token = create("ci");
		assertThat(storedTokens().get(0).get("lastUsedAt")).as("not used yet").isNull();

		getWith(token, "/api/v1/placements");
		assertThat(lastUsedAt()).isEqualTo(DEFAULT_NOW);

		clock.advance(Duration.ofSeconds(59));
		getWith(token, "/api/v1/placements");
		getWith(token, "/api/v1/placements");
		assertThat(lastUsedAt()).as("less than a minute later: no write").isEqualTo(DEFAULT_NOW);

		clock.advance(Duration.ofSeconds(1));
		getWith(token, "/api/v1/placements");
		assertThat(lastUsedAt()).isEqualTo(DEFAULT_NOW.plusSeconds(60));

		clock.advance(Duration.ofMinutes(30));
		assertThat(lastUsedAt()).as("time alone changes nothing").isEqualTo(DEFAULT_NOW.plusSeconds(60));
		getWith(token, "/api/v1/placements");
		assertThat(lastUsedAt()).isEqualTo(DEFAULT_NOW.plusSeconds(60 + 1800));
	}

	@Test
	void aRefusedRequestDoesNotCountAsUse() {
		String token = create("ci");
		delete(ADMIN_TOKEN, TOKENS + "/ci");

		getWith(token, "/api/v1/placements");

		assertThat(storedTokens().get(0).get("lastUsedAt")).isNull();
	}

	// ------------------------------------------------------------------------------------------ audit and logs

	@Test
	void tokenActionsAreAuditedWithNameAndPrefixButNeverTheToken(CapturedOutput output) {
		assertThat(postJson(TOKENS, "{\"name\":\"bad name\"}").statusCode()).isEqualTo(400);
		HttpResponse<String> created = postJson(TOKENS, "{\"name\":\"evaluation-export\"}");
		String token = json(created.body()).get("token").asString();
		String prefix = token.substring(0, 8);
		assertThat(postJson(TOKENS, "{\"name\":\"evaluation-export\"}").statusCode()).isEqualTo(409);
		String second = json(postWith(token, TOKENS, "{\"name\":\"second\"}").body()).get("token").asString();
		assertThat(getWith(second, TOKENS).statusCode()).isEqualTo(200);
		assertThat(delete(second, TOKENS + "/evaluation-export").statusCode()).isEqualTo(204);
		assertThat(getWith(token, TOKENS).statusCode()).isEqualTo(401);
		assertThat(delete(ADMIN_TOKEN, TOKENS + "/nobody").statusCode()).isEqualTo(404);

		List<Document> audit = mongo.getCollection("audit").find().sort(new Document("_id", 1)).into(new ArrayList<>());

		assertThat(audit).extracting(d -> d.getString("action") + " " + d.getString("outcome"))
			.containsExactly("token-create refused", "token-create done", "token-create refused",
					"token-create done", "token-revoke done", "token-revoke refused");
		assertThat(audit).allSatisfy(d -> assertThat(d.getString("actor")).isEqualTo("api"));
		assertThat(audit.get(0).getString("detail")).isEqualTo("fields: name; by bootstrap");
		assertThat(audit.get(1).getString("detail")).isEqualTo("token evaluation-export (" + prefix + "); by bootstrap");
		assertThat(audit.get(2).getString("detail")).isEqualTo("duplicate name evaluation-export; by bootstrap");
		assertThat(audit.get(3).getString("detail")).contains("token second (").endsWith("; by evaluation-export");
		assertThat(audit.get(4).getString("detail")).isEqualTo("token evaluation-export (" + prefix + "); by second");
		for (Document record : audit) {
			assertThat(record.toJson()).doesNotContain(token.substring(8))
				.doesNotContain(second.substring(8))
				.doesNotContain(ApiTokens.hash(token))
				.doesNotContain(ADMIN_TOKEN);
		}
		// the log names the token, and never holds it (nor its hash, nor the bootstrap token)
		assertThat(output.getAll()).contains("API token evaluation-export (" + prefix + ") created by bootstrap")
			.contains("API token evaluation-export (" + prefix + ") revoked")
			.doesNotContain(token.substring(8))
			.doesNotContain(second.substring(8))
			.doesNotContain(ApiTokens.hash(token))
			.doesNotContain(ADMIN_TOKEN);
	}

	// -------------------------------------------------------------------------------------------------- helpers

	private String create(String name) {
		HttpResponse<String> response = postJson(TOKENS, "{\"name\":\"" + name + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("token").asString();
	}

	private Instant lastUsedAt() {
		return storedTokens().get(0).get("lastUsedAt", Date.class).toInstant();
	}

	private List<Document> storedTokens() {
		return mongo.getCollection("api_tokens").find().sort(new Document("createdAt", 1).append("_id", 1))
			.into(new ArrayList<>());
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

	private HttpResponse<String> delete(String token, String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).DELETE().build());
	}
}
