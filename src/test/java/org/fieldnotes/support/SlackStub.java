package org.fieldnotes.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock standing in for the Slack Web API, shared by every test in the JVM (so Spring's cached contexts keep
 * pointing at a live server). {@link #reset()} restores the default answers and forgets recorded requests.
 */
public final class SlackStub {

	private static final WireMockServer SERVER = start();
	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** Where {@code files.getUploadURLExternal} tells the app to upload a file's bytes. */
	public static final String UPLOAD_PATH = "/upload/v1/";

	private SlackStub() {
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true));
		server.start();
		return server;
	}

	public static WireMockServer server() {
		return SERVER;
	}

	/** The base URL to give the app as {@code SLACK_API_URL}. */
	public static String apiUrl() {
		return "http://localhost:" + SERVER.port() + "/api/";
	}

	public static void reset() {
		SERVER.resetAll();
		ok("auth.test", "\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\",\"team\":\"Test\",\"url\":\"https://test.slack.com/\"");
		// The DM channel of a member is D + their id; every message gets a fresh ts.
		ok("chat.postMessage", "{{formData request.body 'form' urlDecode=true}}\"channel\":\"D{{form.channel}}\","
				+ "\"ts\":\"{{now format='epoch'}}.{{randomValue length=6 type='NUMERIC'}}\"");
		ok("reactions.add", "");
		// Views (modals, App Home) and ephemeral messages
		ok("views.open", "\"view\":{\"id\":\"V1\"}");
		ok("views.update", "\"view\":{\"id\":\"V1\"}");
		ok("views.push", "\"view\":{\"id\":\"V2\"}");
		ok("views.publish", "\"view\":{\"id\":\"VHOME\"}");
		ok("chat.postEphemeral", "\"message_ts\":\"1700000000.000001\"");
		ok("chat.update", "\"channel\":\"D1\",\"ts\":\"1700000000.000002\"");
		ok("chat.getPermalink", "\"permalink\":\"https://test.slack.com/archives/D1/p1700000000000100\"");
		// users.info: a Stockholm member who uses Slack in English, unless a test stubs someone else
		ok("users.info", "\"user\":{\"id\":\"{{formData request.body 'form' urlDecode=true}}{{form.user}}\","
				+ "\"name\":\"someone\",\"real_name\":\"Some One\",\"deleted\":false,\"tz\":\"Europe/Stockholm\","
				+ "\"tz_offset\":3600,\"locale\":\"en-US\",\"profile\":{\"real_name\":\"Some One\",\"email\":\"someone@example.org\"}}");
		// files.uploadV2: an upload URL on this server, the bytes POSTed there, then the upload completed
		ok("files.getUploadURLExternal", "\"upload_url\":\"{{request.baseUrl}}" + UPLOAD_PATH + "F0CHART\","
				+ "\"file_id\":\"F0CHART\"");
		SERVER.stubFor(post(urlPathMatching(UPLOAD_PATH + ".*")).willReturn(aResponse().withStatus(200).withBody("OK")));
		ok("files.completeUploadExternal", "\"files\":[{\"id\":\"F0CHART\",\"title\":\"chart\"}]");
		// a slash command's response_url (answers after the ack)
		SERVER.stubFor(post(urlEqualTo(SlackRequests.COMMAND_RESPONSE_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
		// Bolt's self-event filter looks up bots that post without a user
		ok("bots.info", "\"bot\":{\"id\":\"BOTHER\",\"user_id\":\"UOTHERBOT\",\"name\":\"other\"}");
	}

	/** Makes a Web API method answer {@code {"ok":true, …}}. */
	public static void ok(String method, String fields) {
		SERVER.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true" + (fields.isEmpty() ? "" : "," + fields) + "}")));
	}

	/** Makes a Web API method answer {@code {"ok":false,"error":…}}. */
	public static void error(String method, String error) {
		SERVER.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error\":\"" + error + "\"}")));
	}

	/** Makes a Web API method answer HTTP 429 with {@code Retry-After}, as Slack does when an app is rate limited. */
	public static void rateLimited(String method, int retryAfterSeconds) {
		SERVER.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", String.valueOf(retryAfterSeconds))
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
	}

	/** Makes a Web API method answer a bare HTTP status, e.g. 500 or 503. */
	public static void status(String method, int status) {
		SERVER.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(status)));
	}

	/** The answers posted to slash commands' {@code response_url} after their ack, as JSON, in the order they came. */
	public static List<JsonNode> commandResponses() {
		return SERVER.findAll(postRequestedFor(urlEqualTo(SlackRequests.COMMAND_RESPONSE_PATH))).stream()
			.map(r -> JSON.readTree(r.getBodyAsString()))
			.toList();
	}

	/** The bodies of the file uploads (the second step of {@code files.uploadV2}), in the order they arrived. */
	public static List<byte[]> uploads() {
		return SERVER.findAll(postRequestedFor(urlPathMatching(UPLOAD_PATH + ".*"))).stream().map(LoggedRequest::getBody).toList();
	}

	/** Every call of a Web API method, its form fields decoded. */
	public static List<Map<String, String>> calls(String method) {
		return SERVER.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(SlackStub::form).toList();
	}

	/** The {@code chat.postMessage} calls addressed to a member (their DM). */
	public static List<Map<String, String>> messagesTo(String userId) {
		return calls("chat.postMessage").stream().filter(m -> userId.equals(m.get("channel"))).toList();
	}

	/**
	 * The texts of a message's blocks, decoded from JSON, one per line: what Slack would render as mrkdwn or plain
	 * text (escape sequences such as {@code &lt;} stay as Slack receives them).
	 */
	public static String blockTexts(Map<String, String> message) {
		List<String> texts = new ArrayList<>();
		collectTexts(JSON.readTree(message.getOrDefault("blocks", "[]")), texts);
		return String.join("\n", texts);
	}

	private static void collectTexts(JsonNode node, List<String> texts) {
		if (node.isObject() && node.has("text") && node.get("text").isString()) {
			texts.add(node.get("text").asString());
		}
		for (JsonNode child : node) {
			collectTexts(child, texts);
		}
	}

	static Map<String, String> form(LoggedRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		String body = request.getBodyAsString();
		if (body.isEmpty()) {
			return fields;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			fields.put(key, value);
		}
		return fields;
	}
}
