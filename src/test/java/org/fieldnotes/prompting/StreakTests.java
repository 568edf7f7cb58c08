package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;

import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The streak: answered prompts in a row, counting back from the latest. Skipped ones neither break nor extend it;
 * the latest one does not break it while it is still open (7 days).
 */
class StreakTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptHistory history;

	@Autowired
	PromptResponses responses;

	@Test
	void skippedPromptsNeitherBreakNorExtendTheStreakAndAnOpenOneDoesNotBreakIt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String first = dispatcher.sendNext(placementId).occurrenceId();
		String second = dispatcher.sendNext(placementId).occurrenceId();
		String third = dispatcher.sendNext(placementId).occurrenceId();
		String fourth = dispatcher.sendNext(placementId).occurrenceId();
		assertThat(history.streak(placementId)).isZero();

		history.markAnswered(first, clock.instant());
		responses.skip(second, slack(ADA), new SentMessage(new org.fieldnotes.chat.ChatAccount("slack", null, "UADA"), "DUADA", "1"));
		history.markAnswered(third, clock.instant());

		// the fourth was just sent and is still open
		assertThat(history.streak(placementId)).isEqualTo(2);

		history.markAnswered(fourth, clock.instant());
		assertThat(history.streak(placementId)).isEqualTo(3);
	}

	@Test
	void anUnansweredPromptOlderThanAWeekEndsTheStreak() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String first = dispatcher.sendNext(placementId).occurrenceId();
		dispatcher.sendNext(placementId);
		history.markAnswered(first, clock.instant());
		assertThat(history.streak(placementId)).isEqualTo(1);

		clock.advance(Duration.ofDays(8));

		assertThat(history.streak(placementId)).isZero();
	}
}
