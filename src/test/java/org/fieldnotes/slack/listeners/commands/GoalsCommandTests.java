package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * {@code /fieldnotes goals}: a participant sees and sets their learning goals, in their language; too many or too
 * long goals get a message saying what to do, and nothing is changed.
 */
class GoalsCommandTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PlacementManagement placements;

	private String command(String userId, String text) {
		JsonNode ack = json(slashCommand(userId, text).body());
		assertThat(ack.get("response_type").asString()).isEqualTo("ephemeral");
		List<String> texts = new ArrayList<>();
		collect(ack.get("blocks"), texts);
		return String.join("\n", texts);
	}

	private static void collect(JsonNode node, List<String> texts) {
		if (node.isObject() && node.has("text") && node.get("text").isString()) {
			texts.add(node.get("text").asString());
		}
		for (JsonNode child : node) {
			collect(child, texts);
		}
	}

	private List<String> stored() {
		return placements.currentFor(ADA).orElseThrow().getLearningGoals();
	}

	@Test
	void aParticipantSetsAndSeesTheirGoals() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(command(ADA, "goals")).contains("You have no learning goals yet");

		String saved = command(ADA, "goals set Run a design review on my own;  Present to the steering group ;");

		assertThat(saved).contains("Saved: your learning goals (2):")
			.contains("Run a design review on my own")
			.contains("Present to the steering group");
		assertThat(stored()).containsExactly("Run a design review on my own", "Present to the steering group");
		assertThat(command(ADA, "goals")).contains("Your learning goals (2):").contains("Run a design review on my own");

		assertThat(command(ADA, "goals clear")).contains("Your learning goals are removed.");
		assertThat(stored()).isEmpty();
	}

	@Test
	void tooManyOrTooLongGoalsSayWhatToDoAndChangeNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		command(ADA, "goals set Keep this one");

		assertThat(command(ADA, "goals set " + String.join("; ", Collections.nCopies(11, "a goal"))))
			.contains("⚠ That is 11 goals; you can have at most 10.")
			.contains("/fieldnotes goals [set &lt;goal&gt;; &lt;goal&gt; …]");
		assertThat(command(ADA, "goals set fine; " + "x".repeat(201)))
			.contains("⚠ Goal 2 is longer than 200 characters. Shorten it to a phrase.");
		assertThat(command(ADA, "goals set")).contains("Write your goals after \"set\"");
		assertThat(command(ADA, "goals frobnicate")).contains("Say what to do");
		assertThat(stored()).containsExactly("Keep this one");
	}

	@Test
	void aSwedishParticipantReadsSwedishAndTheHelpListsTheCommand() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		assertThat(postJson("/api/v1/placements", body).statusCode()).isEqualTo(201);

		assertThat(command(ADA, "goals")).contains("Du har inga lärandemål än");
		assertThat(command(ADA, "goals set Leda en designgranskning")).contains("Sparat: dina lärandemål (1):");
		assertThat(command(ADA, "help")).contains("/fieldnotes goals [set &lt;mål&gt;; &lt;mål&gt; …]")
			.contains("dina lärandemål");
		assertThat(command("UENGLISH", "help")).contains("/fieldnotes goals [set &lt;goal&gt;; &lt;goal&gt; …]");
	}

	@Test
	void someoneNotEnrolledIsToldSo() {
		assertThat(command("USTRANGER", "goals set Learn things")).contains("not enrolled");
	}
}
