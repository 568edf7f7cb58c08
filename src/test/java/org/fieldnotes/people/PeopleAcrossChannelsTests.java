package org.fieldnotes.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.person;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.InboundMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.commands.Commands;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.Receipt;
import org.fieldnotes.logbook.ReplyResponder;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SecondChannel;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

/**
 * One person, any channel: a person with accounts on two platforms (Slack and a second one registered the way an
 * adapter is, {@link SecondChannel}) or in two Slack workspaces is one person, whatever account they use, and is
 * reached through the right account: Fieldnotes' own messages go to their first account, an answer goes back to the
 * account they acted from.
 */
@Import(SecondChannel.class)
class PeopleAcrossChannelsTests extends IntegrationTest {

	private static final ChatAccount ADA_ON_THE_WEB = new ChatAccount(SecondChannel.PLATFORM, null, "w-ada");

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	Logbook logbook;

	@Autowired
	ReplyResponder responder;

	@Autowired
	Commands commands;

	@BeforeEach
	void noWebMessagesYet() {
		SecondChannel.reset();
	}

	@Test
	void aPersonWithASlackAndAWebAccountIsOnePersonReachedThroughTheRightOne() {
		HttpResponse<String> created = postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"slackUserId\": \"UADA\",",
					"\"slackUserId\": \"UADA\", \"accounts\": [{\"platform\": \"" + SecondChannel.PLATFORM + "\", \"memberId\": \"w-ada\"}],"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode participant = json(created.body()).get("participant");
		assertThat(participant.get("slackUserId").asString()).isEqualTo("UADA");
		assertThat(participant.get("accounts")).hasSize(2);
		assertThat(participant.get("accounts").get(1).get("platform").asString()).isEqualTo(SecondChannel.PLATFORM);
		String placementId = json(created.body()).get("id").asString();
		String ada = participant.get("personId").asString();
		assertThat(people.find(ADA_ON_THE_WEB).orElseThrow().id().value()).isEqualTo(ada);
		assertThat(keyOf("UADA")).isEqualTo(ada);

		// Fieldnotes' own messages go to her first account: Slack
		assertThat(dispatcher.sendNext(placementId).status()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(SlackStub.messagesTo("UADA")).hasSize(1);
		assertThat(SecondChannel.sent()).isEmpty();

		// what she writes on the web goes into the same logbook, as hers
		Receipt receipt = logbook.receive(new InboundMessage(new MessageRef(SecondChannel.PLATFORM, "web-w-ada", "1"), ADA_ON_THE_WEB,
				"Written on the web", null, false));
		assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.SAVED);
		assertThat(receipt.entry().authorId()).isEqualTo(ada);
		assertThat(logbook.entries(placementId, false)).extracting(LogbookEntry::text).contains("Written on the web");
		// and the answer to it goes back to where she wrote it, not to Slack
		int slackCalls = SlackStub.calls("chat.postEphemeral").size();
		responder.answer(receipt);
		assertThat(SecondChannel.sent()).singleElement().satisfies(sent -> assertThat(sent.to()).isEqualTo(ADA_ON_THE_WEB));
		assertThat(SlackStub.calls("chat.postEphemeral")).hasSize(slackCalls);

		// a command from either account is hers
		assertThat(texts(commands.run(ADA_ON_THE_WEB, "me"))).contains("Scania");
		assertThat(commandAnswer("UADA", "me")).contains("Scania");
	}

	@Test
	void someoneWhoseFirstAccountIsOnTheWebGetsPromptsThereAndTheOutboxKnowsItsPlatform() {
		HttpResponse<String> created = postJson("/api/v1/placements", placementJson("UBO", "2026-11-02", "2027-04-30")
			.replace("\"slackUserId\": \"UBO\",", "\"accounts\": [{\"platform\": \"" + SecondChannel.PLATFORM + "\", \"memberId\": \"w-bo\"}],"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created.body()).get("participant").get("slackUserId").isNull()).isTrue();

		dispatcher.sendNext(json(created.body()).get("id").asString());

		assertThat(SecondChannel.sent()).singleElement()
			.satisfies(sent -> assertThat(sent.to()).isEqualTo(new ChatAccount(SecondChannel.PLATFORM, null, "w-bo")));
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		Document prompt = mongo.getCollection("outbox").find().first();
		assertThat(prompt.get("account", Document.class).getString("platform")).isEqualTo(SecondChannel.PLATFORM);
		assertThat(prompt.getString("recipient")).isEqualTo(people.find(new ChatAccount(SecondChannel.PLATFORM, null, "w-bo"))
			.orElseThrow().id().value());
	}

