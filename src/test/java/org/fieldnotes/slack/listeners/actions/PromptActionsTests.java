package org.fieldnotes.slack.listeners.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A prompt's buttons over /slack/events, signed as Slack signs them: the prompt DM carries them, each press is
 * acknowledged at once, and the form, the snooze and the skip follow after the ack.
 *
 * <p>The placement starts 2 November 2026; the first prompt sent is weekly-status-check (4 December), the second
 * weekly-gibbs (11 December), a reflection with four questions.
 */
class PromptActionsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private String sendPrompt(String placementId) {
		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		assertThat(sent.statusCode()).isEqualTo(202);
		return json(sent.body()).get("occurrenceId").asString();
	}

	private String reflectionPrompt(String placementId) {
		sendPrompt(placementId);
		return sendPrompt(placementId);
	}

	private HttpResponse<String> press(String userId, String actionId, String occurrenceId) {
		return slackEvent(SlackInteractions.buttonPress(userId, actionId, occurrenceId, "D" + ADA, "1764669600.000500"),
				SlackInteractions.FORM);
	}

	private static JsonNode buttons(Map<String, String> message) {
		for (JsonNode block : JSON.readTree(message.get("blocks"))) {
			if (block.get("type").asString().equals("actions")) {
				return block.get("elements");
			}
		}
		throw new AssertionError("no buttons in " + message.get("blocks"));
	}

	private static JsonNode openedView() {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == 1);
		Map<String, String> call = SlackStub.calls("views.open").get(0);
		assertThat(call.get("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
		return JSON.readTree(call.get("view"));
	}

	/** The labels of the question fields (the last input, "Who can see this", is not a question). */
	private static List<String> labels(JsonNode view) {
		List<String> labels = new ArrayList<>();
		for (JsonNode block : view.get("blocks")) {
			if (block.get("type").asString().equals("input") && !block.get("block_id").asString().equals("visibility")) {
				labels.add(block.get("label").get("text").asString());
			}
		}
		return labels;
	}

	@Test
	void aReflectionPromptHasWriteSnoozeAndSkipButtonsActingOnItsOccurrence() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		Map<String, String> prompt = SlackStub.messagesTo(ADA).get(1);
		JsonNode buttons = buttons(prompt);
		assertThat(buttons).hasSize(3);
		assertThat(buttons.get(0).get("action_id").asString()).isEqualTo("prompt_write");
		assertThat(buttons.get(0).get("text").get("text").asString()).isEqualTo("Write reflection");
		assertThat(buttons.get(0).get("style").asString()).isEqualTo("primary");
		assertThat(buttons.get(1).get("action_id").asString()).isEqualTo("prompt_snooze");
		assertThat(buttons.get(1).get("text").get("text").asString()).isEqualTo("Snooze 2 h");
		assertThat(buttons.get(2).get("action_id").asString()).isEqualTo("prompt_skip");
		assertThat(buttons.get(2).get("text").get("text").asString()).isEqualTo("Skip this week");
		for (JsonNode button : buttons) {
			assertThat(button.get("value").asString()).isEqualTo(occurrenceId);
		}
		// the context line and the "reply here" line stay; the prompt due Friday 11 Dec (week 6) is sent early, on
		// Wednesday 2 Dec, and names the week of that day, as the Home and the digests do (OneWeekEverywhereTests)
		assertThat(SlackStub.blockTexts(prompt)).contains("Week 5 of 26 at Scania").contains("Reply here");
	}

	@Test
	void theStatusCheckPromptsPrimaryButtonIsStatusUpdate() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		sendPrompt(placementId);

		JsonNode buttons = buttons(SlackStub.messagesTo(ADA).get(0));
		assertThat(buttons.get(0).get("action_id").asString()).isEqualTo("prompt_status");
		assertThat(buttons.get(0).get("text").get("text").asString()).isEqualTo("Status update");
	}

	@Test
	void writeReflectionOpensAModalWithOneFieldPerQuestion() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		HttpResponse<String> ack = press(ADA, "prompt_write", occurrenceId);

		assertThat(ack.statusCode()).isEqualTo(200);
		JsonNode view = openedView();
		assertThat(view.get("type").asString()).isEqualTo("modal");
		assertThat(view.get("callback_id").asString()).isEqualTo("prompt_answer");
		assertThat(view.get("private_metadata").asString()).isEqualTo(occurrenceId);
		assertThat(view.get("title").get("text").asString()).isEqualTo("Your reflection");
		assertThat(view.get("submit").get("text").asString()).isEqualTo("Save");
		List<String> labels = labels(view);
		assertThat(labels).hasSize(4);
		assertThat(labels.get(0)).startsWith("Description — ");
		JsonNode blocks = view.get("blocks");
		assertThat(blocks.get(blocks.size() - 1).get("block_id").asString()).isEqualTo("visibility");
		assertThat(blocks.get(blocks.size() - 1).get("element").get("type").asString()).isEqualTo("static_select");
		for (JsonNode block : blocks) {
			if (block.get("type").asString().equals("input") && !block.get("block_id").asString().equals("visibility")) {
				assertThat(block.get("element").get("type").asString()).isEqualTo("plain_text_input");
				assertThat(block.get("element").get("multiline").asBoolean()).isTrue();
			}
		}
	}

	@Test
	void theModalIsInSwedishForASwedishParticipant() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		String placementId = json(postJson("/api/v1/placements", body).body()).get("id").asString();
		String occurrenceId = reflectionPrompt(placementId);

		JsonNode buttons = buttons(SlackStub.messagesTo(ADA).get(1));
		assertThat(buttons.get(0).get("text").get("text").asString()).isEqualTo("Skriv reflektion");
		assertThat(buttons.get(1).get("text").get("text").asString()).isEqualTo("Påminn om 2 h");
		assertThat(buttons.get(2).get("text").get("text").asString()).isEqualTo("Hoppa över veckan");

		press(ADA, "prompt_write", occurrenceId);

		JsonNode view = openedView();
		assertThat(view.get("title").get("text").asString()).isEqualTo("Din reflektion");
		assertThat(view.get("submit").get("text").asString()).isEqualTo("Spara");
		assertThat(labels(view).get(0)).startsWith("Beskrivning — ");
	}

	@Test
	void someoneElsePressingThePromptGetsAnEphemeralNotYoursAndNothingChanges() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		assertThat(press("UMALLORY", "prompt_skip", occurrenceId).statusCode()).isEqualTo(200);
		press("UMALLORY", "prompt_write", occurrenceId);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 2);
		assertThat(SlackStub.calls("chat.postEphemeral")).allSatisfy(call -> {
			assertThat(call).containsEntry("user", "UMALLORY");
			assertThat(call.get("text")).isEqualTo("This prompt isn't yours, so I can't do anything with it.");
		});
		assertThat(SlackStub.calls("views.open")).isEmpty();
		assertThat(SlackStub.calls("chat.update")).isEmpty();
		assertThat(json(get("/api/v1/placements/" + placementId).body()).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(mongo.findById(occurrenceId, org.bson.Document.class, "prompt_occurrences").getString("status"))
			.isEqualTo("SENT");
	}

	@Test
	void skipMarksThePromptSkippedAndReplacesTheMessageWithoutButtons() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		assertThat(press(ADA, "prompt_skip", occurrenceId).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.update").size() == 1);
		Map<String, String> update = SlackStub.calls("chat.update").get(0);
		assertThat(update).containsEntry("channel", "D" + ADA).containsEntry("ts", "1764669600.000500");
		assertThat(SlackStub.blockTexts(update)).isEqualTo("Skipped — see you next week.");
		assertThat(update.get("blocks")).doesNotContain("\"actions\"");
		assertThat(mongo.findById(occurrenceId, org.bson.Document.class, "prompt_occurrences").getString("status"))
			.isEqualTo("SKIPPED");

		// pressing it again changes nothing and says so
		press(ADA, "prompt_skip", occurrenceId);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		assertThat(SlackStub.calls("chat.update")).hasSize(1);
	}

	@Test
	void anAnsweredPromptCannotBeSkipped() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);
		directMessage("Ev1", ADA, "1764669600.000100", "Answered by DM", null);
		// the answer turns the prompt into "✓ Answered", without its buttons
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.update").size() == 1);
		assertThat(SlackStub.calls("chat.update").get(0).get("text")).endsWith("✓ Answered: saved to your logbook.");
		assertThat(SlackStub.calls("chat.update").get(0).get("blocks")).doesNotContain("\"actions\"");

		press(ADA, "prompt_skip", occurrenceId);

		// one ephemeral says who can see the DM entry, the other that the prompt is closed
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 2);
		assertThat(SlackStub.calls("chat.postEphemeral")).extracting(c -> c.get("text"))
			.anySatisfy(text -> assertThat(text).startsWith("This prompt is already closed"));
		assertThat(SlackStub.calls("chat.update")).as("the skip changes nothing").hasSize(1);
		assertThat(mongo.findById(occurrenceId, org.bson.Document.class, "prompt_occurrences").getString("status"))
			.isEqualTo("SENT");
	}

	@Test
	void snoozeSetsSnoozedUntilInTwoHoursAndSaysWhenInTheParticipantsTime() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		press(ADA, "prompt_snooze", occurrenceId);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.update").size() == 1);
		// 10:00Z + 2 h = 13:00 in Stockholm
		assertThat(SlackStub.blockTexts(SlackStub.calls("chat.update").get(0)))
			.isEqualTo("⏰ Snoozed until 13:00. I'll bring this prompt back then.");
		assertThat(mongo.findById(occurrenceId, org.bson.Document.class, "prompt_occurrences").getDate("snoozedUntil")
			.toInstant()).isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
	}
}
