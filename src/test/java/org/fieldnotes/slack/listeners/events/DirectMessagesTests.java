package org.fieldnotes.slack.listeners.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DMs to the bot over /slack/events, signed as Slack signs them: replies to prompts, free-form entries, edits,
 * deletions, bots, retries and redeliveries, files, and events nobody listens to.
 */
class DirectMessagesTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String ADA_DM = "DUADA";

	private String placementId;

	@BeforeEach
	void enrolAda() {
		placementId = enrol(ADA, "2026-11-02", "2027-04-30");
	}

	private JsonNode entries() {
		return json(get("/api/v1/placements/" + placementId + "/entries").body());
	}

	private JsonNode onlyEntry() {
		JsonNode entries = entries();
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private long storedEntries() {
		return mongo.getCollection("logbook_entries").countDocuments();
	}

	/** Sends the next prompt now and returns its stored occurrence (id, channel, messageTs). */
	private Document sendPrompt() {
		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		assertThat(sent.statusCode()).isEqualTo(202);
		String occurrenceId = json(sent.body()).get("occurrenceId").asString();
		Document occurrence = mongo.getCollection("prompt_occurrences").find(new Document("_id", occurrenceId)).first();
		assertThat(occurrence).isNotNull();
		assertThat(occurrence.getString("messageTs")).isNotBlank();
		assertThat(occurrence.getString("channel")).isEqualTo(ADA_DM);
		return occurrence;
	}

	private HttpResponse<String> event(String eventId, ObjectNode event, String... headers) {
		return slackEvent(SlackRequests.envelope(eventId, event), "application/json", headers);
	}

	private static ObjectNode imMessage(String ts, String text) {
		return JSON.createObjectNode()
			.put("type", "message")
			.put("channel", ADA_DM)
			.put("user", ADA)
			.put("text", text)
			.put("ts", ts)
			.put("event_ts", ts)
			.put("channel_type", "im");
	}

	private static List<String> reactedTimestamps() {
		return SlackStub.calls("reactions.add").stream().map(call -> call.get("timestamp")).toList();
	}

	@Test
	void aReplyInAPromptsThreadLinksToThatPrompt() {
		Document first = sendPrompt();
		clock.advance(Duration.ofHours(1));
		Document second = sendPrompt();
		assertThat(second.getString("messageTs")).isNotEqualTo(first.getString("messageTs"));

		// In the first prompt's thread, although the second prompt is the latest one
		assertThat(directMessage("Ev1", ADA, "1764669600.000100", "Answering the first one", first.getString("messageTs"))
			.statusCode()).isEqualTo(200);

		JsonNode entry = onlyEntry();
		assertThat(entry.get("source").asString()).isEqualTo("PROMPT_REPLY");
		assertThat(entry.get("promptOccurrenceId").asString()).isEqualTo(first.getString("_id"));
		assertThat(entry.get("promptId").asString()).isEqualTo(first.getString("promptId"));
		assertThat(entry.get("text").asString()).isEqualTo("Answering the first one");
		assertThat(entry.get("ts").asString()).isEqualTo("1764669600.000100");
		assertThat(entry.get("channel").asString()).isEqualTo(ADA_DM);
		Document answered = mongo.getCollection("prompt_occurrences").find(new Document("_id", first.getString("_id")))
			.first();
		assertThat(answered.get("answeredAt")).isNotNull();
		assertThat(mongo.getCollection("prompt_occurrences").find(new Document("_id", second.getString("_id"))).first()
			.get("answeredAt")).isNull();
	}

	@Test
	void aDirectMessageMoreThanSevenDaysAfterThePromptIsFreeForm() {
		Document prompt = sendPrompt();

		clock.advance(Duration.ofDays(6));
		directMessage("Ev1", ADA, "1765188000.000100", "Six days later, still an answer", null);
		clock.advance(Duration.ofDays(2));
		directMessage("Ev2", ADA, "1765360800.000200", "Eight days later, just a note", null);
		clock.advance(Duration.ofMinutes(1));
		directMessage("Ev3", ADA, "1765360900.000300", "But in the prompt's thread it is still an answer",
				prompt.getString("messageTs"));

		JsonNode entries = entries();
		assertThat(entries).hasSize(3);
		assertThat(entries.get(0).get("source").asString()).isEqualTo("PROMPT_REPLY");
		assertThat(entries.get(0).get("promptOccurrenceId").asString()).isEqualTo(prompt.getString("_id"));
		assertThat(entries.get(1).get("text").asString()).isEqualTo("Eight days later, just a note");
		assertThat(entries.get(1).get("source").asString()).isEqualTo("FREE_FORM");
		assertThat(entries.get(1).get("promptOccurrenceId").isNull()).isTrue();
		assertThat(entries.get(1).get("promptId").isNull()).isTrue();
		assertThat(entries.get(2).get("source").asString()).isEqualTo("PROMPT_REPLY");
		assertThat(entries.get(2).get("promptOccurrenceId").asString()).isEqualTo(prompt.getString("_id"));
	}

	@Test
	void aDirectMessageWithNoPromptAtAllIsFreeForm() {
		directMessage("Ev1", ADA, "1764669600.000100", "Met the test-rig team", null);

		JsonNode entry = onlyEntry();
		assertThat(entry.get("source").asString()).isEqualTo("FREE_FORM");
		assertThat(entry.get("authorSlackUserId").asString()).isEqualTo(ADA);
		assertThat(Instant.parse(entry.get("createdAt").asString())).isEqualTo(DEFAULT_NOW);
	}

	@Test
	void anEditUpdatesTheEntrysTextAndSetsEditedAt() {
		directMessage("Ev1", ADA, "1764669600.000100", "Mapped the supplier chian", null);
		assertThat(onlyEntry().get("editedAt").isNull()).isTrue();

		clock.advance(Duration.ofMinutes(5));
		HttpResponse<String> edited = slackEvent(
				SlackRequests.messageChanged("Ev2", ADA, ADA_DM, "1764669600.000100", "Mapped the supplier chain"),
				"application/json");

		assertThat(edited.statusCode()).isEqualTo(200);
		JsonNode entry = onlyEntry();
		assertThat(entry.get("text").asString()).isEqualTo("Mapped the supplier chain");
		assertThat(Instant.parse(entry.get("editedAt").asString())).isEqualTo(DEFAULT_NOW.plus(Duration.ofMinutes(5)));
		assertThat(Instant.parse(entry.get("createdAt").asString())).isEqualTo(DEFAULT_NOW);
		assertThat(storedEntries()).isEqualTo(1);
	}

	@Test
	void textIsStoredAsTypedNotAsSlackEscapedIt() {
		// Slack escapes &, < and > in the text it delivers; its own mentions and links use real < >
		String delivered = "R&amp;D review with <@UMAJA>: 3 &lt; 5 &amp;&amp; 5 &gt; 3 -&gt; done. I typed &amp;lt; literally";

		directMessage("Ev1", ADA, "1764669600.000100", delivered, null);

		String typed = "R&D review with <@UMAJA>: 3 < 5 && 5 > 3 -> done. I typed &lt; literally";
		assertThat(onlyEntry().get("text").asString()).isEqualTo(typed);

		clock.advance(Duration.ofMinutes(1));
		slackEvent(SlackRequests.messageChanged("Ev2", ADA, ADA_DM, "1764669600.000100", "Q&amp;A &lt;3"),
				"application/json");
		assertThat(onlyEntry().get("text").asString()).isEqualTo("Q&A <3");

		// …and the coaches read it escaped once: Slack shows "Q&A <3" (shared with the manager, whose digest is read)
		mongo.getCollection("logbook_entries").updateMany(new org.bson.Document(),
				new org.bson.Document("$set", new org.bson.Document("visibility", "PLACEMENT")));
		clock.advance(Duration.ofDays(1));
		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);
		drainOutbox();
		String digest = SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0));
		assertThat(digest).contains(">Q&amp;A &lt;3").doesNotContain("&amp;amp;").doesNotContain("&amp;lt;");
		// the manager's digest quotes it too (shared with the whole placement), escaped once
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UMAJA").get(0))).contains(">Q&amp;A &lt;3")
			.doesNotContain("&amp;amp;")
			.doesNotContain("&amp;lt;");
	}

	@Test
	void aReplyAfterTwoPromptsSentAtTheSameMomentAnswersTheOneDueLater() {
		Document first = sendPrompt();
		Document second = sendPrompt();
		assertThat(first.getDate("sentAt")).isEqualTo(second.getDate("sentAt"));

		directMessage("Ev1", ADA, "1764669600.000700", "One answer", null);

		assertThat(onlyEntry().get("promptOccurrenceId").asString()).isEqualTo(second.getString("_id"));
	}

	@Test
	void aChangeThatLeavesTheTextAsItWasIsNotAnEdit() {
		directMessage("Ev1", ADA, "1764669600.000100", "See https://example.org/report", null);

		// Slack reports link unfurls as message_changed with the same text
		slackEvent(SlackRequests.messageChanged("Ev2", ADA, ADA_DM, "1764669600.000100", "See https://example.org/report"),
				"application/json");

		assertThat(onlyEntry().get("editedAt").isNull()).isTrue();
	}

	@Test
	void aThreadReplyAlsoSentToTheConversationIsStoredAsTheReply() {
		Document prompt = sendPrompt();

		ObjectNode broadcast = imMessage("1764669600.000300", "Bench test planned")
			.put("subtype", "thread_broadcast")
			.put("thread_ts", prompt.getString("messageTs"));
		assertThat(event("Ev1", broadcast).statusCode()).isEqualTo(200);

		JsonNode entry = onlyEntry();
		assertThat(entry.get("text").asString()).isEqualTo("Bench test planned");
		assertThat(entry.get("promptOccurrenceId").asString()).isEqualTo(prompt.getString("_id"));
	}

	@Test
	void anEditOfAnUnknownMessageStoresNothing() {
		HttpResponse<String> edited = slackEvent(
				SlackRequests.messageChanged("Ev2", ADA, ADA_DM, "1764669600.000999", "Never saw the original"),
				"application/json");

		assertThat(edited.statusCode()).isEqualTo(200);
		assertThat(storedEntries()).isZero();
	}

	@Test
	void aDeletionMarksTheEntryDeleted() {
		directMessage("Ev1", ADA, "1764669600.000100", "Posted to the wrong chat", null);
		clock.advance(Duration.ofMinutes(1));
		directMessage("Ev2", ADA, "1764669700.000200", "This one stays", null);

		clock.advance(Duration.ofMinutes(2));
		HttpResponse<String> deleted = slackEvent(SlackRequests.messageDeleted("Ev3", ADA_DM, "1764669600.000100"),
				"application/json");

		assertThat(deleted.statusCode()).isEqualTo(200);
		JsonNode visible = entries();
		assertThat(visible).hasSize(1);
		assertThat(visible.get(0).get("text").asString()).isEqualTo("This one stays");
		JsonNode all = json(get("/api/v1/placements/" + placementId + "/entries?includeDeleted=true").body());
		assertThat(all).hasSize(2);
		assertThat(all.get(0).get("text").asString()).isEqualTo("Posted to the wrong chat");
		assertThat(Instant.parse(all.get(0).get("deletedAt").asString()))
			.isEqualTo(DEFAULT_NOW.plus(Duration.ofMinutes(3)));
		assertThat(all.get(1).get("deletedAt").isNull()).isTrue();

		// An edit after the deletion does not bring the entry back
		slackEvent(SlackRequests.messageChanged("Ev4", ADA, ADA_DM, "1764669600.000100", "edited after deletion"),
				"application/json");
		assertThat(entries()).hasSize(1);
	}

	@Test
	void botMessagesAreIgnored() {
		// Bolt asks bots.info who posted a message that names no user (to skip its own); Slack answers it
		SlackStub.ok("bots.info", "\"bot\":{\"id\":\"BOTHER\",\"name\":\"other\",\"user_id\":\"UOTHERBOT\"}");
		HttpResponse<String> botMessage = slackEvent(
				SlackRequests.botMessage("Ev1", ADA_DM, "1764669600.000100", "I am a bot"), "application/json");
		// A message that names a person but was posted by an app (bot_id set, no subtype)
		HttpResponse<String> withBotId = event("Ev2", imMessage("1764669700.000200", "Posted by an app").put("bot_id", "B1"));

		assertThat(botMessage.statusCode()).isEqualTo(200);
		assertThat(withBotId.statusCode()).isEqualTo(200);
		assertThat(storedEntries()).isZero();
		assertThat(entries()).isEmpty();
	}

	@Test
	void anEditByABotIsIgnored() {
		directMessage("Ev1", ADA, "1764669600.000100", "Original words", null);
		ObjectNode message = JSON.createObjectNode()
			.put("type", "message")
			.put("bot_id", "B1")
			.put("text", "rewritten by an app")
			.put("ts", "1764669600.000100");
		ObjectNode changed = JSON.createObjectNode()
			.put("type", "message")
			.put("subtype", "message_changed")
			.put("channel", ADA_DM)
			.put("channel_type", "im")
			.put("ts", "1764669800.000300")
			.put("event_ts", "1764669800.000300");
		changed.set("message", message);

		assertThat(event("Ev2", changed).statusCode()).isEqualTo(200);
		assertThat(onlyEntry().get("text").asString()).isEqualTo("Original words");
	}

	@Test
	void aMessageOutsideADirectMessageIsIgnored() {
		ObjectNode inChannel = imMessage("1764669600.000100", "Said in #general").put("channel", "C1")
			.put("channel_type", "channel");

		assertThat(event("Ev1", inChannel).statusCode()).isEqualTo(200);
		assertThat(storedEntries()).isZero();
	}

	@Test
	void retriesAndRedeliveriesNeverCreateASecondEntryNorASecondReaction() {
		String ts = "1764669600.000100";
		assertThat(directMessage("Ev1", ADA, ts, "Said once", null).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> reactedTimestamps().size() == 1);

		for (int retry = 1; retry <= 3; retry++) {
			assertThat(directMessage("Ev1", ADA, ts, "Said once", null, "X-Slack-Retry-Num", Integer.toString(retry),
					"X-Slack-Retry-Reason", "http_timeout").statusCode()).isEqualTo(200);
		}
		// The same message under a new event id (Slack redelivers, e.g. after an app reinstall)
		assertThat(directMessage("Ev2", ADA, ts, "Said once", null).statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev3", ADA, ts, "Said once", null, "X-Slack-Retry-Num", "1").statusCode())
			.isEqualTo(200);
		// A new message afterwards: once its ✅ is there, every earlier delivery has been answered
		clock.advance(Duration.ofMinutes(1));
		assertThat(directMessage("Ev4", ADA, "1764669700.000200", "Said twice", null).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> reactedTimestamps().contains("1764669700.000200"));

		assertThat(storedEntries()).isEqualTo(2);
		assertThat(entries()).extracting(e -> e.get("text").asString()).containsExactly("Said once", "Said twice");
		assertThat(reactedTimestamps()).containsExactlyInAnyOrder(ts, "1764669700.000200");
		Map<String, String> reaction = SlackStub.calls("reactions.add").get(0);
		assertThat(reaction).containsEntry("channel", ADA_DM).containsEntry("name", "white_check_mark");
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void aMessageFirstSeenAsARetryIsStoredAndConfirmed() {
		// The first delivery never reached us (or was answered 503 while the store was down); Slack retries it
		String ts = "1764669600.000100";
		assertThat(directMessage("Ev1", ADA, ts, "Written while you were away", null, "X-Slack-Retry-Num", "1",
				"X-Slack-Retry-Reason", "http_error").statusCode()).isEqualTo(200);

		assertThat(onlyEntry().get("text").asString()).isEqualTo("Written while you were away");
		await().atMost(Duration.ofSeconds(5)).until(() -> reactedTimestamps().equals(List.of(ts)));
	}

	@Test
	void aStrangersRetriesAreExplainedOnlyOnce() {
		assertThat(directMessage("Ev1", "USTRANGER", "1764669600.000100", "hello?", null).statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev1", "USTRANGER", "1764669600.000100", "hello?", null, "X-Slack-Retry-Num", "1")
			.statusCode()).isEqualTo(200);
		// a barrier: Ada's ✅ is answered after both of the stranger's deliveries were
		directMessage("Ev2", ADA, "1764669700.000200", "Barrier", null);
		await().atMost(Duration.ofSeconds(5)).until(() -> reactedTimestamps().contains("1764669700.000200"));
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("USTRANGER").size() == 1);

		assertThat(SlackStub.messagesTo("USTRANGER")).hasSize(1);
		assertThat(storedEntries()).isEqualTo(1);
	}

	@Test
	void aDirectMessageWithAFileIsStoredWithTheFileName() {
		ObjectNode withFile = imMessage("1764669600.000100", "Our new test bench &amp; rig").put("subtype", "file_share");
		withFile.putArray("files").addObject().put("id", "F1").put("name", "bench.jpg");
		ObjectNode onlyFile = imMessage("1764669700.000200", "").put("subtype", "file_share");
		onlyFile.putArray("files").addObject().put("id", "F2").put("name", "rig.png");

		assertThat(event("Ev1", withFile).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		assertThat(event("Ev2", onlyFile).statusCode()).isEqualTo(200);

		JsonNode entries = entries();
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).get("text").asString()).isEqualTo("Our new test bench & rig\n📎 bench.jpg");
		assertThat(entries.get(1).get("text").asString()).isEqualTo("📎 rig.png");
		await().atMost(Duration.ofSeconds(5)).until(() -> reactedTimestamps().size() == 2);
	}

	@Test
	void anUnhandledEventTypeIsAcknowledged() {
		ObjectNode reaction = JSON.createObjectNode()
			.put("type", "reaction_added")
			.put("user", ADA)
			.put("reaction", "thumbsup")
			.put("event_ts", "1764669600.000100");
		reaction.putObject("item").put("type", "message").put("channel", ADA_DM).put("ts", "1764669500.000100");

		HttpResponse<String> response = event("Ev1", reaction);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(storedEntries()).isZero();
	}
}
