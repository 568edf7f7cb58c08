package org.fieldnotes.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock standing in for everything Teams-side: the Bot Framework's OpenID metadata and signing keys, the Entra
 * token endpoint and the Bot Connector, on one server shared by the JVM. Tokens are minted here with test keys, as the
 * Bot Framework would sign them.
 */
final class TeamsStub {

	static final String APP_ID = "6f1b6f7e-0d8a-4b8e-9a51-3c2f4e5d6a7b";
	static final String APP_PASSWORD = "test-app-password";
	static final String TENANT = "b4c8e1a2-3d5f-4a6b-8c9d-0e1f2a3b4c5d";
	static final String ISSUER = "https://api.botframework.com";
	static final String KID = "bf-key-1";
	static final String METADATA_PATH = "/bf/v1/.well-known/openidconfiguration";
	static final String KEYS_PATH = "/bf/v1/.well-known/keys";
	static final String TOKEN_PATH = "/login/" + TENANT + "/oauth2/v2.0/token";
	static final RSAKey KEY = generate(KID);
	/** Another key pair with the same key id: what a forger has. */
	static final RSAKey FORGER = generate(KID);
	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final WireMockServer SERVER = start();

	private TeamsStub() {
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		return server;
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	static WireMockServer server() {
		return SERVER;
	}

	static String base() {
		return "http://localhost:" + SERVER.port();
	}

	static String metadataUrl() {
		return base() + METADATA_PATH;
	}

	static String loginUrl() {
		return base() + "/login";
	}

	/** The service URL activities name and the connector is reached at (allow-listed as this origin). */
	static String serviceUrl() {
		return base() + "/connector/";
	}

	/** Restores the default answers (keys: {@link #KEY}; a token; the connector takes everything) and forgets requests. */
	static void reset() {
		SERVER.resetAll();
		SERVER.stubFor(get(urlEqualTo(METADATA_PATH)).willReturn(okJson("{\"issuer\":\"" + ISSUER
				+ "\",\"jwks_uri\":\"" + base() + KEYS_PATH + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
		keys(KEY);
		token("bot-token-1", 3600);
		SERVER.stubFor(post(urlPathMatching("/connector/v3/conversations/[^/]+/activities"))
			.willReturn(okJson("{\"id\":\"1700000000001\"}").withStatus(201)));
		SERVER.stubFor(put(urlPathMatching("/connector/v3/conversations/[^/]+/activities/[^/]+"))
			.willReturn(okJson("{\"id\":\"1700000000001\"}")));
	}

	/** The signing keys the Bot Framework publishes, each endorsed for {@code msteams}. */
	static void keys(RSAKey... keys) {
		StringBuilder json = new StringBuilder("{\"keys\":[");
		for (int i = 0; i < keys.length; i++) {
			Map<String, Object> key = new java.util.LinkedHashMap<>(keys[i].toPublicJWK().toJSONObject());
			key.put("endorsements", List.of("msteams", "webchat"));
			json.append(i == 0 ? "" : ",").append(JSONObjectUtils.toJSONString(key));
		}
		SERVER.stubFor(get(urlEqualTo(KEYS_PATH)).willReturn(okJson(json.append("]}").toString())));
	}

	static void token(String value, long expiresIn) {
		SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":"
				+ expiresIn + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"" + value + "\"}")));
	}

	static List<LoggedRequest> requests(String pathRegex) {
		return SERVER.getAllServeEvents().stream()
			.map(e -> e.getRequest())
			.filter(r -> r.getUrl().matches(pathRegex))
			.toList();
	}

	static int keyFetches() {
		return requests(KEYS_PATH).size();
	}

	/** The activities posted to the connector, oldest first. */
	static List<JsonNode> activitiesSent() {
		List<JsonNode> sent = new java.util.ArrayList<>(requests("/connector/v3/conversations/[^/]+/activities").stream()
			.map(r -> JSON.readTree(r.getBodyAsString()))
			.toList());
		java.util.Collections.reverse(sent);
		return sent;
	}

	/** The claims of a good token for an activity naming {@link #serviceUrl()}, issued at {@code now}. */
	static JWTClaimsSet.Builder claims(Instant now) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(APP_ID)
			.issueTime(Date.from(now.minusSeconds(60)))
			.notBeforeTime(Date.from(now.minusSeconds(60)))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.claim("serviceurl", serviceUrl());
	}

