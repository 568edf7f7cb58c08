package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.util.Collections;
import java.util.List;

import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


/**
 * {@code /fieldnotes goals}: a participant sees and sets their learning goals, in their language; too many or too
 * long goals get a message saying what to do, and nothing is changed.
 */
class GoalsCommandTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PlacementManagement placements;

	private List<String> stored() {
		return placements.currentFor(slack(ADA)).orElseThrow().getLearningGoals();
	}

	@Test
	void aParticipantSetsAndSeesTheirGoals() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(commandAnswer(ADA, "goals")).contains("You have no learning goals yet");

		String saved = commandAnswer(ADA, "goals set Run a design review on my own;  Present to the steering group ;");

		assertThat(saved).contains("Saved: your learning goals (2):")
			.contains("Run a design review on my own")
			.contains("Present to the steering group");
		assertThat(stored()).containsExactly("Run a design review on my own", "Present to the steering group");
		assertThat(commandAnswer(ADA, "goals")).contains("Your learning goals (2):").contains("Run a design review on my own");

		assertThat(commandAnswer(ADA, "goals clear")).contains("Your learning goals are removed.");
		assertThat(stored()).isEmpty();
	}

	@Test
	void tooManyOrTooLongGoalsSayWhatToDoAndChangeNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		commandAnswer(ADA, "goals set Keep this one");

		assertThat(commandAnswer(ADA, "goals set " + String.join("; ", Collections.nCopies(11, "a goal"))))
			.contains("⚠ That is 11 goals; you can have at most 10.")
			.contains("/fieldnotes goals [set &lt;goal&gt;; &lt;goal&gt; …]");
		assertThat(commandAnswer(ADA, "goals set fine; " + "x".repeat(201)))
			.contains("⚠ Goal 2 is longer than 200 characters. Shorten it to a phrase.");
		assertThat(commandAnswer(ADA, "goals set")).contains("Write your goals after \"set\"");
		assertThat(commandAnswer(ADA, "goals frobnicate")).contains("Say what to do");
		assertThat(stored()).containsExactly("Keep this one");
	}

	@Test
	void aSwedishParticipantReadsSwedishAndTheHelpListsTheCommand() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		assertThat(postJson("/api/v1/placements", body).statusCode()).isEqualTo(201);

		assertThat(commandAnswer(ADA, "goals")).contains("Du har inga lärandemål än");
		assertThat(commandAnswer(ADA, "goals set Leda en designgranskning")).contains("Sparat: dina lärandemål (1):");
		assertThat(commandAnswer(ADA, "help")).contains("/fieldnotes goals [set &lt;mål&gt;; &lt;mål&gt; …]")
			.contains("dina lärandemål");
		assertThat(commandAnswer("UENGLISH", "help")).contains("/fieldnotes goals [set &lt;goal&gt;; &lt;goal&gt; …]");
	}

	@Test
	void someoneNotEnrolledIsToldSo() {
		assertThat(commandAnswer("USTRANGER", "goals set Learn things")).contains("not enrolled");
	}
}
