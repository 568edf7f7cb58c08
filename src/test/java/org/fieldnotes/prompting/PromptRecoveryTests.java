package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.Document;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two moments a crash can fall between a prompt's claim and its record: after the occurrence was claimed but
 * before the outbox had the message, and after the outbox sent it but before the occurrence heard. The next
 * catch-up (at start, or when the placement's trigger fires) puts both right, and nothing is sent twice.
 */
class PromptRecoveryTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptOccurrences occurrences;

	@Autowired
	PromptCalendar calendar;

	@Autowired
	PlacementManagement placements;

	@Test
	void aPromptClaimedButNeverQueuedIsQueuedAtTheNextCatchUpAndSentOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		PromptOccurrence claimed = claimWithoutSending(placementId);

		clock.set(FRIDAY_DEC_4.plusSeconds(60));
		dispatcher.catchUp(placementId);
		dispatcher.catchUp(placementId);

		assertThat(outboxStatus("prompt:" + claimed.getId())).isEqualTo("PENDING");
		assertThat(drainOutbox()).isEqualTo(1);
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(0))).contains("Week 5 of 26 at Scania");
		PromptOccurrence recovered = occurrences.findById(claimed.getId()).orElseThrow();
		assertThat(recovered.getStatus()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(recovered.getChannel()).isEqualTo("D" + ADA);

		dispatcher.catchUp(placementId);
		assertThat(drainOutbox()).isZero();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
	}

	@Test
	void aPromptSentWhoseOccurrenceNeverHeardIsRecordedSentAtTheNextCatchUpAndNotSentAgain() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		PromptOccurrence claimed = claimWithoutSending(placementId);
		// the outbox delivered it, and the process died before the occurrence was told
		mongo.getCollection("outbox")
			.insertOne(new Document("_id", "o1").append("key", "prompt:" + claimed.getId())
				.append("kind", "PROMPT")
				.append("ref", claimed.getId())
				.append("recipient", ADA)
				.append("status", "SENT")
				.append("attempts", 1)
				.append("channel", "DUADA")
				.append("ts", "1764853260.000100"));

		clock.set(FRIDAY_DEC_4.plusSeconds(60));
		dispatcher.catchUp(placementId);

		PromptOccurrence recovered = occurrences.findById(claimed.getId()).orElseThrow();
		assertThat(recovered.getStatus()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(recovered.getMessageTs()).isEqualTo("1764853260.000100");
		assertThat(drainOutbox()).isZero();
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
	}

	private PromptOccurrence claimWithoutSending(String placementId) {
		Placement placement = placements.get(placementId);
		Due due = calendar.dues(placement)
			.stream()
			.filter(d -> d.instant().equals(FRIDAY_DEC_4))
			.findFirst()
			.orElseThrow();
		return occurrences.claim(PromptOccurrence.claim(placementId, calendar.promptFor(placement, due).id(), due,
				OccurrenceStatus.CLAIMED, FRIDAY_DEC_4)).orElseThrow();
	}

	private String outboxStatus(String key) {
		Document found = mongo.getCollection("outbox").find(new Document("key", key)).first();
		return found == null ? null : found.getString("status");
	}
}
