package org.fieldnotes.teams;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An activity Teams sent to {@code /teams/messages}, as far as Fieldnotes reads it, after its token was checked. Every
 * string is as Teams sent it: data, never markup, and never logged whole ({@link #safe} for the ids that are).
 *
 * @param type {@code message}, {@code invoke}, {@code conversationUpdate}, {@code installationUpdate}, …
 * @param id the activity's id (a message's, to reply to or update)
 * @param timestamp when Teams says it happened, or {@literal null}
 * @param serviceUrl where to answer; checked against the token's {@code serviceurl} claim
 * @param channelId {@code msteams}
 * @param from who did it: {@code id} is their Teams user id ({@code 29:…}), {@code aadObjectId} their Entra object id
 * @param conversation the conversation, with its tenant and type ({@code personal}, {@code groupChat}, {@code channel})
 * @param recipient the bot ({@code 28:<app id>})
 * @param text what the person typed, or {@literal null}
 * @param value an {@code invoke}'s or a card submission's value, as JSON, or {@literal null}
 * @param name an {@code invoke}'s name, e.g. {@code adaptiveCard/action}, {@code task/fetch}
 * @param action an {@code installationUpdate}'s action: {@code add}, {@code remove}, …
 * @param replyToId the activity this one answers, or {@literal null}
 * @param locale the person's client language, e.g. {@code sv-SE}, or {@literal null}
 * @param channelTenantId {@code channelData.tenant.id}
 * @param membersAdded a {@code conversationUpdate}'s added members
 * @param membersRemoved a {@code conversationUpdate}'s removed members
 */
public record TeamsActivity(String type, String id, Instant timestamp, String serviceUrl, String channelId,
		Account from, Conversation conversation, Account recipient, String text, JsonNode value, String name,
		String action, String replyToId, String locale, String channelTenantId, List<Account> membersAdded,
		List<Account> membersRemoved) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public TeamsActivity {
		membersAdded = membersAdded == null ? List.of() : List.copyOf(membersAdded);
		membersRemoved = membersRemoved == null ? List.of() : List.copyOf(membersRemoved);
	}

	/** Someone (or the bot) in a conversation. */
	public record Account(String id, String aadObjectId, String name) {
	}

	/** A conversation: its id, tenant and type ({@code personal} for a 1:1 chat with the bot). */
	public record Conversation(String id, String tenantId, String conversationType) {

		public boolean personal() {
			return conversationType == null || "personal".equals(conversationType);
		}
	}

	/** The tenant the activity comes from: the conversation's, else the channel data's. */
	public String tenantId() {
		String tenant = conversation == null ? null : conversation.tenantId();
		return tenant != null ? tenant : channelTenantId;
	}

	/** Whether the bot itself is among the members added (it was installed in this conversation). */
	public boolean botAdded() {
		return recipient != null && recipient.id() != null
				&& membersAdded.stream().anyMatch(m -> recipient.id().equals(m.id()));
	}

	/** Whether the bot itself is among the members removed. */
	public boolean botRemoved() {
		return recipient != null && recipient.id() != null
				&& membersRemoved.stream().anyMatch(m -> recipient.id().equals(m.id()));
	}

	/**
	 * Reads an activity.
	 * @throws IllegalArgumentException when the body is not a JSON object with a {@code type}
	 */
	static TeamsActivity parse(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("not JSON");
		}
		if (root == null || !root.isObject() || string(root, "type") == null) {
			throw new IllegalArgumentException("not an activity");
		}
		JsonNode conversation = root.path("conversation");
		JsonNode value = root.get("value");
		return new TeamsActivity(string(root, "type"), string(root, "id"), instant(string(root, "timestamp")),
				string(root, "serviceUrl"), string(root, "channelId"), account(root.path("from")),
				conversation.isObject() ? new Conversation(string(conversation, "id"), string(conversation, "tenantId"),
						string(conversation, "conversationType")) : null,
				account(root.path("recipient")), string(root, "text"), value == null || value.isNull() ? null : value,
				string(root, "name"), string(root, "action"), string(root, "replyToId"), string(root, "locale"),
				string(root.path("channelData").path("tenant"), "id"), accounts(root.path("membersAdded")),
				accounts(root.path("membersRemoved")));
	}

	/**
	 * A value fit for a log line: control characters (line breaks that would forge log lines) replaced, and cut to
	 * 200 characters, as the official SDK's {@code _safe_log_field} does.
	 */
	static String safe(String value) {
		if (value == null) {
			return "null";
		}
		String cleaned = value.replaceAll("\\p{Cntrl}", "?");
		return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
	}

	private static Account account(JsonNode node) {
		return node.isObject() ? new Account(string(node, "id"), string(node, "aadObjectId"), string(node, "name"))
				: null;
	}

	private static List<Account> accounts(JsonNode node) {
		List<Account> accounts = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(member -> {
				Account account = account(member);
				if (account != null) {
					accounts.add(account);
				}
			});
		}
		return accounts;
	}

	private static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static Instant instant(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
