package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.util.List;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.InboundMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.Racing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The logbook's claims on the embedded store: an entry, a status update and a response each carry a natural key (the
 * message, the submitted form, the responder and the entry) under a unique index, so the same thing arriving several
 * times at once (a platform's redelivery, a double submit, a double click) is stored once.
 */
class LogbookStoreTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	Logbook logbook;

	@Autowired
	OwnEntries entries;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Responses responses;

	@Autowired
	AccessPolicy access;

	@Test
	void everyNaturalKeyIsUnique() {
		for (String collection : List.of("logbook_entries", "status_updates", "entry_responses")) {
			List<IndexInfo> indexes = mongo.indexOps(collection).getIndexInfo();
			assertThat(indexes).as(collection)
				.anySatisfy(index -> {
					assertThat(index.isUnique()).isTrue();
					assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("naturalKey");
				});
		}
	}

	@Test
	void aMessageDeliveredManyTimesAtOnceIsOneEntry() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		InboundMessage message = new InboundMessage(new MessageRef("slack", "DUADA", "1764669600.000100"), slack(ADA),
				"Mapped the supplier chain", null, false);

		List<Receipt> receipts = Racing.race(8, () -> logbook.receive(message));

		assertThat(logbook.entries(placementId, true)).hasSize(1);
		assertThat(receipts).hasSize(8);
	}

	@Test
	void aFormSubmittedManyTimesAtOnceIsStoredOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		List<Optional<LogbookEntry>> written = Racing.race(6, () -> entries.write(slack(ADA), "Words", "form:V1"));
		List<StatusUpdates.Submitted> submitted = Racing.race(6, () -> statusUpdates.submit(slack(ADA),
				new StatusUpdates.Report(OverallStatus.GREEN, "Fine", null, 4), null, "form:V2"));

		assertThat(written).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(submitted).filteredOn(s -> s.outcome() == StatusUpdates.Outcome.SAVED).hasSize(1);
		assertThat(logbook.entries(placementId, true)).hasSize(1);
		assertThat(statusUpdates.of(placementId)).hasSize(1);
	}

	@Test
	void manyClicksOnAcknowledgeAtOnceAreOneAcknowledgement() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Words", null);

		List<Responses.Outcome> outcomes = Racing.race(6,
				() -> responses.acknowledge(entry.id(), access.member(slack("UANDERS")), Operation.ENTRY_ACKNOWLEDGE_BUTTON));

		assertThat(outcomes).filteredOn(o -> o.status() == Responses.Status.STORED).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o.status() == Responses.Status.ALREADY_DONE).hasSize(5);
		assertThat(responses.to(entry.id())).hasSize(1);
	}
}
