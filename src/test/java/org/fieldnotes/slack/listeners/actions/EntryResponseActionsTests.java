package org.fieldnotes.slack.listeners.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.EntryResponse;
import org.fieldnotes.logbook.ResponseKind;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Role;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closing the loop over /slack/events, as a round trip: the weekly digest carries Acknowledge and Reply buttons
 * under each entry; pressing them (signed block_actions, then view_submission) stores the response once, tells the
 * participant in their own language with the reply quoted and escaped, and shows it on the participant's Home.
 * Anyone who may not read the entry is refused and nothing is stored.
 */
class EntryResponseActionsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	DigestService digests;

	@Autowired
	Responses responses;

	@Autowired
	Preferences preferences;

	@Test
	void acknowledgeFromTheDigestIsStoredOnceTellsTheParticipantAndMarksTheButton() {
		String entryId = entryInThisWeeksDigest("Mapped the supplier chain");
		Map<String, String> digest = SlackStub.messagesTo("UANDERS").get(0);
		// the academic coach (Swedish) sees both buttons under the quoted entry, the entry id as their value
		JsonNode buttons = actionsOf(digest, entryId);
		assertThat(buttons.get(0).get("action_id").asString()).isEqualTo("entry_acknowledge");
		assertThat(buttons.get(0).get("text").get("text").asString()).isEqualTo("✓ Kvittera");
		assertThat(buttons.get(1).get("action_id").asString()).isEqualTo("entry_reply");
		assertThat(buttons.get(1).get("value").asString()).isEqualTo(entryId);
		int before = SlackStub.messagesTo(ADA).size();

		// a double click: two presses of the same button
		assertThat(press("UANDERS", "entry_acknowledge", entryId, digest).statusCode()).isEqualTo(200);
		assertThat(press("UANDERS", "entry_acknowledge", entryId, digest).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(5)).until(() -> ephemeralsToResponders().size() == 2);
		List<EntryResponse> stored = responses.to(entryId);
		assertThat(stored).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(ResponseKind.ACKNOWLEDGED);
			assertThat(r.role()).isEqualTo(Role.ACADEMIC_COACH);
			assertThat(r.responderKey()).isEqualTo(keyOf("UANDERS"));
			assertThat(r.text()).isNull();
			assertThat(r.createdAt()).isEqualTo(clock.instant());
		});
		List<Map<String, String>> toAda = SlackStub.messagesTo(ADA);
		assertThat(toAda).hasSize(before + 1);
		assertThat(toAda.get(before).get("text"))
			.isEqualTo("Your academic coach read your entry from Wednesday 2 December.");
		assertThat(ephemeralsToResponders()).extracting(m -> m.get("text"))
			.containsExactlyInAnyOrder("✓ Kvitterat — Ada har fått veta det.",
					"Du hade redan kvitterat den här anteckningen, så Ada fick inget nytt meddelande.");
		// the digest message keeps its place; its Acknowledge button now says so
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.calls("chat.update").isEmpty());
		Map<String, String> update = SlackStub.calls("chat.update").get(0);
		assertThat(update).containsEntry("channel", "DUANDERS").containsEntry("ts", "1764756000.000200");
		assertThat(SlackStub.blockTexts(update)).contains("✓ Kvitterad").contains("Svara");
	}

	@Test
	void aStrangerOrARoleTheEntryIsNotSharedWithIsRefusedAndNothingIsStored() {
		String entryId = entryInThisWeeksDigest("Shared with my coaches only");
		Map<String, String> digest = SlackStub.messagesTo("UANDERS").get(0);
		int before = SlackStub.messagesTo(ADA).size();

		press("UMALLORY", "entry_acknowledge", entryId, digest);
		press("UMAJA", "entry_acknowledge", entryId, digest); // the manager: the entry is for the coaches
		press("UMAJA", "entry_reply", entryId, digest);
		press("UANDERS", "entry_acknowledge", "no-such-entry", digest);

		await().atMost(Duration.ofSeconds(5)).until(() -> ephemeralsToResponders().size() == 4);
		assertThat(ephemeralsToResponders()).extracting(m -> m.get("text"))
			.containsOnly(
					"You can respond only to entries of placements you follow, and only to those shared with you.",
					"Den här anteckningen har tagits bort, så det finns inget att svara på.");
		JsonNode ack = json(submitReply("UMAJA", "V900", entryId, "Nice").body());
		assertThat(ack.get("errors").get("reply").asString()).startsWith("You can respond only");
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(before);
		assertThat(SlackStub.calls("views.open")).isEmpty();
		assertThat(SlackStub.calls("chat.update")).isEmpty();
	}

	@Test
	void replyOpensAFormWhoseReplyReachesTheParticipantEscapedAndShowsOnTheirHome() {
		String entryId = entryInThisWeeksDigest("Bench test booked");
		Map<String, String> digest = SlackStub.messagesTo("UBEATA").get(0);
		int before = SlackStub.messagesTo(ADA).size();

		press("UBEATA", "entry_reply", entryId, digest);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == 1);
		JsonNode form = JSON.readTree(SlackStub.calls("views.open").get(0).get("view"));
		assertThat(form.get("callback_id").asString()).isEqualTo("entry_reply");
		assertThat(form.get("private_metadata").asString()).isEqualTo(entryId);
		assertThat(form.get("blocks").get(0).get("elements").get(0).get("text").asString())
			.isEqualTo("Ada wrote on Wed 2 Dec: “Bench test booked”");
		assertThat(form.get("blocks").get(1).get("element").get("max_length").asInt()).isEqualTo(3000);

		String words = "Great progress <!channel> ${7*7} & <https://evil.example|click>\nsecond line";
		JsonNode ack = json(submitReply("UBEATA", "V901", entryId, words).body());
		assertThat(ack.get("response_action").asString()).isEqualTo("update");
		assertThat(ack.get("view").get("title").get("text").asString()).isEqualTo("Reply sent");
		submitReply("UBEATA", "V901", entryId, words); // the same form submitted again

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == before + 1);
		assertThat(responses.to(entryId)).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(ResponseKind.REPLIED);
			assertThat(r.role()).isEqualTo(Role.BUSINESS_COACH);
			assertThat(r.text()).isEqualTo(words);
		});
		Map<String, String> dm = SlackStub.messagesTo(ADA).get(before);
		assertThat(dm.get("text")).isEqualTo("Your business coach replied to your entry from Wednesday 2 December");
		assertThat(SlackStub.blockTexts(dm))
			.contains("_Your business coach replied to your entry from Wednesday 2 December:_")
			.contains(">Great progress &lt;!channel&gt; ${7*7} &amp; &lt;https://evil.example|click&gt;\n>second line")
			.doesNotContain("<!channel>")
			.doesNotContain("49");

		// the participant's Home shows who read the entry and the reply
		responses.acknowledge(entryId, slack("UANDERS"));
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == before + 2);
		SlackStub.reset();
		slackEvent(SlackInteractions.appHomeOpened("EvH9", ADA), "application/json");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() == 1);
		String home = SlackStub.blockTexts(Map.of("blocks",
				JSON.readTree(SlackStub.calls("views.publish").get(0).get("view")).get("blocks").toString()));
		assertThat(home).contains("“Bench test booked”")
			.contains("✓ Read by your academic coach")
			.contains("_Your business coach replied:_\n>Great progress &lt;!channel&gt; ${7*7}")
			.doesNotContain("<!channel>");
		assertThat(home.indexOf("✓ Read by your academic coach")).isGreaterThan(home.indexOf("“Bench test booked”"));
	}

	@Test
	void anEmptyOrTooLongReplyKeepsTheFormOpenAndStoresNothing() {
		String entryId = entryInThisWeeksDigest("Bench test booked");

		JsonNode empty = json(submitReply("UBEATA", "V902", entryId, "   ").body());
		JsonNode tooLong = json(submitReply("UBEATA", "V903", entryId, "x".repeat(3001)).body());

		assertThat(empty.get("errors").get("reply").asString()).isEqualTo("Write a reply before sending.");
		assertThat(tooLong.get("errors").get("reply").asString())
			.isEqualTo("Keep the reply to 3,000 characters or fewer (it has 3,001).");
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
	}

	@Test
	void theParticipantIsToldInTheLanguageTheyChose() {
		String entryId = entryInThisWeeksDigest("Veckans lärdom");
		preferences.setLanguage(slack(ADA), "sv");
		int before = SlackStub.messagesTo(ADA).size();

		press("UBEATA", "entry_acknowledge", entryId, SlackStub.messagesTo("UBEATA").get(0));

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == before + 1);
		assertThat(SlackStub.messagesTo(ADA).get(before).get("text"))
			.isEqualTo("Din handledare på företaget har läst din anteckning från onsdag 2 december.");
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** Ada writes an entry on Wed 2 Dec; a day later this week's digests go out. Returns the entry id. */
	private String entryInThisWeeksDigest(String text) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", text, null);
		String entryId = json(get("/api/v1/placements/" + placementId + "/entries").body()).get(0).get("id").asString();
		clock.advance(Duration.ofDays(1));
		digests.sendAll();
		return entryId;
	}

	/** The buttons of the actions block that follows the entry's quote in a digest message. */
	private static JsonNode actionsOf(Map<String, String> message, String entryId) {
		for (JsonNode block : JSON.readTree(message.get("blocks"))) {
			if ("actions".equals(block.get("type").asString())
					&& entryId.equals(block.get("elements").get(0).get("value").asString())) {
				return block.get("elements");
			}
		}
		throw new AssertionError("No buttons for entry " + entryId + " in " + message.get("blocks"));
	}

	/**
	 * A button press on a digest message as Slack sends it: the message's blocks (Slack gives each a block id),
	 * the pressed button's action with that block id.
	 */
	private HttpResponse<String> press(String userId, String actionId, String entryId, Map<String, String> digest) {
		JsonNode blocks = JSON.readTree(digest.get("blocks"));
		List<JsonNode> withIds = new ArrayList<>();
		int i = 0;
		for (JsonNode block : blocks) {
			withIds.add(((ObjectNode) block.deepCopy()).put("block_id", "b" + i++));
		}
		String blockId = "b0";
		for (JsonNode block : withIds) {
			if ("actions".equals(block.get("type").asString())
					&& entryId.equals(block.get("elements").get(0).get("value").asString())) {
				blockId = block.get("block_id").asString();
			}
		}
		ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("token", "legacy")
			.put("api_app_id", "A1").put("trigger_id", "13345224609.738474920.8088930838d88f008e9");
		payload.putObject("team").put("id", "T1").put("domain", "test");
		payload.putObject("user").put("id", userId).put("username", "someone").put("team_id", "T1");
		payload.putObject("container").put("type", "message").put("message_ts", "1764756000.000200")
			.put("channel_id", "D" + userId).put("is_ephemeral", false);
		payload.putObject("channel").put("id", "D" + userId).put("name", "directmessage");
		ObjectNode message = payload.putObject("message").put("type", "message").put("ts", "1764756000.000200")
			.put("text", digest.get("text")).put("bot_id", "BBOT");
		message.putArray("blocks").addAll(withIds);
		payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", blockId)
			.put("value", entryId).put("type", "button").put("action_ts", "1764756100.000300")
			.putObject("text").put("type", "plain_text").put("text", "button");
		String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8)
			.replace("+", "%20");
		return slackEvent(body, SlackInteractions.FORM);
	}

	private HttpResponse<String> submitReply(String userId, String viewId, String entryId, String text) {
		return slackEvent(SlackInteractions.viewSubmission(userId, viewId, "entry_reply", entryId,
				Map.of("reply", Map.of("text", SlackInteractions.text(text)))), SlackInteractions.FORM);
	}

	/** Private answers to the people who pressed a button (not the participant's own save confirmations). */
	private static List<Map<String, String>> ephemeralsToResponders() {
		return SlackStub.calls("chat.postEphemeral").stream().filter(m -> !ADA.equals(m.get("user"))).toList();
	}
}
