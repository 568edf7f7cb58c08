package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.fieldnotes.support.CrashGapTest;
import org.fieldnotes.support.QuartzFiring;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * A crash, or a lost store, between a digest's claim (the recipient's week in {@code digests}) and its outbox row
 * loses nothing and doubles nothing, for the weekly digest and the admins' cohort digest alike: the week stuck in
 * {@code CLAIMED} is sent at the next start, or when the failed firing fires again. Monday 7 December 2026, 08:00 in
 * Stockholm, is everyone's digest time here (ISO week 50).
 */
class DigestCrashGapTests extends CrashGapTest {

	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");
	private static final String ADMIN = "UADMIN1";
	

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	Scheduler quartz;

	@Test
	void aDigestWhoseOutboxWriteFailedGoesOnceAtTheNextStart() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0800_STOCKHOLM);
		AtomicInteger faults = failNextInsertInto("outbox");

		catchThrowable(() -> scheduler.fire(keyOf("UMAJA")));

		assertThat(faults).hasValue(1);
		assertThat(record(keyOf("UMAJA"))).map(DigestRecord::status).hasValue(DigestStatus.CLAIMED);
		assertThat(SlackStub.messagesTo("UMAJA")).isEmpty();
		clock.advance(Duration.ofMinutes(2));
		restart();
		restart();
		drainOutbox();

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(SlackStub.messagesTo("UMAJA").get(0).get("text")).startsWith("Your placements this week");
		assertThat(record(keyOf("UMAJA"))).map(DigestRecord::status).hasValue(DigestStatus.SENT);
	}

	@Test
	void aDigestWhoseOutboxWriteFailedGoesOnceWhenTheFailedFiringFiresAgain() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0800_STOCKHOLM);
		AtomicInteger faults = failNextInsertInto("outbox");

		QuartzFiring.fires(quartz, DigestScheduler.GROUP, keyOf("UMAJA"), clock.instant());
		catchThrowable(() -> scheduler.fire(keyOf("UMAJA")));

		assertThat(faults).hasValue(1);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).as("the firing comes again").hasValue(
				MONDAY_0800_STOCKHOLM.plus(Duration.ofMinutes(1)));
		clock.advance(Duration.ofMinutes(1));
		QuartzFiring.fires(quartz, DigestScheduler.GROUP, keyOf("UMAJA"), clock.instant());
		scheduler.fire(keyOf("UMAJA"));

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(record(keyOf("UMAJA"))).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));
	}

	@Test
	void aStartWhoseCatchUpTheStoreCutsOffBetweenClaimsAndOutboxSendsEachMissedDigestOnce() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		// an hour after everyone's digest time, none sent: the start catches the three followers' digests up
		clock.set(MONDAY_0800_STOCKHOLM.plus(Duration.ofHours(1)));
		AtomicInteger faults = failNextInsertInto("outbox");

		restart();

		assertThat(faults).as("the batch's outbox write failed, after its claims").hasValue(1);
		// each was then tried on its own, and went
		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
			assertThat(record(keyOf(follower))).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		}
		restart();
		drainOutbox();
		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		assertThat(mongo.getCollection("digests").countDocuments(new Document("recipientKey", keyOf("UMAJA"))))
			.isEqualTo(1);
	}

	@Test
	void aStartWhoseCatchUpTheStoreCutsOffBeforeItsClaimsSendsEachMissedDigestOnce() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0800_STOCKHOLM.plus(Duration.ofHours(1)));
		AtomicInteger faults = failNextInsertInto("digests");

		restart();
		restart();
		drainOutbox();

		assertThat(faults).as("the batch's claims failed, none written").hasValue(1);
		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
			assertThat(record(keyOf(follower))).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		}
	}

	@Test
	void aCohortDigestWhoseOutboxWriteFailedGoesOnceAtTheNextStart() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(MONDAY_0800_STOCKHOLM);
		AtomicInteger faults = failNextInsertInto("outbox");

		catchThrowable(() -> scheduler.fire(adminKeyOf("UADMIN1")));

		assertThat(faults).hasValue(1);
		assertThat(record(adminKeyOf("UADMIN1"))).map(DigestRecord::status).hasValue(DigestStatus.CLAIMED);
		clock.advance(Duration.ofMinutes(2));
		restart();
		restart();
		scheduler.fire(adminKeyOf("UADMIN1"));

		assertThat(SlackStub.messagesTo(ADMIN)).hasSize(1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADMIN).get(0))).contains("Your cohort this week");
		assertThat(record(adminKeyOf("UADMIN1"))).map(DigestRecord::status).hasValue(DigestStatus.SENT);
	}

	@Test
	void anAdminsRunCutOffByTheStoreLosesNothingAndDoublesNothing() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		AtomicInteger faults = failNextInsertInto("outbox");

		HttpResponse<String> cutOff = postJson("/api/v1/digests/send", "");

		assertThat(faults).hasValue(1);
		assertThat(cutOff.statusCode()).isEqualTo(503);
		assertThat(cutOff.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(mongo.getCollection("digests").countDocuments(new Document("status", "CLAIMED")))
			.as("the batch's weeks, claimed in one write before the store went").isEqualTo(3);
		assertThat(mongo.getCollection("outbox").countDocuments()).isZero();
		// a start sends the weeks stuck in CLAIMED; the admin's next run finds nothing left, and nothing goes twice
		restart();
		JsonNode again = json(postJson("/api/v1/digests/send", "").body());
		assertThat(again.get("queued").asInt()).isZero();
		drainOutbox();

		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		assertThat(mongo.getCollection("digests").countDocuments(new Document("status", "SENT"))).isEqualTo(3);
	}

	@Test
	void aRunCutOffBeforeItsClaimedWeekWasQueuedIsFinishedByTheNextRun() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		AtomicInteger faults = failNextInsertInto("outbox");
		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(503);
		assertThat(faults).hasValue(1);

		JsonNode again = json(postJson("/api/v1/digests/send", "").body());

		assertThat(again.get("handled").asInt()).as("the stuck week and the two never claimed").isEqualTo(3);
		assertThat(drainOutbox()).isEqualTo(3);
		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
	}

	@Test
	void aRestartWhileARunsDigestsWaitInTheOutboxSendsEachOnce() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		String run = json(postJson("/api/v1/digests/send", "").body()).get("run").asString();

		restart();
		restart();

		assertThat(SlackStub.calls("chat.postMessage")).as("a start leaves queued digests to the outbox").isEmpty();
		assertThat(drainOutbox()).isEqualTo(3);
		for (String follower : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		JsonNode progress = json(get("/api/v1/digests/runs/" + run).body());
		assertThat(progress.get("sent").asInt()).isEqualTo(3);
		assertThat(progress.get("done").asBoolean()).isTrue();
	}

	private Optional<DigestRecord> record(String recipientKey) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("recipientKey").is(recipientKey).and("week").is("2026-W50")),
				DigestRecord.class));
	}
}
