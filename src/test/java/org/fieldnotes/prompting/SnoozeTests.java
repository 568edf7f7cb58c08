package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Duration;
import java.time.Instant;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A snoozed prompt comes back once, two hours later, as a short reminder with the same buttons: the re-send is
 * claimed in the store, so a second firing or a restart does not send it again. Quartz does not run here; the tests
 * call what the one-shot trigger (or a start) would call, with the clock moved.
 */
class SnoozeTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final SentMessage PRESSED_ON = new SentMessage(new org.fieldnotes.chat.ChatAccount("slack", null, "UADA"), "DUADA", "1764669600.000500");

	@Autowired
	PromptResponses responses;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	Reminders reminders;

	private String reflectionPrompt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		dispatcher.sendNext(placementId);
		return dispatcher.sendNext(placementId).occurrenceId();
	}

	@Test
	void aSnoozeThatWouldEndAfterWorkingHoursComesBackWhenTheyStartAgain() {
		String occurrenceId = reflectionPrompt();
		// Wednesday 17:30 in Stockholm: two hours later is 19:30, after working hours
		clock.set(Instant.parse("2026-12-02T16:30:00Z"));

		responses.snooze(occurrenceId, slack(ADA), PRESSED_ON);

		// Thursday 08:00 in Stockholm
		assertThat(responses.snoozeFiresAt(occurrenceId)).hasValue(Instant.parse("2026-12-03T07:00:00Z"));
	}

	/**
	 * Snoozed on Friday evening, the prompt comes back on Monday morning, in the next placement week (they run from
	 * Monday 2 Nov): the re-send names the week of the day it goes out, as the Home and the digests do that day.
	 */
	@Test
	void aPromptSnoozedIntoTheNextWeekNamesThatWeek() {
		// the prompt due Friday 4 Dec, in week 5
		String occurrenceId = dispatcher.sendNext(enrol(ADA, "2026-11-02", "2027-04-30")).occurrenceId();
		assertThat(words(sent().messagesTo(slack(ADA)).get(0))).contains("Week 5 of 26 at Scania");
		// Friday 4 Dec, 17:30 in Stockholm: two hours later is after working hours, so Monday 08:00
		clock.set(Instant.parse("2026-12-04T16:30:00Z"));
		responses.snooze(occurrenceId, slack(ADA), PRESSED_ON);
		Instant monday = Instant.parse("2026-12-07T07:00:00Z");
		assertThat(responses.snoozeFiresAt(occurrenceId)).hasValue(monday);

		clock.set(monday);
		responses.resendSnoozed(occurrenceId);

		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
		assertThat(words(sent().messagesTo(slack(ADA)).get(1))).contains("Week 6 of 26 at Scania")
			.doesNotContain("Week 5");
	}

	@Test
	void theReSendOfASnoozedPromptIsItsOneNudge() {
		String occurrenceId = reflectionPrompt();
		responses.snooze(occurrenceId, slack(ADA), PRESSED_ON);
		clock.advance(Duration.ofHours(2));
		responses.resendSnoozed(occurrenceId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(3);

		clock.advance(Duration.ofDays(2));

		// (the fixture's first prompt, never snoozed, may get its own reminder)
		assertThat(reminders.run()).doesNotContain(occurrenceId);
	}

	@Test
	void theSnoozedPromptComesBackOnceTwoHoursLater() {
		String occurrenceId = reflectionPrompt();
		assertThat(responses.snooze(occurrenceId, slack(ADA), PRESSED_ON)).isEqualTo(PromptResponses.Outcome.DONE);
		Instant until = DEFAULT_NOW.plus(Duration.ofHours(2));
		assertThat(responses.snoozeFiresAt(occurrenceId)).hasValue(until);

		// too early: nothing
		clock.advance(Duration.ofMinutes(119));
		responses.resendSnoozed(occurrenceId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);

		clock.set(until);
		responses.resendSnoozed(occurrenceId);
		responses.resendSnoozed(occurrenceId);
		responses.restoreSnoozes();

		assertThat(sent().messagesTo(slack(ADA))).hasSize(3);
		var reminder = sent().messagesTo(slack(ADA)).get(2);
		assertThat(words(reminder)).contains("Hi Ada — here is “Reflect on one moment” again")
			.contains("Description");
		boolean buttonsOnThisOccurrence = false;
		for (ChatMessage.Block block : reminder.blocks()) {
			if (block instanceof ChatMessage.Block.Actions actions) {
				buttonsOnThisOccurrence = actions.buttons().get(0).value().equals(occurrenceId)
						&& actions.buttons().size() == 3;
			}
		}
		assertThat(buttonsOnThisOccurrence).isTrue();
	}

	@Test
	void aStartRecreatesTheTriggerOfAFutureSnoozeAndSendsAPastOneAtOnce() {
		String occurrenceId = reflectionPrompt();
		responses.snooze(occurrenceId, slack(ADA), PRESSED_ON);

		// restarted one hour later: the trigger is back at the same time, nothing sent yet
		clock.advance(Duration.ofHours(1));
		responses.restoreSnoozes();
		assertThat(responses.snoozeFiresAt(occurrenceId)).hasValue(DEFAULT_NOW.plus(Duration.ofHours(2)));
		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);

		// restarted after the snooze ran out while the app was down: sent at once, and only once
		clock.advance(Duration.ofHours(3));
		responses.restoreSnoozes();
		responses.restoreSnoozes();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(3);
	}

	@Test
	void aPromptAnsweredOrSkippedWhileSnoozedDoesNotComeBack() {
		String occurrenceId = reflectionPrompt();
		responses.snooze(occurrenceId, slack(ADA), PRESSED_ON);
		responses.skip(occurrenceId, slack(ADA), PRESSED_ON);
		assertThat(responses.snoozeFiresAt(occurrenceId)).isEmpty();

		clock.advance(Duration.ofHours(3));
		responses.resendSnoozed(occurrenceId);
		responses.restoreSnoozes();

		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
	}

	@Test
	void onlyTheParticipantMaySnooze() {
		String occurrenceId = reflectionPrompt();

		assertThatThrownBy(() -> responses.snooze(occurrenceId, slack("UMALLORY"), PRESSED_ON)).isInstanceOf(NotYourPrompt.class);
		assertThat(responses.snoozeFiresAt(occurrenceId)).isEmpty();
	}
}
