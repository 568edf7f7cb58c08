package org.fieldnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The whole loop over HTTP, black-box: enrol through the admin API, send the prompt, reply by DM (and have Slack
 * retry and redeliver it), send the digests, and read what each coach's DM says.
 */
class CoreLoopEndToEndTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Test
	void promptReplyLogbookDigest() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		// The prompt goes to Ada's DM.
		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		assertThat(sent.statusCode()).isEqualTo(202);
		JsonNode delivery = json(sent.body());
		assertThat(delivery.get("status").asString()).isEqualTo("SENT");
		List<Map<String, String>> prompts = SlackStub.messagesTo(ADA);
		assertThat(prompts).hasSize(1);
		assertThat(SlackStub.blockTexts(prompts.get(0))).contains("Hi Ada").contains("Week 5 of 26 at Scania");

		// Ada shares her entries with the whole placement (coaches and manager; the default is the coaches only).
		assertThat(slashCommand(ADA, "visibility placement").statusCode()).isEqualTo(200);

		// Ada replies; Slack retries the same event and redelivers it under another event id.
		String reply = "Mapped the composite supplier chain <!channel> ${7*7} #{7*7} [[${7*7}]] <https://evil.example|Scania intranet>";
		assertThat(directMessage("Ev1", ADA, "1764669600.000100", reply, null).statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev1", ADA, "1764669600.000100", reply, null, "X-Slack-Retry-Num", "1",
				"X-Slack-Retry-Reason", "http_timeout").statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev2", ADA, "1764669600.000100", reply, null).statusCode()).isEqualTo(200);

		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("text").asString()).isEqualTo(reply);
		assertThat(entries.get(0).get("source").asString()).isEqualTo("PROMPT_REPLY");
		assertThat(entries.get(0).get("promptOccurrenceId").asString()).isEqualTo(delivery.get("occurrenceId").asString());
		assertThat(entries.get(0).get("createdAt").asString()).isNotBlank();
		assertThat(entries.get(0).get("id").asString()).isNotBlank();
		// Confirmed once with a reaction, after the ack.
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("reactions.add").size() == 1);
		assertThat(SlackStub.calls("reactions.add").get(0)).containsEntry("timestamp", "1764669600.000100")
			.containsEntry("name", "white_check_mark");

		// A day later the digests go out: one DM per manager and coach.
		clock.advance(Duration.ofDays(1));
		HttpResponse<String> digests = postJson("/api/v1/digests/send", "");
		assertThat(digests.statusCode()).isEqualTo(202);
		assertThat(json(digests.body()).get("handled").asInt()).isEqualTo(3);
		// the request only queued them: the outbox's worker delivers them
		assertThat(drainOutbox()).isEqualTo(3);
		for (String coach : List.of("UANDERS", "UBEATA")) {
			List<Map<String, String>> dms = SlackStub.messagesTo(coach);
			assertThat(dms).as("digest DMs to %s", coach).hasSize(1);
			String blocks = SlackStub.blockTexts(dms.get(0));
			assertThat(blocks).contains("Ada Lindqvist").contains("Scania").contains("Mapped the composite supplier chain");
			// escaped: cannot ping or disguise a link; never evaluated as a template
			assertThat(blocks).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
			assertThat(blocks).contains("&lt;https://evil.example|Scania intranet&gt;");
			assertThat(blocks).contains(">Mapped the composite supplier chain &lt;!channel&gt; ${7*7} #{7*7} [[${7*7}]] "
					+ "&lt;https://evil.example|Scania intranet&gt;");
			assertThat(dms.get(0).get("text")).doesNotContain("<!");
		}
		// Language: the academic coach asked for Swedish.
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UANDERS").get(0))).contains("Dina placeringar den här veckan")
			.contains("besvarad");
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).contains("Prompts answered: 1 of 1");
		// The manager gets one line per placement (facts), then the entry only because it was shared with the whole
		// placement: escaped and unevaluated like everywhere else.
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UMAJA").get(0))).contains("Ada Lindqvist")
			.contains("Scania")
			.contains("prompts answered 1 of 1 this week")
			.contains("Ada Lindqvist shared an entry with you")
			.contains(">Mapped the composite supplier chain &lt;!channel&gt; ${7*7}")
			.doesNotContain("<!channel>")
			.doesNotContain("&gt; 49");

		// Asking again the same week sends nothing more.
		assertThat(json(postJson("/api/v1/digests/send", "").body()).get("handled").asInt()).isZero();
		assertThat(drainOutbox()).isZero();
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
	}

	@Test
	void aStrangersDirectMessageIsNotStoredButAnsweredPolitely() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(directMessage("Ev9", "USTRANGER", "1764669700.000200", "hello, is this the logbook?", null)
			.statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("USTRANGER").size() == 1);
		assertThat(SlackStub.messagesTo("USTRANGER").get(0).get("text")).contains("not enrolled");
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).isEmpty();
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
	}
}
