package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldnotes.support.Accounts.slack;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.RoutingMessenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.RecordingMessenger;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;

/**
 * The Slack {@link Messenger} against WireMock: messages longer than Slack's 50 blocks go out in several
 * {@code chat.postMessage} calls, in order, and the first one is where replies thread.
 */
class SlackMessengerTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	private Messenger messenger;

	private static ChatMessage paragraphs(int count) {
		var builder = ChatMessage.builder("Sixty <!here> paragraphs & more");
		IntStream.range(0, count).forEach(i -> builder.paragraph("Paragraph " + i));
		return builder.build();
	}

	private static JsonNode blocks(Map<String, String> call) {
		return JSON.readTree(call.get("blocks"));
	}

	@Test
	void isTheSlackMessenger() {
		// the tests' recording messenger wraps the application's own, which routes by platform; Slack accounts go to
		// the Slack adapter
		Messenger application = ((RecordingMessenger) messenger).platform();
		assertThat(application).isInstanceOf(RoutingMessenger.class);
		assertThat(((RoutingMessenger) application).of("slack")).get().isInstanceOf(SlackMessenger.class);
		assertThat(messenger.connected()).isTrue();
	}

	@Test
	void aMessageOfMoreThanFiftyBlocksIsSentInParts() {
		SentMessage sent = messenger.sendDirect(slack(ADA), paragraphs(60));

		List<Map<String, String>> calls = SlackStub.calls("chat.postMessage");
		assertThat(calls).hasSize(2);
		// WireMock lists requests in the order they arrived
		assertThat(blocks(calls.get(0))).hasSize(50);
		assertThat(blocks(calls.get(1))).hasSize(10);
		assertThat(SlackStub.blockTexts(calls.get(0))).startsWith("Paragraph 0\n").endsWith("\nParagraph 49");
		assertThat(SlackStub.blockTexts(calls.get(1))).startsWith("Paragraph 50\n").endsWith("\nParagraph 59");
		for (Map<String, String> call : calls) {
			assertThat(call).containsEntry("channel", ADA)
				.containsEntry("text", "Sixty &lt;!here&gt; paragraphs &amp; more")
				.containsEntry("unfurl_links", "0")
				.containsEntry("unfurl_media", "0");
		}
		// The returned message is the first part, where a reply in its thread belongs
		assertThat(sent.channel()).isEqualTo("DUADA");
		assertThat(sent.ts()).isEqualTo(tsAnsweredTo("Paragraph 0"));
		assertThat(sent.ts()).isNotEqualTo(tsAnsweredTo("Paragraph 50"));
	}

	@Test
	void oneHundredAndTwentyBlocksAreThreeMessages() {
		messenger.sendDirect(slack(ADA), paragraphs(120));

		assertThat(SlackStub.calls("chat.postMessage")).extracting(call -> blocks(call).size())
			.containsExactly(50, 50, 20);
	}

	@Test
	void fiftyBlocksAreOneMessage() {
		messenger.sendDirect(slack(ADA), paragraphs(50));

		assertThat(SlackStub.calls("chat.postMessage")).hasSize(1);
	}

	@Test
	void aReplacementOfMoreThanFiftyBlocksKeepsItsPlaceAndSaysWhereTheRestIs() {
		messenger.update(new SentMessage(new org.fieldnotes.chat.ChatAccount("slack", null, "UADA"), "DUADA", "1700000000.000100"), paragraphs(60));

		List<Map<String, String>> calls = SlackStub.calls("chat.update");
		assertThat(calls).hasSize(1);
		assertThat(blocks(calls.get(0))).hasSize(50);
		assertThat(SlackStub.blockTexts(calls.get(0))).startsWith("Paragraph 0\n")
			.endsWith("\nParagraph 48\n… (continued in the portal/API)");
	}

	@Test
	void aRefusalIsADeliveryFailureWithSlacksReason() {
		SlackStub.error("chat.postMessage", "channel_not_found");

		assertThatThrownBy(() -> messenger.sendDirect(slack(ADA), paragraphs(60))).isInstanceOf(DeliveryFailed.class)
			.satisfies(e -> assertThat(((DeliveryFailed) e).reason()).isEqualTo("channel_not_found"));
		// the first part failed, so the rest was not sent
		assertThat(SlackStub.calls("chat.postMessage")).hasSize(1);
	}

	private static String tsAnsweredTo(String firstBlockText) {
		for (ServeEvent event : SlackStub.server().getAllServeEvents()) {
			if (event.getRequest().getUrl().equals("/api/chat.postMessage")
					&& java.net.URLDecoder.decode(event.getRequest().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8)
						.contains("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + firstBlockText + "\"")) {
				return JSON.readTree(event.getResponse().getBodyAsString()).get("ts").asString();
			}
		}
		throw new AssertionError("No chat.postMessage with " + firstBlockText);
	}
}
