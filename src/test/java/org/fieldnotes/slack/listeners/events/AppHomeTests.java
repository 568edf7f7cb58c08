package org.fieldnotes.slack.listeners.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code app_home_opened} over /slack/events: acknowledged, then {@code views.publish} with the person's Home.
 */
class AppHomeTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private JsonNode openHome(String userId) {
		assertThat(slackEvent(SlackInteractions.appHomeOpened("EvH1", userId), "application/json").statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() == 1);
		Map<String, String> call = SlackStub.calls("views.publish").get(0);
		assertThat(call).containsEntry("user_id", userId);
		JsonNode view = JSON.readTree(call.get("view"));
		assertThat(view.get("type").asString()).isEqualTo("home");
		assertThat(view.get("blocks").size()).isLessThanOrEqualTo(100);
		return view;
	}

	@Test
	void aParticipantSeesTheirPlacementNextPromptStreakButtonsAndRecentEntries() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Mapped the supplier chain <!channel> & <https://evil.example|x>", null);
		clock.advance(Duration.ofMinutes(1));
		slackEvent(SlackInteractions.viewSubmission(ADA, "V300", "status_update", "", Map.of(
				"status", Map.of("choice", SlackInteractions.selected("radio_buttons", "GREEN")),
				"progress", Map.of("text", SlackInteractions.text("Bench test planned")),
				"mood", Map.of("choice", SlackInteractions.selected("static_select", "4")))), SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() == 1);
		SlackStub.reset();

		JsonNode home = openHome(ADA);

		String texts = texts(home);
		assertThat(texts).contains("Fieldnotes — your placement")
			.contains("Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027 · week 5 of 26")
			.contains("Coaches: Anders (academic) · Beata (business) · Manager: Maja")
			.contains("Next prompt: Fri 4 Dec 14:00")
			.contains("Streak: none yet")
			.contains("Write an entry")
			.contains("Recent");
		// newest first; people's words escaped
		int status = texts.indexOf("Status 🟢  “Bench test planned”");
		int entry = texts.indexOf("Entry  “Mapped the supplier chain &lt;!channel&gt; &amp; &lt;https://evil.example|x&gt;”");
		assertThat(status).isPositive();
		assertThat(entry).isGreaterThan(status);
		assertThat(texts).doesNotContain("<!channel>");
		List<String> actions = new ArrayList<>();
		home.get("blocks").forEach(block -> {
			if (block.has("elements")) {
				block.get("elements").forEach(e -> {
					if (e.has("action_id")) {
						actions.add(e.get("action_id").asString());
					}
				});
			}
			if (block.has("accessory")) {
				actions.add(block.get("accessory").get("action_id").asString());
				String action = block.get("accessory").get("action_id").asString();
				if (action.equals("home_entry_menu")) {
					assertThat(block.get("accessory").get("options")).extracting(o -> o.get("value").asString().split(":")[0])
						.containsExactly("edit", "delete", "visibility", "visibility", "visibility");
				}
			}
		});
		assertThat(actions).containsExactly("home_write", "home_status", "home_visibility_default", "home_update_menu",
				"home_entry_menu");
		assertThat(placementId).isNotBlank();
	}

	@Test
	void theHomeIsInSwedishForASwedishParticipant() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		postJson("/api/v1/placements", body);

		String texts = texts(openHome(ADA));

		assertThat(texts).contains("Fieldnotes — din placering")
			.contains("vecka 5 av 26")
			.contains("Handledare: Anders (akademisk) · Beata (på företaget) · Chef: Maja")
			.contains("Nästa fråga: fre 4 dec. 14:00")
			.contains("Svit: ingen än")
			.contains("Skriv en anteckning")
			.contains("Inget än.");
	}

	@Test
	void aCoachSeesWhatFieldnotesIsAndThePlacementsTheyFollow() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String texts = texts(openHome("UBEATA"));

		assertThat(texts).contains("Fieldnotes is a logbook for people on a placement")
			.contains("Placements you follow")
			.contains("Ada Lindqvist — Scania (KTP 2026) · you are the business coach")
			.doesNotContain("Write an entry");
	}

	@Test
	void someoneUnknownSeesWhatFieldnotesIs() {
		String texts = texts(openHome("USTRANGER"));

		assertThat(texts).contains("Fieldnotes is a logbook").contains("You're not enrolled in a placement");
	}
}
