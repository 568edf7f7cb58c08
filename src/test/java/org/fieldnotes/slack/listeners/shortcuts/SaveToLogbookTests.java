package org.fieldnotes.slack.listeners.shortcuts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The "Save to logbook" message shortcut over /slack/events: the message becomes a free-form entry with a link
 * back to it, once per message; the answer is ephemeral, through the shortcut's response URL.
 */
class SaveToLogbookTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String RESPONSE_URL = "/api/response/T1/2/y";

	@BeforeEach
	void responseUrl() {
		SlackStub.server().stubFor(post(urlEqualTo(RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
	}

	private void shortcut(String userId, String text) {
		assertThat(slackEvent(SlackInteractions.messageShortcut(userId, "save_to_logbook", "C0GENERAL",
				"1764669600.000700", text), SlackInteractions.FORM).statusCode()).isEqualTo(200);
	}

	private static List<JsonNode> responses(int count) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).size() == count);
		return SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).stream()
			.map(r -> JSON.readTree(r.getBodyAsString())).toList();
	}

	@Test
	void aMessageIsSavedOnceWithALinkBackAndConfirmedEphemerally() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		shortcut(ADA, "Design review moved to Thursday &lt;3 &amp; <@U123>");
		responses(1);
		shortcut(ADA, "Design review moved to Thursday &lt;3 &amp; <@U123>");

		List<JsonNode> answers = responses(2);
		assertThat(answers.get(0).get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(answers.get(0).get("text").asString()).isEqualTo("✅ Saved to your logbook, with a link back to the message.");
		assertThat(answers.get(1).get("text").asString()).isEqualTo("That message is already in your logbook.");
		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("text").asString()).isEqualTo("Design review moved to Thursday <3 & <@U123>");
		assertThat(entries.get(0).get("source").asString()).isEqualTo("FREE_FORM");
		assertThat(entries.get(0).get("channel").asString()).isEqualTo("C0GENERAL");
		assertThat(entries.get(0).get("ts").asString()).isEqualTo("1764669600.000700");
		assertThat(entries.get(0).get("link").asString()).isEqualTo("https://test.slack.com/archives/D1/p1700000000000100");
		assertThat(SlackStub.calls("chat.getPermalink").get(0)).containsEntry("channel", "C0GENERAL")
			.containsEntry("message_ts", "1764669600.000700");
	}

	@Test
	void someoneNotEnrolledIsToldWhyInTheirLanguage() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		postJson("/api/v1/placements", body);

		shortcut("USTRANGER", "Something");
		assertThat(responses(1).get(0).get("text").asString()).contains("not enrolled");
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();

		// and a Swedish participant is confirmed in Swedish
		shortcut(ADA, "Något att minnas");
		assertThat(responses(2).get(1).get("text").asString()).isEqualTo("✅ Sparat i din loggbok, med en länk tillbaka till meddelandet.");
	}
}
