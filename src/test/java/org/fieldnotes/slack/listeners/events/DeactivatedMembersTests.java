package org.fieldnotes.slack.listeners.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.ObjectNode;

/** A participant deactivated in Slack gets no more prompts: {@code user_change} with {@code deleted: true}. */
class DeactivatedMembersTests extends IntegrationTest {

	@Autowired
	PlacementManagement placements;

	@Autowired
	PromptDispatcher dispatcher;

	@Test
	void aDeactivatedParticipantsPlacementIsPausedAndNoPromptGoesOut() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bo = enrol("UBO", "2026-11-02", "2027-04-30");

		assertThat(slackEvent(userChange("EvDeact", "UADA", true), "application/json").statusCode()).isEqualTo(200);

		assertThat(placements.get(ada).getStatus()).isEqualTo(PlacementStatus.PAUSED);
		assertThat(placements.get(bo).getStatus()).isEqualTo(PlacementStatus.ACTIVE);
		clock.set(Instant.parse("2026-12-04T13:00:00Z"));
		assertThat(dispatcher.catchUp(ada)).isEmpty();
		assertThat(dispatcher.catchUp(bo)).hasSize(1);
		assertThat(SlackStub.messagesTo("UADA")).isEmpty();
		assertThat(SlackStub.messagesTo("UBO")).hasSize(1);
	}

	@Test
	void anyOtherProfileChangeChangesNothing() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(slackEvent(userChange("EvTitle", "UADA", false), "application/json").statusCode()).isEqualTo(200);
		assertThat(slackEvent(userChange("EvStranger", "USTRANGER", true), "application/json").statusCode())
			.isEqualTo(200);

		assertThat(placements.get(ada).getStatus()).isEqualTo(PlacementStatus.ACTIVE);
	}

	private static String userChange(String eventId, String userId, boolean deleted) {
		ObjectNode event = JSON.createObjectNode().put("type", "user_change").put("event_ts", "1764669600.000100");
		event.putObject("user").put("id", userId).put("name", "someone").put("deleted", deleted).put("team_id", "T1");
		return SlackRequests.envelope(eventId, event);
	}
}
