package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
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
 * A recipient's digest trigger, or a coordinator's cohort-digest trigger, fires while MongoDB is down. One store
 * error no longer stops that person's digests until a restart: the same firing comes again after a backoff and
 * sends the week's digest, once, when the store is back, and the trigger is then set to the next week. The store is
 * a real wire-protocol server, stopped around the firing; Quartz's part (the fired trigger is used up) is done by
 * {@link QuartzFiring}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DigestTriggerOutageTests extends OutageTest {

	/** Monday 7 December 2026, 08:00 in Stockholm: everyone's digest time here. */
	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	Scheduler quartz;

	@Test
	void aDigestTriggerThatFiresWhileTheStoreIsDownFiresAgainAndSendsTheDigestOnce(CapturedOutput output) {
		firesOnceWhileTheStoreIsDownThenAgain(() -> keyOf("UMAJA"), output);

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(SlackStub.messagesTo("UMAJA").get(0).get("text")).startsWith("Your placements this week");
	}

	@Test
	void aCohortDigestTriggerThatFiresWhileTheStoreIsDownFiresAgainAndSendsItOnce(CapturedOutput output) {
		firesOnceWhileTheStoreIsDownThenAgain(() -> adminKeyOf("UADMIN1"), output);

		assertThat(SlackStub.messagesTo("UADMIN1")).hasSize(1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UADMIN1").get(0))).contains("Your cohort this week");
	}

	/** @param key the recipient key, known once the placement is enrolled */
	/**
	 * The start's catch-up (after ready, on its own trigger) fires while the store is down: it fires again after a
	 * backoff and then queues each digest missed while the app was down, once.
	 */
	@Test
	void theStartsCatchUpThatFiresWhileTheStoreIsDownFiresAgainAndQueuesEachMissedDigestOnce(CapturedOutput output) {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0800_STOCKHOLM.plus(Duration.ofHours(1)));
		scheduler.afterReady();

		QuartzFiring.fires(quartz, DigestStartUpJob.GROUP, DigestStartUpJob.NAME, clock.instant());
		STORE.stop();
		scheduler.startUpFiring();
		STORE.start();

		assertThat(output.getAll()).contains("Trigger digest-start/catch-up: the store is unavailable");
		assertThat(scheduler.progress()).isEqualTo("catch-up failed; trying again");
		storeAnswers();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		clock.advance(Duration.ofMinutes(1));
		QuartzFiring.fires(quartz, DigestStartUpJob.GROUP, DigestStartUpJob.NAME, clock.instant());
		scheduler.startUpFiring();

		assertThat(scheduler.progress()).startsWith("caught up: 3 missed digests queued");
		assertThat(drainOutbox()).isEqualTo(3);
		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
	}

	private void firesOnceWhileTheStoreIsDownThenAgain(java.util.function.Supplier<String> key, CapturedOutput output) {
		enrol("UADA", "2026-11-02", "2027-04-30");
		String recipientKey = key.get();
		assertThat(scheduler.nextFireTime(recipientKey)).hasValue(MONDAY_0800_STOCKHOLM);
		clock.set(MONDAY_0800_STOCKHOLM);

		QuartzFiring.fires(quartz, DigestScheduler.GROUP, recipientKey, clock.instant());
		STORE.stop();
		scheduler.fire(recipientKey);
		STORE.start();

		assertThat(output.getAll()).contains("Trigger digests/" + recipientKey + ": the store is unavailable");
		assertThat(scheduler.nextFireTime(recipientKey)).hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofMinutes(1)));
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		storeAnswers();
		clock.advance(Duration.ofMinutes(1));
		QuartzFiring.fires(quartz, DigestScheduler.GROUP, recipientKey, clock.instant());
		scheduler.fire(recipientKey);
		scheduler.rebuild();

		assertThat(scheduler.nextFireTime(recipientKey)).as("back on its schedule: the next Monday")
			.hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));
		assertThat(mongo.getCollection("digests").countDocuments(new Document("recipientKey", recipientKey)
			.append("status", "SENT"))).isEqualTo(1);
	}

	/** Waits (on the wall clock: the driver reconnecting) until the store answers again. */
	private void storeAnswers() {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(() -> mongo.executeCommand(new Document("ping", 1)) != null);
	}
}
