package org.fieldnotes.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interactivity payloads as Slack sends them: a form body {@code payload=<urlencoded JSON>} (spaces as {@code %20}),
 * for button presses, modal submissions and message shortcuts; and the {@code app_home_opened} event.
 */
public final class SlackInteractions {

	public static final String FORM = "application/x-www-form-urlencoded";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SlackInteractions() {
	}

	/** A button press ({@code block_actions}) on a message in {@code channel} at {@code messageTs}. */
	public static String buttonPress(String userId, String actionId, String value, String channel, String messageTs) {
		ObjectNode payload = base("block_actions", userId);
		payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
		payload.put("response_url", SlackStub.apiUrl() + "response/T1/1/x");
		payload.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel)
			.put("is_ephemeral", false);
		payload.putObject("channel").put("id", channel).put("name", "directmessage");
		payload.putObject("message").put("type", "message").put("ts", messageTs).put("text", "prompt").put("bot_id", "BBOT");
		payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1").put("value", value)
			.put("type", "button").put("action_ts", "1700000000.000300").putObject("text").put("type", "plain_text")
			.put("text", "button");
		return form(payload);
	}

	/** An overflow-menu choice ({@code block_actions}) on the App Home. */
	public static String overflowChoice(String userId, String actionId, String selectedValue) {
		ObjectNode payload = base("block_actions", userId);
		payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e1");
		payload.putObject("container").put("type", "view").put("view_id", "VHOME");
		payload.putObject("view").put("id", "VHOME").put("type", "home");
		ObjectNode action = payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1")
			.put("type", "overflow").put("action_ts", "1700000000.000300");
		action.putObject("selected_option").put("value", selectedValue).putObject("text").put("type", "plain_text")
			.put("text", "option");
		return form(payload);
	}

	/** A button press on the App Home. */
	public static String homeButton(String userId, String actionId, String value) {
		ObjectNode payload = base("block_actions", userId);
		payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e2");
		payload.putObject("container").put("type", "view").put("view_id", "VHOME");
		payload.putObject("view").put("id", "VHOME").put("type", "home");
		payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1")
			.put("value", value == null ? "" : value).put("type", "button").put("action_ts", "1700000000.000300");
		return form(payload);
	}

	/**
	 * A modal submitted ({@code view_submission}). {@code values}: block id → action id → the value object
	 * (e.g. {@code {"type":"plain_text_input","value":"…"}}).
	 */
	public static String viewSubmission(String userId, String viewId, String callbackId, String privateMetadata,
			Map<String, Map<String, JsonNode>> values) {
		ObjectNode payload = base("view_submission", userId);
		payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e3");
		ObjectNode view = payload.putObject("view").put("id", viewId).put("type", "modal").put("callback_id", callbackId)
			.put("private_metadata", privateMetadata).put("hash", "156772938.1827394").put("team_id", "T1");
		ObjectNode state = view.putObject("state").putObject("values");
		values.forEach((block, actions) -> {
			ObjectNode b = state.putObject(block);
			actions.forEach(b::set);
		});
		return form(payload);
	}

	public static JsonNode text(String value) {
		ObjectNode node = JSON.createObjectNode().put("type", "plain_text_input");
		if (value != null) {
			node.put("value", value);
		}
		return node;
	}

	public static JsonNode selected(String type, String value) {
		ObjectNode node = JSON.createObjectNode().put("type", type);
		if (value != null) {
			node.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text")
				.put("text", value);
		}
		return node;
	}

	/** A message shortcut ({@code message_action}) on a message in {@code channel}. */
	public static String messageShortcut(String userId, String callbackId, String channel, String ts, String text) {
		ObjectNode payload = base("message_action", userId);
		payload.put("callback_id", callbackId);
		payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e4");
		payload.put("response_url", SlackStub.apiUrl() + "response/T1/2/y");
		payload.put("message_ts", ts);
		payload.putObject("channel").put("id", channel).put("name", "general");
		payload.putObject("message").put("type", "message").put("user", "USOMEONE").put("ts", ts).put("text", text);
		return form(payload);
	}

	/** The {@code app_home_opened} event for the Home tab. */
	public static String appHomeOpened(String eventId, String userId) {
		ObjectNode event = JSON.createObjectNode()
			.put("type", "app_home_opened")
			.put("user", userId)
			.put("channel", "D" + userId)
			.put("tab", "home")
			.put("event_ts", "1700000000.000400");
		return SlackRequests.envelope(eventId, event);
	}

	private static ObjectNode base(String type, String userId) {
		ObjectNode payload = JSON.createObjectNode().put("type", type).put("token", "legacy-verification-token")
			.put("api_app_id", "A1").put("is_enterprise_install", false);
		payload.putObject("team").put("id", "T1").put("domain", "test");
		payload.putObject("user").put("id", userId).put("username", "someone").put("team_id", "T1");
		return payload;
	}

	private static String form(JsonNode payload) {
		return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8).replace("+", "%20");
	}
}
