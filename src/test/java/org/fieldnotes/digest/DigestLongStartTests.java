package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.fieldnotes.support.CrashGapTest;
import org.fieldnotes.support.QuartzFiring;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A start whose digest catch-up takes a while (its writes wait for the store) loses no digest whose time falls
 * while it runs: the catch-up and the schedule are worked out from one instant, so such a digest, not yet due when
 * the catch-up looked, is scheduled for its time, already passed, and fires at once. The clock is moved by the
 * catch-up's own write of its claims, as a slow store would.
 */
class DigestLongStartTests extends CrashGapTest {

	/** Monday 7 December 2026, 08:59 in Stockholm: 59 minutes after the default digest time (ISO week 50). */
	private static final Instant MONDAY_0859_STOCKHOLM = Instant.parse("2026-12-07T07:59:00Z");
	/** Monday 7 December 2026, 09:00 in Stockholm: the digest time UANDERS chose. */
	private static final Instant MONDAY_0900_STOCKHOLM = Instant.parse("2026-12-07T08:00:00Z");
	private static final Duration CATCH_UP_TAKES = Duration.ofMinutes(2);

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	DigestPreferenceStore preferences;

	@Autowired
	Scheduler quartz;

	@Test
	void aDigestFallingDueDuringALongStartUpFiresAtOnceAndGoesOnce() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		preferences.upsert(keyOf("UANDERS"), new Update().set("time", LocalTime.of(9, 0)));
		clock.set(MONDAY_0859_STOCKHOLM);
		AtomicInteger slowWrites = catchUpsClaimsTake(CATCH_UP_TAKES);

		restart();

		assertThat(slowWrites).as("the catch-up's claims took their time").hasValue(1);
		assertThat(clock.instant()).as("the start ended after UANDERS's digest time")
			.isAfter(MONDAY_0900_STOCKHOLM);
		assertThat(mongo.getCollection("digests").countDocuments(new Document("recipientKey", keyOf("UANDERS"))))
			.as("not due when the catch-up looked").isZero();
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).as("this week's time, passed: it fires at once")
			.hasValue(MONDAY_0900_STOCKHOLM);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).as("caught up: next week")
			.hasValue(MONDAY_0900_STOCKHOLM.minus(Duration.ofHours(1)).plus(Duration.ofDays(7)));

		QuartzFiring.fires(quartz, DigestScheduler.GROUP, keyOf("UANDERS"), clock.instant());
		scheduler.fire(keyOf("UANDERS"));
		restart();
		drainOutbox();

		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		assertThat(mongo.getCollection("digests").countDocuments(new Document("week", "2026-W50")
			.append("status", "SENT")
			.append("recipientKey", new Document("$in", List.of(keyOf("UMAJA"), keyOf("UANDERS"), keyOf("UBEATA"))))))
			.isEqualTo(3);
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0900_STOCKHOLM.plus(Duration.ofDays(7)));
	}

	@Test
	void aStartThatIsQuickSchedulesTheSameDigestForItsTime() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		preferences.upsert(keyOf("UANDERS"), new Update().set("time", LocalTime.of(9, 0)));
		clock.set(MONDAY_0859_STOCKHOLM);

		restart();

		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0900_STOCKHOLM);
		assertThat(clock.instant()).isBefore(MONDAY_0900_STOCKHOLM);
	}

	/** The first write of many digest claims in one go moves the clock on by {@code duration} before it is done. */
	private AtomicInteger catchUpsClaimsTake(Duration duration) {
		AtomicInteger slow = new AtomicInteger();
		doAnswer(call -> {
			if (DigestRecord.class.equals(call.getArgument(1)) && slow.getAndIncrement() == 0) {
				clock.advance(duration);
			}
			return call.callRealMethod();
		}).when(spiedStore()).bulkOps(any(BulkMode.class), any(Class.class));
		return slow;
	}
}
