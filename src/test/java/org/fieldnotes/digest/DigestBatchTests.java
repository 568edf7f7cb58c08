package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.CrashGapTest;
import org.fieldnotes.support.Racing;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A run claims a batch of recipients' weeks in one write and queues their digests in another (DigestWritesTests
 * counts the writes); idempotency is kept per recipient: a week another run or instance claimed first is not claimed
 * again, its digest is sent once under that claim's key, whether the other one has queued it yet or not. Each week
 * is counted by one run: the one whose claim it is, or, for a claim left behind (older than
 * {@link DigestService#CLAIM_LEASE}, or its run cut off here), the run that recovers it.
 */
class DigestBatchTests extends CrashGapTest {

	private static final List<String> FOLLOWERS = List.of("UM0", "UA0", "UB0", "UM1", "UA1", "UB1", "UM2", "UA2",
			"UB2", "UM3", "UA3", "UB3");

	@Autowired
	DigestService digests;

	@Autowired
	DigestRecords records;

	@Autowired
	DigestOutbox outbox;

	@Test
	void weeksAnotherInstanceClaimedMidRunAreSentOnceUnderItsClaims() {
		enrolFollowedBy(0);
		enrolFollowedBy(1);
		// another instance's run has claimed two of the weeks and not queued their digests yet, a moment ago
		DigestRecord maja = otherInstancesClaim("UM0", clock.instant());
		DigestRecord anders = otherInstancesClaim("UA1", clock.instant());
		clock.advance(DigestService.CLAIM_LEASE.minusSeconds(1));

		DigestRun.Started run = digests.queueAll();

		assertThat(run.records()).as("the four it claimed; the two the other run is still queueing are that run's")
			.hasSize(4)
			.extracting(DigestRecord::id)
			.doesNotContain(maja.id(), anders.id());
		assertThat(run.run().queuedCount()).isEqualTo(4);
		assertThat(run.run().recordIds()).doesNotContain(maja.id(), anders.id());
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(6);
		assertThat(mongo.getCollection("outbox").countDocuments())
			.as("queued all the same, under the other instance's claims, should it have died").isEqualTo(6);
		// the other instance goes on and queues its two: the outbox has them already, under the same keys
		outbox.queueAll(List.of(DigestOutbox.chat(maja, people.find(Accounts.slack("UM0"))
			.orElseThrow(), ChatMessage.text("the other instance's"), List.of()),
				DigestOutbox.chat(anders, people.find(Accounts.slack("UA1")).orElseThrow(),
						ChatMessage.text("the other instance's"), List.of())));
		assertThat(mongo.getCollection("outbox").countDocuments()).isEqualTo(6);
		assertThat(drainOutbox()).isEqualTo(6);
		for (String follower : FOLLOWERS.subList(0, 6)) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
			// the digest this run composed, queued first under the other instance's key (UA<i> reads Swedish)
			assertThat(SlackStub.messagesTo(follower).get(0).get("text")).containsAnyOf("Your placements this week",
					"Dina placeringar den här veckan");
		}
	}

	@Test
	void weeksClaimedLongerAgoThanTheLeaseAndNeverQueuedAreRecoveredAndCountedByTheRun() {
		enrolFollowedBy(0);
		enrolFollowedBy(1);
		// another instance claimed two weeks and died before queueing them
		DigestRecord maja = otherInstancesClaim("UM0", clock.instant());
		DigestRecord anders = otherInstancesClaim("UA1", clock.instant());
		clock.advance(DigestService.CLAIM_LEASE);

		DigestRun.Started run = digests.queueAll();

		assertThat(run.records()).as("the four it claimed, and the two claims left behind")
			.hasSize(6)
			.extracting(DigestRecord::id)
			.contains(maja.id(), anders.id());
		assertThat(run.run().queuedCount()).isEqualTo(6);
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(6);
		assertThat(drainOutbox()).isEqualTo(6);
		for (String follower : FOLLOWERS.subList(0, 6)) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		JsonNode progress = json(get("/api/v1/digests/runs/" + run.run().id()).body());
		assertThat(progress.get("queued").asInt()).isEqualTo(6);
		assertThat(progress.get("sent").asInt()).isEqualTo(6);
	}

	@Test
	void runsRacingOverTheSameRecipientsQueueEachWeekOnce() {
		for (int i = 0; i < 4; i++) {
			enrolFollowedBy(i);
		}

		List<DigestRun.Started> runs = Racing.race(4, digests::queueAll);

		assertThat(runs).hasSize(4);
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(12);
		assertThat(mongo.getCollection("outbox").countDocuments()).isEqualTo(12);
		assertThat(runs.stream().flatMap(r -> r.records().stream()).map(DigestRecord::id).distinct())
			.as("every digest any run handled is under one of the twelve claims")
			.hasSize(12);
		assertThat(runs.stream().mapToInt(r -> r.records().size()).sum())
			.as("each week handled by one run: the one whose claim won").isEqualTo(12);
		assertThat(runs.stream().mapToInt(r -> r.run().queuedCount()).sum()).as("queued, as the runs answer")
			.isEqualTo(12);
		assertThat(drainOutbox()).isEqualTo(12);
		int queued = 0;
		int sent = 0;
		for (DigestRun.Started run : runs) {
			JsonNode progress = json(get("/api/v1/digests/runs/" + run.run().id()).body());
			queued += progress.get("queued").asInt();
			sent += progress.get("sent").asInt();
		}
		assertThat(queued).as("queued, as GET /api/v1/digests/runs/{id} says").isEqualTo(12);
		assertThat(sent).as("sent, as GET /api/v1/digests/runs/{id} says").isEqualTo(12);
		for (String follower : FOLLOWERS) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
		assertThat(mongo.getCollection("digests").countDocuments(new Document("status", "SENT"))).isEqualTo(12);
	}

	/** A recipient's week of now, claimed at {@code at} as another instance's run claims it (no digest queued yet). */
	private DigestRecord otherInstancesClaim(String memberId, Instant at) {
		LocalDate today = clock.instant().atZone(ZoneId.of("Europe/Stockholm")).toLocalDate();
		String week = String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
				today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		return records.claim(new DigestRecord(UUID.randomUUID().toString(), keyOf(memberId), week,
				DigestStatus.CLAIMED, at, null, null, null, List.of(), List.of(), List.of(), null))
			.orElseThrow();
	}

	/** A placement whose manager and coaches follow no other: UM<i>, UA<i>, UB<i>. */
	private void enrolFollowedBy(int i) {
		String json = placementJson("UP" + i, "2026-11-02", "2027-04-30").replace("UMAJA", "UM" + i)
			.replace("UANDERS", "UA" + i)
			.replace("UBEATA", "UB" + i);
		assertThat(postJson("/api/v1/placements", json).statusCode()).isEqualTo(201);
	}
}
