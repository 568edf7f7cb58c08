package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.fieldnotes.support.GoldenFiles;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Golden output of the messages a participant gets from the prompt schedule, as Slack receives them
 * ({@code chat.postMessage}, and {@code chat.update} for what a button turns a prompt into): the weekly status
 * check, a reminder, a reflection, "snoozed until", the snoozed prompt coming back, "skipped", and the note after the
 * end of the placement. The feature tests of prompting look at these messages through the chat port, as neutral
 * models; this is where their Slack form is held. See {@link GoldenFiles} to rewrite the files on purpose.
 */
class PromptMessagesGoldenTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	Reminders reminders;

	@Autowired
	PromptResponses responses;

	@Test
	void thePromptsTheirRemindersAndWhatBecomesOfThem() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2026-12-04T13:00:00Z"));
		scheduler.fire(placementId); // the weekly status check
		GoldenFiles.compare("message.prompt.statusCheck", GoldenFiles.lastMessageTo(ADA));
		clock.set(Instant.parse("2026-12-07T07:00:00Z"));
		reminders.run();
		GoldenFiles.compare("message.reminder", GoldenFiles.lastMessageTo(ADA));

		clock.set(Instant.parse("2026-12-08T09:00:00Z"));
		String occurrenceId = sendPrompt(placementId); // a reflection
		GoldenFiles.compare("message.prompt.reflection", GoldenFiles.lastMessageTo(ADA));
		slackEvent(SlackInteractions.buttonPress(ADA, "prompt_snooze", occurrenceId, "DUADA", "1764669600.000500"),
				SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.update").size() == 1);
		GoldenFiles.compare("update.prompt.snoozed", GoldenFiles.message(SlackStub.calls("chat.update").get(0)));
		clock.advance(Duration.ofHours(2));
		responses.resendSnoozed(occurrenceId);
		GoldenFiles.compare("message.prompt.snoozedAgain", GoldenFiles.lastMessageTo(ADA));
		slackEvent(SlackInteractions.buttonPress(ADA, "prompt_skip", occurrenceId, "DUADA", "1764669600.000600"),
				SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.update").size() == 2);
		GoldenFiles.compare("update.prompt.skipped", GoldenFiles.message(SlackStub.calls("chat.update").get(1)));

		clock.set(Instant.parse("2026-12-14T13:00:00Z"));
		scheduler.fire(placementId);
		GoldenFiles.compare("message.placementEnded", GoldenFiles.lastMessageTo(ADA));
	}

	private String sendPrompt(String placementId) {
		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		assertThat(sent.statusCode()).isEqualTo(202);
		return json(sent.body()).get("occurrenceId").asString();
	}
}
