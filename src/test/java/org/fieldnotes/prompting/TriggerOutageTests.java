package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.support.OutageTest;
import org.fieldnotes.support.QuartzFiring;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A prompt's or a snoozed prompt's trigger fires while MongoDB is down: the firing cannot read or claim anything,
 * and it cannot work out the next time either. The trigger is not lost: the same firing comes again after a
 * backoff (1 min, then 2, …), and once the store is back it sends what was due, once. The store is a real
 * wire-protocol server, stopped around the firing; Quartz's part (the fired trigger is used up) is done by
 * {@link QuartzFiring}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TriggerOutageTests extends OutageTest {

	private static final String ADA = "UADA";
	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");
	private static final SentMessage PRESSED_ON = new SentMessage(new org.fieldnotes.chat.ChatAccount("slack", null, "UADA"), "DUADA", "1764669600.000500");

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptResponses responses;

	@Autowired
	Scheduler quartz;

	@Test
	void aPromptTriggerThatFiresWhileTheStoreIsDownFiresAgainUntilThePromptIsSentOnce(CapturedOutput output) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_4);
		clock.set(FRIDAY_DEC_4);

		QuartzFiring.fires(quartz, PromptScheduler.GROUP, placementId, clock.instant());
		STORE.stop();
		scheduler.fire(placementId);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_4.plus(Duration.ofMinutes(1)));
		clock.advance(Duration.ofMinutes(1));
		QuartzFiring.fires(quartz, PromptScheduler.GROUP, placementId, clock.instant());
		scheduler.fire(placementId);
		assertThat(scheduler.nextFireTime(placementId)).as("the wait doubles")
			.hasValue(FRIDAY_DEC_4.plus(Duration.ofMinutes(3)));
		STORE.start();

		assertThat(output.getAll()).contains("Trigger prompts/" + placementId + ": the store is unavailable");
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		storeAnswers();
		clock.advance(Duration.ofMinutes(2));
		QuartzFiring.fires(quartz, PromptScheduler.GROUP, placementId, clock.instant());
		scheduler.fire(placementId);

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(0))).contains("Week 5 of 26 at Scania");
		assertThat(scheduler.nextFireTime(placementId)).as("back on its schedule: the next Friday")
			.hasValue(Instant.parse("2026-12-11T13:00:00Z"));
	}

	@Test
	void aSnoozeTriggerThatFiresWhileTheStoreIsDownFiresAgainAndThePromptComesBackOnce(CapturedOutput output) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		dispatcher.sendNext(placementId);
		String occurrenceId = dispatcher.sendNext(placementId).occurrenceId();
		responses.snooze(occurrenceId, slack(ADA), PRESSED_ON);
		Instant until = DEFAULT_NOW.plus(PromptResponses.SNOOZE);
		clock.set(until);

		QuartzFiring.fires(quartz, SnoozeTriggers.GROUP, occurrenceId, clock.instant());
		STORE.stop();
		responses.fireSnooze(occurrenceId);
		STORE.start();

		assertThat(output.getAll()).contains("Trigger snoozes/" + occurrenceId + ": the store is unavailable");
		assertThat(responses.snoozeFiresAt(occurrenceId)).hasValue(until.plus(Duration.ofMinutes(1)));
		storeAnswers();
		clock.advance(Duration.ofMinutes(1));
		QuartzFiring.fires(quartz, SnoozeTriggers.GROUP, occurrenceId, clock.instant());
		responses.fireSnooze(occurrenceId);

		assertThat(SlackStub.messagesTo(ADA)).hasSize(3);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(2)))
			.contains("here is “Reflect on one moment” again");
		assertThat(responses.snoozeFiresAt(occurrenceId)).isEmpty();
	}

	@Test
	void theScheduleRebuildThatFiresWhileTheStoreIsDownFiresAgainAndThenCatchesUpOnce(CapturedOutput output)
			throws Exception {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		quartz.deleteJob(org.quartz.JobKey.jobKey(placementId, PromptScheduler.GROUP));
		// a start at 16:00Z, three hours after the Friday prompt fell due while the app was down
		clock.set(FRIDAY_DEC_4.plus(Duration.ofHours(3)));
		scheduler.startUp();

		QuartzFiring.fires(quartz, PromptScheduler.REBUILD_GROUP, PromptScheduler.REBUILD, clock.instant());
		STORE.stop();
		scheduler.rebuildFiring();
		STORE.start();

		assertThat(output.getAll()).contains("Trigger prompt-schedule/rebuild: the store is unavailable");
		assertThat(scheduler.nextRebuild()).hasValue(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(scheduler.progress()).isEqualTo("rebuild failed; trying again");
		storeAnswers();
		clock.advance(Duration.ofMinutes(1));
		QuartzFiring.fires(quartz, PromptScheduler.REBUILD_GROUP, PromptScheduler.REBUILD, clock.instant());
		scheduler.rebuildFiring();
		drainOutbox();

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(Instant.parse("2026-12-11T13:00:00Z"));
		assertThat(scheduler.nextRebuild()).isEmpty();
		assertThat(scheduler.progress()).isEqualTo("rebuilt: 1 of 1 placements scheduled");
	}

	/** Waits (on the wall clock: the driver reconnecting) until the store answers again. */
	private void storeAnswers() {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(() -> mongo.executeCommand(new Document("ping", 1)) != null);
	}
}
