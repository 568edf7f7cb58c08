package org.fieldnotes.slack.listeners.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The App Home's buttons and entry menus over /slack/events, and the forms they open: write an entry, edit or
 * delete one's own entry (after a confirmation), with the Home published afresh after each change.
 */
class HomeActionsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private static JsonNode openedView() {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == 1);
		return JSON.readTree(SlackStub.calls("views.open").get(0).get("view"));
	}

	private HttpResponse<String> submitEntry(String userId, String viewId, String callbackId, String metadata, String text) {
		return slackEvent(SlackInteractions.viewSubmission(userId, viewId, callbackId, metadata,
				Map.of("entry", Map.of("text", SlackInteractions.text(text)))), SlackInteractions.FORM);
	}

	private JsonNode entries(String placementId) {
		return json(get("/api/v1/placements/" + placementId + "/entries?includeDeleted=true").body());
	}

	private void awaitHomePublished() {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() == 1);
		assertThat(SlackStub.calls("views.publish").get(0)).containsEntry("user_id", ADA);
	}

	@Test
	void writeAnEntryOpensAModalAndItsSubmissionIsStoredOnceAsFreeForm() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		slackEvent(SlackInteractions.homeButton(ADA, "home_write", placementId), SlackInteractions.FORM);
		JsonNode view = openedView();
		assertThat(view.get("callback_id").asString()).isEqualTo("entry_write");
		assertThat(view.get("title").get("text").asString()).isEqualTo("New entry");
		assertThat(view.get("blocks").get(0).get("element").get("multiline").asBoolean()).isTrue();

		assertThat(submitEntry(ADA, "V400", "entry_write", "", "Learned how design reviews run").body())
			.doesNotContain("errors");
		submitEntry(ADA, "V400", "entry_write", "", "Learned how design reviews run");

		JsonNode entries = entries(placementId);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("source").asString()).isEqualTo("FREE_FORM");
		assertThat(entries.get(0).get("text").asString()).isEqualTo("Learned how design reviews run");
		awaitHomePublished();
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 1);
	}

	@Test
	void anEmptyEntryKeepsTheModalOpen() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		JsonNode ack = json(submitEntry(ADA, "V401", "entry_write", "", "   ").body());

		assertThat(ack.get("errors").get("entry").asString()).isEqualTo("Write something before saving.");
	}

	@Test
	void theStatusButtonOpensTheStatusModal() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		slackEvent(SlackInteractions.homeButton(ADA, "home_status", placementId), SlackInteractions.FORM);

		assertThat(openedView().get("callback_id").asString()).isEqualTo("status_update");
	}

	@Test
	void editOpensAPrefilledModalAndSavingItChangesTheTextAndSetsEditedAt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "First draft <b>", null);
		String entryId = entries(placementId).get(0).get("id").asString();

		slackEvent(SlackInteractions.overflowChoice(ADA, "home_entry_menu", "edit:" + entryId), SlackInteractions.FORM);
		JsonNode view = openedView();
		assertThat(view.get("callback_id").asString()).isEqualTo("entry_edit");
		assertThat(view.get("private_metadata").asString()).isEqualTo(entryId);
		assertThat(view.get("blocks").get(0).get("element").get("initial_value").asString()).isEqualTo("First draft <b>");

		clock.advance(Duration.ofMinutes(5));
		submitEntry(ADA, "V402", "entry_edit", entryId, "Second draft");

		JsonNode entry = entries(placementId).get(0);
		assertThat(entry.get("text").asString()).isEqualTo("Second draft");
		assertThat(entry.get("editedAt").asString()).isEqualTo("2026-12-02T10:05:00Z");
		awaitHomePublished();
	}

	@Test
	void deleteAsksFirstThenMarksTheEntryDeleted() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Not worth keeping", null);
		String entryId = entries(placementId).get(0).get("id").asString();

		slackEvent(SlackInteractions.overflowChoice(ADA, "home_entry_menu", "delete:" + entryId), SlackInteractions.FORM);
		JsonNode view = openedView();
		assertThat(view.get("callback_id").asString()).isEqualTo("entry_delete");
		assertThat(view.get("submit").get("text").asString()).isEqualTo("Delete");
		assertThat(view.get("blocks").get(0).get("text").get("text").asString()).contains("“Not worth keeping”");
		assertThat(entries(placementId).get(0).get("deletedAt").isNull()).isTrue();

		slackEvent(SlackInteractions.viewSubmission(ADA, "V403", "entry_delete", entryId, Map.of()), SlackInteractions.FORM);

		assertThat(entries(placementId).get(0).get("deletedAt").asString()).isEqualTo("2026-12-02T10:00:00Z");
		awaitHomePublished();
	}

	@Test
	void onlyTheAuthorCanEditOrDeleteAnEntry() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Mine", null);
		String entryId = entries(placementId).get(0).get("id").asString();

		slackEvent(SlackInteractions.overflowChoice("UMALLORY", "home_entry_menu", "edit:" + entryId), SlackInteractions.FORM);
		JsonNode ack = json(submitEntry("UMALLORY", "V404", "entry_edit", entryId, "Not mine").body());
		slackEvent(SlackInteractions.viewSubmission("UMALLORY", "V405", "entry_delete", entryId, Map.of()),
				SlackInteractions.FORM);

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() >= 1);
		assertThat(SlackStub.calls("views.open")).isEmpty();
		JsonNode entry = entries(placementId).get(0);
		assertThat(entry.get("text").asString()).isEqualTo("Mine");
		assertThat(entry.get("deletedAt").isNull()).isTrue();
	}
}