	/** A token signed with RS256 by {@code key}, under its key id, with the claims after {@code change}. */
	static String token(Instant now, RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
		JWTClaimsSet.Builder claims = claims(now);
		change.accept(claims);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

	static String goodToken(Instant now) {
		return token(now, KEY, c -> {
		});
	}

	/** An {@code installationUpdate} (add) from a user in a personal chat, naming {@link #serviceUrl()}. */
	static String install(String userId, String aadObjectId) {
		return install(userId, aadObjectId, serviceUrl());
	}

	static String install(String userId, String aadObjectId, String serviceUrl) {
		return """
				{"type":"installationUpdate","action":"add","id":"f:1","timestamp":"2026-12-02T10:00:00.000Z",
				 "serviceUrl":"%s","channelId":"msteams",
				 "from":{"id":"%s","aadObjectId":"%s","name":"Ada Lindqvist"},
				 "conversation":{"id":"a:conv-%s","tenantId":"%s","conversationType":"personal"},
				 "recipient":{"id":"28:%s","name":"Fieldnotes"},
				 "channelData":{"tenant":{"id":"%s"}}}
				""".formatted(serviceUrl, userId, aadObjectId, aadObjectId, TENANT, APP_ID, TENANT);
	}

	/** A person's activity in their personal chat with the bot ({@code from} and conversation as an install's). */
	static String activity(String type, String userId, String aadObjectId, String fields) {
		return """
				{"type":"%s","timestamp":"2026-12-02T10:00:00.000Z",
				 "serviceUrl":"%s","channelId":"msteams","locale":"en-GB",
				 "from":{"id":"%s","aadObjectId":"%s","name":"Someone"},
				 "conversation":{"id":"a:conv-%s","tenantId":"%s","conversationType":"personal"},
				 "recipient":{"id":"28:%s","name":"Fieldnotes"},
				 "channelData":{"tenant":{"id":"%s"}}%s}
				""".formatted(type, serviceUrl(), userId, aadObjectId, aadObjectId, TENANT, APP_ID, TENANT,
				fields.isEmpty() ? "" : "," + fields);
	}

	/** A message typed in the personal chat, as Teams sends it. */
	static String message(String userId, String aadObjectId, String activityId, String text, String replyToId) {
		return activity("message", userId, aadObjectId, "\"id\":" + quoted(activityId) + ",\"text\":" + quoted(text)
				+ (replyToId == null ? "" : ",\"replyToId\":" + quoted(replyToId)));
	}

	/** A message edited ({@code messageUpdate}, {@code editMessage}). */
	static String edited(String userId, String aadObjectId, String activityId, String text) {
		return activity("messageUpdate", userId, aadObjectId, "\"id\":" + quoted(activityId) + ",\"text\":"
				+ quoted(text) + ",\"channelData\":{\"eventType\":\"editMessage\",\"tenant\":{\"id\":\"" + TENANT
				+ "\"}}");
	}

	/** A message deleted ({@code messageDelete}, {@code softDeleteMessage}). */
	static String deleted(String userId, String aadObjectId, String activityId) {
		return activity("messageDelete", userId, aadObjectId, "\"id\":" + quoted(activityId)
				+ ",\"channelData\":{\"eventType\":\"softDeleteMessage\",\"tenant\":{\"id\":\"" + TENANT
				+ "\"}}");
	}

	/**
	 * A card's {@code Action.Execute} pressed: an {@code adaptiveCard/action} invoke whose data are the button's (and
	 * the card's inputs, merged in), on the card message {@code cardActivityId}.
	 */
	static String execute(String userId, String aadObjectId, String cardActivityId, Map<String, String> data) {
		String verb = data.get("actionId");
		return activity("invoke", userId, aadObjectId, "\"id\":\"inv-" + java.util.UUID.randomUUID()
				+ "\",\"name\":\"adaptiveCard/action\",\"replyToId\":" + quoted(cardActivityId)
				+ ",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":" + quoted(verb) + ",\"data\":"
				+ JSON.writeValueAsString(data) + "},\"trigger\":\"manual\"}");
	}

	static String quoted(String text) {
		return JSON.writeValueAsString(text);
	}
}
