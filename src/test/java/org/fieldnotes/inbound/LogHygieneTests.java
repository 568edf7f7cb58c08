package org.fieldnotes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * The core loop end to end (enrol, prompt, DM reply, a logged entry, a status update, the digests, a coach's reply),
 * with our own loggers at DEBUG: none of the secrets the run used, nor any word anyone wrote, appears in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String REPLY_TEXT = "Shadowed the torque test team, learnt calibration steps";
	private static final String LOGGED_TEXT = "Drafted the supplier risk memo alone";
	private static final String PROGRESS = "Prototype bracket passed the fatigue run";
	private static final String BLOCKER = "Still waiting for the cleanroom badge";
	private static final String COACH_REPLY = "Lovely work on the calibration, keep notes";

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void ourLoggersAtDebug() {
		logging.setLogLevel("org.fieldnotes", LogLevel.DEBUG);
	}

	@AfterEach
	void ourLoggersAsConfigured() {
		logging.setLogLevel("org.fieldnotes", null);
	}

	@Test
	void noSecretAndNoWordAnyoneWroteIsLogged(CapturedOutput output) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").statusCode()).isEqualTo(202);

		// Ada answers the prompt, Slack retries it, she logs an entry and sends a status update
		assertThat(directMessage("EvH1", ADA, "1764669600.000100", REPLY_TEXT, null).statusCode()).isEqualTo(200);
		assertThat(directMessage("EvH1", ADA, "1764669600.000100", REPLY_TEXT, null, "X-Slack-Retry-Num", "1")
			.statusCode()).isEqualTo(200);
		assertThat(slashCommand(ADA, "log " + LOGGED_TEXT).statusCode()).isEqualTo(200);
		Map<String, Map<String, JsonNode>> status = new LinkedHashMap<>();
		status.put("status", Map.of("choice", SlackInteractions.selected("radio_buttons", "AMBER")));
		status.put("progress", Map.of("text", SlackInteractions.text(PROGRESS)));
		status.put("blockers", Map.of("text", SlackInteractions.text(BLOCKER)));
		status.put("mood", Map.of("choice", SlackInteractions.selected("static_select", "3")));
		assertThat(slackEvent(SlackInteractions.viewSubmission(ADA, "VH1", "status_update", "", status),
				SlackInteractions.FORM).statusCode()).isEqualTo(200);
		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		assertThat(entries).hasSize(2);
		assertThat(mongo.getCollection("status_updates").countDocuments()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("reactions.add").size() == 1);

		// the digests go out, quoting the entries; the business coach replies to one
		clock.advance(Duration.ofDays(1));
		assertThat(json(postJson("/api/v1/digests/send", "").body()).get("handled").asInt()).isEqualTo(3);
		drainOutbox();
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).contains(REPLY_TEXT);
		String entryId = entries.get(0).get("id").asString();
		HttpResponse<String> reply = slackEvent(SlackInteractions.viewSubmission("UBEATA", "VH2", "entry_reply", entryId,
				Map.of("reply", Map.of("text", SlackInteractions.text(COACH_REPLY)))), SlackInteractions.FORM);
		assertThat(reply.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> mongo.getCollection("entry_responses").countDocuments() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).stream()
			.anyMatch(dm -> SlackStub.blockTexts(dm).contains(COACH_REPLY)));

		String log = output.getAll();
		assertThat(log).as("the run logged what it did").contains("Logbook entry").contains(placementId);
		for (String secret : List.of(SlackRequests.SIGNING_SECRET, "xoxb-test-token", ADMIN_TOKEN)) {
			assertThat(log).as("a secret in the log").doesNotContain(secret);
		}
		for (String words : List.of(REPLY_TEXT, LOGGED_TEXT, PROGRESS, BLOCKER, COACH_REPLY)) {
			assertThat(log).as("someone's words in the log").doesNotContain(words);
		}
	}
}
