package org.fieldnotes.slack.listeners.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.SlackInteractions.selected;
import static org.fieldnotes.support.SlackInteractions.text;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Status updates over /slack/events: {@code /fieldnotes status} and the status-check prompt's button open the
 * modal; its submission is stored once (the admin API lists it), a missing field keeps the modal open with an
 * error on that field, and the weekly status check counts as answered.
 */
class StatusUpdateTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private String enrolInSwedish() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		return json(postJson("/api/v1/placements", body).body()).get("id").asString();
	}

	private static JsonNode openedView() {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == 1);
		return JSON.readTree(SlackStub.calls("views.open").get(0).get("view"));
	}

	private static JsonNode block(JsonNode view, String blockId) {
		for (JsonNode block : view.get("blocks")) {
			if (block.has("block_id") && block.get("block_id").asString().equals(blockId)) {
				return block;
			}
		}
		throw new AssertionError("no block " + blockId);
	}

	private HttpResponse<String> submit(String viewId, String occurrenceId, String status, String progress,
			String blockers, String mood) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("status", Map.of("choice", selected("radio_buttons", status)));
		values.put("progress", Map.of("text", text(progress)));
		values.put("blockers", Map.of("text", text(blockers)));
		values.put("mood", Map.of("choice", selected("static_select", mood)));
		return slackEvent(SlackInteractions.viewSubmission(ADA, viewId, "status_update", occurrenceId, values),
				SlackInteractions.FORM);
	}

	private JsonNode statusUpdates(String placementId) {
		HttpResponse<String> response = get("/api/v1/placements/" + placementId + "/status-updates");
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response.body());
	}

	@Test
	void theStatusCommandOpensTheModalWithTheCommandsTriggerId() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> ack = slashCommand(ADA, "status");

		assertThat(ack.statusCode()).isEqualTo(200);
		JsonNode view = openedView();
		assertThat(SlackStub.calls("views.open").get(0)).containsEntry("trigger_id", "1.2.3");
		assertThat(view.get("callback_id").asString()).isEqualTo("status_update");
		assertThat(view.get("private_metadata").asString()).isEmpty();
		assertThat(view.get("title").get("text").asString()).isEqualTo("Status update");
		JsonNode status = block(view, "status").get("element");
		assertThat(status.get("type").asString()).isEqualTo("radio_buttons");
		assertThat(status.get("options")).extracting(o -> o.get("value").asString()).containsExactly("GREEN", "AMBER", "RED");
		assertThat(status.get("options").get(0).get("text").get("text").asString()).startsWith("🟢");
		assertThat(status.get("options").get(1).get("text").get("text").asString()).startsWith("🟠");
		assertThat(status.get("options").get(2).get("text").get("text").asString()).startsWith("🔴");
		assertThat(block(view, "progress").get("element").get("type").asString()).isEqualTo("plain_text_input");
		assertThat(block(view, "blockers").get("optional").asBoolean()).isTrue();
		assertThat(block(view, "blockers").get("element").get("multiline").asBoolean()).isTrue();
		JsonNode mood = block(view, "mood").get("element");
		assertThat(mood.get("type").asString()).isEqualTo("static_select");
		assertThat(mood.get("options")).extracting(o -> o.get("value").asString()).containsExactly("5", "4", "3", "2", "1");
	}

	@Test
	void theModalIsInSwedishForASwedishParticipant() {
		enrolInSwedish();

		slashCommand(ADA, "status");

		JsonNode view = openedView();
		assertThat(view.get("title").get("text").asString()).isEqualTo("Statusuppdatering");
		assertThat(block(view, "status").get("label").get("text").asString()).isEqualTo("Hur går placeringen överlag?");
		assertThat(view.get("submit").get("text").asString()).isEqualTo("Spara");
	}

	@Test
	void someoneNotEnrolledIsToldSoAndNoModalOpens() {
		HttpResponse<String> ack = slashCommand("USTRANGER", "status");

		assertThat(json(ack.body()).get("text").asString()).contains("not enrolled");
		assertThat(SlackStub.calls("views.open")).isEmpty();
	}

	@Test
	void aSubmittedStatusUpdateIsStoredOnceAndConfirmed() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> ack = submit("V200", "", "AMBER", "Bench test planned <!here>", "Waiting on brackets", "3");
		submit("V200", "", "AMBER", "Bench test planned <!here>", "Waiting on brackets", "3");

		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).doesNotContain("errors");
		JsonNode updates = statusUpdates(placementId);
		assertThat(updates).hasSize(1);
		assertThat(updates.get(0).get("status").asString()).isEqualTo("AMBER");
		assertThat(updates.get(0).get("progress").asString()).isEqualTo("Bench test planned <!here>");
		assertThat(updates.get(0).get("blockers").asString()).isEqualTo("Waiting on brackets");
		assertThat(updates.get(0).get("mood").asInt()).isEqualTo(3);
		assertThat(updates.get(0).get("authorSlackUserId").asString()).isEqualTo(ADA);
		assertThat(updates.get(0).get("promptOccurrenceId").isNull()).isTrue();
		assertThat(updates.get(0).get("createdAt").asString()).isEqualTo("2026-12-02T10:00:00Z");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(0))).isEqualTo("✅ Saved to your logbook\n"
				+ "Who can see this: 👥 Your coaches — your academic coach and your business coach (in their weekly digest); "
				+ "programme coordinators can read it too\nChange who can see it:\n🔒 Only you\n🏢 Coaches and manager\n"
				+ "🤫 Academic coach only");
	}

	@Test
	void missingFieldsKeepTheModalOpenWithAnErrorOnEachInTheParticipantsLanguage() {
		String placementId = enrolInSwedish();

		JsonNode ack = json(submit("V201", "", null, "  ", null, null).body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("status").asString()).isEqualTo("Välj hur placeringen går.");
		assertThat(ack.get("errors").get("progress").asString()).isEqualTo("Skriv en mening om hur det går.");
		assertThat(ack.get("errors").get("mood").asString()).isEqualTo("Välj hur du mår.");
		assertThat(ack.get("errors").has("blockers")).isFalse();
		assertThat(statusUpdates(placementId)).isEmpty();
	}

	@Test
	void theStatusCheckPromptOpensTheStatusModalAndSubmittingItAnswersThePrompt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = json(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").body())
			.get("occurrenceId").asString();

		slackEvent(SlackInteractions.buttonPress(ADA, "prompt_status", occurrenceId, "DUADA", "1764669600.000500"),
				SlackInteractions.FORM);

		JsonNode view = openedView();
		assertThat(view.get("callback_id").asString()).isEqualTo("status_update");
		assertThat(view.get("private_metadata").asString()).isEqualTo(occurrenceId);

		submit("V202", occurrenceId, "GREEN", "All good", "", "4");

		JsonNode updates = statusUpdates(placementId);
		assertThat(updates).hasSize(1);
		assertThat(updates.get(0).get("promptOccurrenceId").asString()).isEqualTo(occurrenceId);
		assertThat(updates.get(0).get("blockers").isNull()).isTrue();
		assertThat(mongo.findById(occurrenceId, org.bson.Document.class, "prompt_occurrences").get("answeredAt"))
			.isNotNull();
	}

	@Test
	void statusUpdatesOfAnUnknownPlacementAreNotFound() {
		assertThat(get("/api/v1/placements/nope/status-updates").statusCode()).isEqualTo(404);
	}
}
