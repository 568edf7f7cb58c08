package org.fieldnotes.teams;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.fieldnotes.chat.DeliveryFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Bot Connector REST API, as the official SDKs call it: create a 1:1 conversation ({@code POST /v3/conversations}),
 * send an activity to a conversation ({@code POST …/activities}), update or delete one ({@code PUT|DELETE
 * …/activities/{id}}). Every call goes to an allow-listed service URL only ({@link ServiceUrls}; any other is refused,
 * logged and never called, so the bot's token never leaves for it), with the bot's token ({@link TeamsTokens}; none
 * in development mode). A 401 gets one more try with a fresh token.
 *
 * <p>What a refusal means for another try ({@link DeliveryFailed.Kind}): 429 is a rate limit (its {@code Retry-After},
 * seconds or a date; 1 s when absent); 412, 502, 503 and 504 (teams.py retries 412, 429, 502, 504) and any other 5xx
 * are transient, and after a 500, 502 or 504 the activity may have been posted all the same; 403 with the sub-code
 * {@code MessageWritesBlocked} means the person blocked or uninstalled the app: the recipient is gone; any other
 * answer is permanent, named {@code http_<status>} (or the connector's error code, e.g. {@code ConversationNotFound}).
 */
class BotConnector {

	private static final Logger log = LoggerFactory.getLogger(BotConnector.class);
	static final String NOT_ALLOWED = "service_url_not_allowed";
	static final String MESSAGE_WRITES_BLOCKED = "MessageWritesBlocked";
	private static final Set<Integer> OUTCOME_UNKNOWN = Set.of(500, 502, 504);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServiceUrls allowed;
	private final TeamsTokens tokens;
	private final HttpClient http;
	private final Clock clock;

	/** @param tokens {@literal null} in development mode: requests go without a token */
	BotConnector(ServiceUrls allowed, TeamsTokens tokens, HttpClient http, Clock clock) {
		this.allowed = allowed;
		this.tokens = tokens;
		this.http = http;
		this.clock = clock;
	}

	/**
	 * Creates (or finds) the bot's 1:1 conversation with a user.
	 * @return the conversation's id
	 */
	String createConversation(String serviceUrl, String tenantId, String botId, String userId) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("bot").put("id", botId);
		body.putArray("members").addObject().put("id", userId);
		body.put("isGroup", false);
		body.put("tenantId", tenantId);
		body.putObject("channelData").putObject("tenant").put("id", tenantId);
		return call("POST", serviceUrl, "v3/conversations", body).path("id").asString("");
	}

	/**
	 * Sends an activity to a conversation.
	 * @return the activity's id
	 */
	String send(String serviceUrl, String conversationId, ObjectNode activity) {
		return call("POST", serviceUrl, "v3/conversations/" + segment(conversationId) + "/activities", activity)
			.path("id").asString("");
	}

	/** Replaces an activity the bot sent. */
	void update(String serviceUrl, String conversationId, String activityId, ObjectNode activity) {
		call("PUT", serviceUrl,
				"v3/conversations/" + segment(conversationId) + "/activities/" + segment(activityId), activity);
	}

	/** Deletes an activity the bot sent. */
	void delete(String serviceUrl, String conversationId, String activityId) {
		call("DELETE", serviceUrl,
				"v3/conversations/" + segment(conversationId) + "/activities/" + segment(activityId), null);
	}

	private JsonNode call(String method, String serviceUrl, String path, ObjectNode body) {
		if (!allowed.allowed(serviceUrl)) {
			log.warn("Refused to call the Teams service URL at {}: not in TEAMS_SERVICE_HOSTS", ServiceUrls.hostOf(serviceUrl));
			throw new DeliveryFailed(NOT_ALLOWED, DeliveryFailed.Kind.PERMANENT, null);
		}
		URI uri = URI.create((serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/") + path);
		String token = tokens == null ? null : tokens.token();
		HttpResponse<String> response = exchange(method, uri, body, token);
		if (response.statusCode() == 401 && tokens != null) {
			tokens.refused(token);
			response = exchange(method, uri, body, tokens.token());
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return read(response.body());
		}
		throw failure(status, response.headers().firstValue("Retry-After").orElse(null), response.body());
	}

	private HttpResponse<String> exchange(String method, URI uri, ObjectNode body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpConnectTimeoutException | ConnectException e) {
			throw new DeliveryFailed("unreachable", DeliveryFailed.Kind.TRANSIENT, e);
		}
		catch (IOException e) {
			// sent, and no answer: the connector may have acted on it
			throw DeliveryFailed.outcomeUnknown("no_answer", DeliveryFailed.Kind.TRANSIENT, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("interrupted", DeliveryFailed.Kind.TRANSIENT, e);
		}
	}

	/** What a refusal means for another try (see the class comment). */
	DeliveryFailed failure(int status, String retryAfter, String body) {
		if (status == 429) {
			return new DeliveryFailed("ratelimited", DeliveryFailed.Kind.RATE_LIMITED, retryAfter(retryAfter), null);
		}
		if (status == 412 || status >= 500) {
			String reason = "http_" + status;
			return OUTCOME_UNKNOWN.contains(status)
					? DeliveryFailed.outcomeUnknown(reason, DeliveryFailed.Kind.TRANSIENT, null)
					: new DeliveryFailed(reason, DeliveryFailed.Kind.TRANSIENT, null);
		}
		JsonNode error = read(body);
		if (status == 403 && mentions(error, MESSAGE_WRITES_BLOCKED)) {
			return new DeliveryFailed("message_writes_blocked", DeliveryFailed.Kind.RECIPIENT_GONE, null);
		}
		String code = error.path("error").path("code").asString("");
		return new DeliveryFailed(code.matches("[A-Za-z]{1,60}") ? code : "http_" + status,
				DeliveryFailed.Kind.PERMANENT, null);
	}

	/** Whether a {@code code} or {@code subCode} anywhere in the error says so (its place has moved over the years). */
	private static boolean mentions(JsonNode node, String code) {
		if (node.isObject()) {
			for (String field : new String[] { "code", "subCode" }) {
				JsonNode value = node.get(field);
				if (value != null && value.isString() && code.equals(value.asString())) {
					return true;
				}
			}
		}
		for (JsonNode child : node) {
			if (mentions(child, code)) {
				return true;
			}
		}
		return false;
	}

	private Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return Duration.ofSeconds(1);
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
		}
		catch (NumberFormatException e) {
			try {
				Duration wait = Duration.between(clock.instant(),
						ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return Duration.ofSeconds(1);
			}
		}
	}

	private static JsonNode read(String body) {
		if (body == null || body.isBlank()) {
			return JSON.createObjectNode();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException e) {
			return JSON.createObjectNode();
		}
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
