package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldnotes.people.PersonId;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.Racing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The digest's claims on the embedded store: a recipient's week is claimed by inserting its record (unique recipient
 * + week), so of several senders exactly one wins; a recipient's settings are one document changed by atomic upserts,
 * and a pending address is confirmed by one conditional update, once however often its link is used. Recipients are
 * keyed by person id.
 */
class DigestStoresTests extends IntegrationTest {

	private String maja;
	private String anders;

	@Autowired
	DigestRecords records;

	@Autowired
	DigestPreferenceStore preferences;

	@BeforeEach
	void twoPeople() {
		maja = people.ensure(slack("UMAJA")).id().value();
		anders = people.ensure(slack("UANDERS")).id().value();
	}

	@Test
	void theWeeksClaimIndexIsUniqueOnRecipientAndWeek() {
		List<IndexInfo> indexes = mongo.indexOps("digests").getIndexInfo();

		assertThat(indexes).filteredOn(i -> i.getName().equals("claim")).singleElement().satisfies(index -> {
			assertThat(index.isUnique()).isTrue();
			assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("recipientKey", "week");
		});
	}

	@Test
	void ofManySendersClaimingTheSameWeekExactlyOneWins() {
		List<Optional<DigestRecord>> claims = Racing.race(8, () -> records.claim(record(maja, "2026-W49")));

		assertThat(claims).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(1);
		assertThat(records.claim(record(maja, "2026-W50"))).isPresent();
		assertThat(records.claim(record(anders, "2026-W49"))).isPresent();
		assertThat(records.exists(maja, "2026-W49")).isTrue();
		assertThat(records.exists(maja, "2026-W48")).isFalse();
	}

	@Test
	void aClaimedWeekIsFinishedInPlaceAndTheLatestIsTheLastClaimed() {
		DigestRecord first = records.claim(record(maja, "2026-W49")).orElseThrow();
		clock.advance(java.time.Duration.ofDays(7));
		records.claim(record(maja, "2026-W50")).orElseThrow();

		records.finish(first.id(), new Update().set("status", DigestStatus.SENT).set("ts", "1.2"));

		assertThat(records.find(maja, "2026-W49")).hasValueSatisfying(r -> {
			assertThat(r.status()).isEqualTo(DigestStatus.SENT);
			assertThat(r.ts()).isEqualTo("1.2");
		});
		assertThat(records.latest(maja)).map(DigestRecord::week).hasValue("2026-W50");
		assertThat(records.latest(PersonId.random().value())).isEmpty();
	}

	@Test
	void settingsAreOneDocumentPerRecipientWhateverTheNumberOfChanges() {
		List<DigestPreference> changed = Racing.race(6,
				() -> preferences.upsert(maja, new Update().set("updatedAt", clock.instant())));

		assertThat(changed).allSatisfy(p -> assertThat(p).isNotNull());
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isEqualTo(1);
		assertThat(preferences.find(maja)).isPresent();
		assertThat(preferences.find(PersonId.random().value())).isEmpty();
	}

	@Test
	void aPendingAddressIsConfirmedOnceEvenByTwoRequestsAtOnce() {
		preferences.upsert(maja, new Update().set("pendingNonce", "n1").set("pendingEmail", "maja@example.org"));

		List<Optional<DigestPreference>> confirmed = Racing.race(4, () -> preferences.whilePending(maja, "n1",
				new Update().unset("pendingNonce").set("email", "maja@example.org")));

		assertThat(confirmed).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(preferences.whilePending(maja, "n1", new Update().set("email", "x@example.org"))).isEmpty();
		assertThat(preferences.whilePending(maja, "other", new Update().set("email", "x@example.org"))).isEmpty();
		assertThat(mongo.getCollection("digest_preferences").find().first().get("email")).isEqualTo("maja@example.org");
	}

	private DigestRecord record(String recipient, String week) {
		Instant now = clock.instant();
		return new DigestRecord(UUID.randomUUID().toString(), recipient, week, DigestStatus.CLAIMED, now, null, null,
				null, List.of(), List.of(), List.of(), null);
	}
}
