package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.QuartzFiring;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The digests' catch-up at start runs after the app is ready, on a Quartz thread of its own, not in the start
 * thread before the app reports UP (about 20 s of the start with 10,000 placements on a Monday, docs/performance.md,
 * P4). Quartz is driven as the other schedule tests drive it: the ready event is published, then the catch-up's
 * trigger is fired as Quartz would fire it.
 */
class DigestCatchUpAfterReadyTests extends IntegrationTest {

	/** Monday 7 December 2026, 09:00 in Stockholm: an hour after everyone's digest time. */
	private static final Instant MONDAY_0900_STOCKHOLM = Instant.parse("2026-12-07T08:00:00Z");
	private static final List<String> FOLLOWERS = List.of("UMAJA", "UANDERS", "UBEATA");

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	DigestScheduleHealth health;

	@Autowired
	DigestService digests;

	@Autowired
	Scheduler quartz;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void aStartLeavesTheCatchUpToItsOwnTriggerWhichFiresAtOnceAndQueuesWhatWasMissed() throws SchedulerException {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0900_STOCKHOLM);

		ready();

		assertThat(digestRecords()).as("the start itself catches nothing up: the app is ready meanwhile").isZero();
		assertThat(catchUpAt()).hasValue(clock.instant());
		assertThat(detail()).isEqualTo("waiting to catch up");

		catchUpFires();

		assertThat(digestRecords()).as("the three digests missed while the app was down, claimed").isEqualTo(3);
		assertThat(catchUpAt()).as("the catch-up's trigger is used up").isEmpty();
		assertThat(detail()).isEqualTo("caught up: 3 missed digests queued, 3 recipients scheduled");
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).as("and the schedule set: next week")
			.hasValue(MONDAY_0900_STOCKHOLM.minus(Duration.ofHours(1)).plus(Duration.ofDays(7)));
		drainOutbox();
		for (String follower : FOLLOWERS) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
	}

	@Test
	void anAdminsRunBetweenReadyAndTheCatchUpIsNotDoubledByIt() throws SchedulerException {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0900_STOCKHOLM);
		ready();

		DigestRun.Started run = digests.queueAll();
		clock.advance(Duration.ofSeconds(30));
		catchUpFires();

		assertThat(run.run().queuedCount()).isEqualTo(3);
		assertThat(drainOutbox()).as("the admin's three, nothing more from the catch-up").isEqualTo(3);
		for (String follower : FOLLOWERS) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		assertThat(detail()).isEqualTo("caught up: 0 missed digests queued, 3 recipients scheduled");
	}

	private void ready() {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
	}

	private void catchUpFires() {
		QuartzFiring.fires(quartz, DigestStartUpJob.GROUP, DigestStartUpJob.NAME, clock.instant());
		scheduler.startUpFiring();
	}

	private java.util.Optional<Instant> catchUpAt() throws SchedulerException {
		return quartz.getTriggersOfJob(JobKey.jobKey(DigestStartUpJob.NAME, DigestStartUpJob.GROUP))
			.stream()
			.map(t -> t.getNextFireTime())
			.filter(java.util.Objects::nonNull)
			.map(java.util.Date::toInstant)
			.min(Instant::compareTo);
	}

	/** The followers' digest records (the admin's cohort digest is caught up too, and not counted here). */
	private long digestRecords() {
		return mongo.getCollection("digests")
			.countDocuments(new Document("recipientKey", new Document("$in", FOLLOWERS.stream().map(this::keyOf).toList())));
	}

	private String detail() {
		return String.valueOf(health.health().getDetails().get("catchUp"));
	}
}
