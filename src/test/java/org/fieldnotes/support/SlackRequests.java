package org.fieldnotes.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Slack requests exactly as Slack sends them: Events API JSON and slash-command forms, signed with
 * HMAC-SHA256 over {@code v0:<timestamp>:<body>}. Written independently of the app's verifier on purpose.
 */
public final class SlackRequests {

	public static final String SIGNING_SECRET = "test-signing-secret";
	/** Where a slash command's {@code response_url} points: the Slack stand-in (an answer after the ack goes there). */
	public static final String COMMAND_RESPONSE_PATH = "/api/response/commands/T1/1/x";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SlackRequests() {
	}

	public static String signature(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A {@code message.im} event from a person, as an Events API envelope. */
	public static String directMessage(String eventId, String userId, String channel, String ts, String text,
			String threadTs) {
		ObjectNode event = JSON.createObjectNode()
			.put("type", "message")
			.put("channel", channel)
			.put("user", userId)
			.put("text", text)
			.put("ts", ts)
			.put("event_ts", ts)
			.put("channel_type", "im");
		if (threadTs != null) {
			event.put("thread_ts", threadTs);
		}
		return envelope(eventId, event);
	}

	/** A {@code message_changed} event: the person edited a message. */
	public static String messageChanged(String eventId, String userId, String channel, String ts, String newText) {
		ObjectNode message = JSON.createObjectNode().put("type", "message").put("user", userId).put("text", newText)
			.put("ts", ts);
		ObjectNode event = JSON.createObjectNode()
			.put("type", "message")
			.put("subtype", "message_changed")
			.put("channel", channel)
			.put("channel_type", "im")
			.put("ts", ts + "1")
			.put("event_ts", ts + "1");
		event.set("message", message);
		return envelope(eventId, event);
	}

	/** A {@code message_deleted} event. */
	public static String messageDeleted(String eventId, String channel, String deletedTs) {
		ObjectNode event = JSON.createObjectNode()
			.put("type", "message")
			.put("subtype", "message_deleted")
			.put("channel", channel)
			.put("channel_type", "im")
			.put("deleted_ts", deletedTs)
			.put("ts", deletedTs + "9")
			.put("event_ts", deletedTs + "9");
		return envelope(eventId, event);
	}

	/** A message posted by a bot (this one or another). */
	public static String botMessage(String eventId, String channel, String ts, String text) {
		ObjectNode event = JSON.createObjectNode()
			.put("type", "message")
			.put("subtype", "bot_message")
			.put("bot_id", "BOTHER")
			.put("channel", channel)
			.put("channel_type", "im")
			.put("text", text)
			.put("ts", ts)
			.put("event_ts", ts);
		return envelope(eventId, event);
	}

	public static String envelope(String eventId, ObjectNode event) {
		ObjectNode envelope = JSON.createObjectNode()
			.put("token", "legacy-verification-token")
			.put("team_id", "T1")
			.put("api_app_id", "A1")
			.put("type", "event_callback")
			.put("event_id", eventId)
			.put("event_time", 1700000000);
		envelope.set("event", event);
		return JSON.writeValueAsString(envelope);
	}

	/** A {@code /fieldnotes} slash command, form-encoded with {@code %20} for spaces as Slack does. */
	public static String slashCommand(String userId, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "legacy-verification-token");
		form.put("team_id", "T1");
		form.put("team_domain", "test");
		form.put("channel_id", "D" + userId);
		form.put("channel_name", "directmessage");
		form.put("user_id", userId);
		form.put("user_name", "someone");
		form.put("command", "/fieldnotes");
		form.put("text", text);
		form.put("api_app_id", "A1");
		form.put("response_url", SlackStub.apiUrl() + COMMAND_RESPONSE_PATH.substring("/api/".length()));
		form.put("trigger_id", "1.2.3");
		return form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
