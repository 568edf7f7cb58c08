package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of everything Slack can send in: slash-command text, Events API bodies and interactivity payloads,
 * each signed as Slack signs it (so the input reaches the handlers) and answered without a 5xx.
 *
 * <p>In a normal build ({@code ./mvnw verify}) Jazzer runs each target once per seed in
 * {@code src/test/resources/org/fieldnotes/slack/InboundFuzzTestsInputs/<target>/} (regression mode). To fuzz for real,
 * run one target at a time: {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=none -DfuzzTests='InboundFuzzTests#slashCommandText'}; a crashing
 * input is saved next to the seeds and then replays in every build.
 */
@Tag("fuzz")
class InboundFuzzTests extends IntegrationTest {

	@BeforeEach
	void someoneIsEnrolled() {
		if (mongo.getCollection("placements").countDocuments() == 0) {
			enrol("UADA", "2026-11-02", "2027-04-30");
		}
	}

	@FuzzTest(maxDuration = "60s")
	void slashCommandText(FuzzedDataProvider data) {
		String user = data.pickValue(new String[] { "UADA", "UADMIN1", "UMAJA", "USTRANGER" });
		HttpResponse<String> response = slashCommand(user, data.consumeRemainingAsString());
		assertThat(response.statusCode()).as(response.body()).isLessThan(500);
	}

	@FuzzTest(maxDuration = "60s")
	void eventsApiBody(FuzzedDataProvider data) {
		String body;
		switch (data.consumeInt(0, 2)) {
			case 0:
				// a direct message with fuzzed text, user, channel and thread
				body = SlackRequests.directMessage("Ev" + data.consumeInt(), data.consumeString(12),
						data.consumeString(12), data.consumeString(20), data.consumeString(2000),
						data.consumeBoolean() ? data.consumeString(20) : null);
				break;
			case 1:
				// a message with a fuzzed subtype and fields
				body = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"subtype\":"
						+ quote(data.consumeString(20)) + ",\"channel\":" + quote(data.consumeString(12)) + ",\"user\":"
						+ quote(data.consumeString(12)) + ",\"text\":" + quote(data.consumeString(500)) + "}}";
				break;
			default:
				// anything at all
				body = data.consumeRemainingAsString();
		}
		HttpResponse<String> response = slackEvent(body, "application/json");
		assertThat(response.statusCode()).as(response.body()).isLessThan(500);
	}

	@FuzzTest(maxDuration = "60s")
	void interactivityPayload(FuzzedDataProvider data) {
		String payload = data.consumeBoolean()
				? "{\"type\":" + quote(data.pickValue(new String[] { "block_actions", "view_submission", "shortcut",
						"message_action", "view_closed", "block_suggestion" })) + ",\"user\":{\"id\":"
						+ quote(data.pickValue(new String[] { "UADA", "UADMIN1", "UANDERS" })) + "},\"actions\":[{\"action_id\":"
						+ quote(data.consumeString(40)) + ",\"value\":" + quote(data.consumeString(200)) + "}],\"view\":{\"callback_id\":"
						+ quote(data.consumeString(40)) + ",\"private_metadata\":" + quote(data.consumeString(200)) + "}}"
				: data.consumeRemainingAsString();
		HttpResponse<String> response = slackEvent("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
				"application/x-www-form-urlencoded");
		assertThat(response.statusCode()).as(response.body()).isLessThan(500);
	}

	private static String quote(String text) {
		return JSON.writeValueAsString(text);
	}
}