	@Test
	void aPersonInTwoSlackWorkspacesIsReachedInTheFirstAndHeardInBoth() {
		HttpResponse<String> created = postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"slackUserId\": \"UADA\",", "\"accounts\": [{\"platform\": \"slack\", \"workspace\": \"TUNI\", "
					+ "\"memberId\": \"UADA\"}, {\"platform\": \"slack\", \"workspace\": \"THOST\", \"memberId\": \"UADAH\"}],"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String placementId = json(created.body()).get("id").asString();

		dispatcher.sendNext(placementId);

		assertThat(SlackStub.messagesTo("UADA")).hasSize(1);
		assertThat(SlackStub.messagesTo("UADAH")).isEmpty();
		Document prompt = mongo.getCollection("outbox").find().first();
		assertThat(prompt.get("account", Document.class).getString("workspace")).isEqualTo("TUNI");
		// a message from her account in the host's workspace is hers too
		Receipt receipt = logbook.receive(new InboundMessage(new MessageRef("slack", "DUADAH", "1764669600.000100"),
				new ChatAccount("slack", "THOST", "UADAH"), "From the host's Slack", null, false));
		assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.SAVED);
		assertThat(receipt.entry().authorId()).isEqualTo(keyOf("UADA"));
		assertThat(receipt.entry().placementId()).isEqualTo(placementId);
	}

	@Test
	void anAccountEnrolledByMemberIdGetsItsWorkspaceOnFirstContact() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		assertThat(person(people, "UADA").accounts()).containsExactly(new ChatAccount("slack", null, "UADA"));

		// the event comes from team T1
		assertThat(directMessage("Ev1", "UADA", "1764669600.000100", "First words", null).statusCode()).isEqualTo(200);

		assertThat(person(people, "UADA").accounts()).containsExactly(new ChatAccount("slack", "T1", "UADA"));
		// from then on, her messages are paced and paused as workspace T1's
		clock.advance(Duration.ofMinutes(1));
		dispatcher.sendNext(mongo.getCollection("placements").find().first().getString("_id"));
		assertThat(mongo.getCollection("outbox").find(new Document("kind", "PROMPT")).first()
			.get("account", Document.class).getString("workspace")).isEqualTo("T1");
	}

	@Test
	void accountsOfTwoDifferentPeopleAreNotMadeOne() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		long known = mongo.getCollection("people").countDocuments();
		// Anders and Beata are two people already: one participant cannot be both
		HttpResponse<String> clash = postJson("/api/v1/placements", placementJson("UANDERS", "2026-11-02", "2027-04-30")
			.replace("\"slackUserId\": \"UANDERS\", \"timezone\": \"Europe/Stockholm\", \"locale\": \"en\"",
					"\"slackUserId\": \"UANDERS\", \"accounts\": [{\"platform\": \"slack\", \"memberId\": \"UBEATA\"}], "
							+ "\"timezone\": \"Europe/Stockholm\", \"locale\": \"en\""));

		assertThat(clash.statusCode()).isEqualTo(400);
		assertThat(json(clash.body()).get("errors").toString()).contains("participant.accounts")
			.contains("belong to different people");
		assertThat(mongo.getCollection("placements").countDocuments()).isOne();
		assertThat(mongo.getCollection("people").countDocuments()).isEqualTo(known);
		assertThat(person(people, "UBEATA").accounts()).containsExactly(slack("UBEATA"));
	}

	private static String texts(org.fieldnotes.chat.ChatMessage message) {
		return String.join("\n", message.blocks().stream().map(Object::toString).toList());
	}

}
