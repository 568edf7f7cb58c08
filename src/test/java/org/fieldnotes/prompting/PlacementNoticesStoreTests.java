package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.Racing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * One-off notes (the end of a placement) on the embedded store: the claim is the insert, unique per placement and
 * kind, so of several firings exactly one sends it; what was claimed and not yet delivered can be found again.
 */
class PlacementNoticesStoreTests extends IntegrationTest {

	private static final Instant DUE = Instant.parse("2026-12-14T13:00:00Z");

	@Autowired
	PlacementNotices notices;

	@Test
	void theClaimIndexIsUniqueOnPlacementAndKind() {
		List<IndexInfo> indexes = mongo.indexOps("placement_notices").getIndexInfo();

		assertThat(indexes).filteredOn(i -> i.getName().equals("claim")).singleElement().satisfies(index -> {
			assertThat(index.isUnique()).isTrue();
			assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("placementId", "kind");
		});
	}

	@Test
	void ofManyFiringsClaimingTheSameNoteExactlyOneWins() {
		List<Optional<PlacementNotice>> claims = Racing.race(8, () -> notices.claim(claim("p1")));

		assertThat(claims).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(notices.claim(claim("p2"))).isPresent();
		assertThat(mongo.getCollection("placement_notices").countDocuments()).isEqualTo(2);
	}

	@Test
	void aClaimedNoteIsFoundUntilItIsMarkedSentOrFailed() {
		PlacementNotice first = notices.claim(claim("p1")).orElseThrow();

		assertThat(notices.claimedUnsent("p1")).extracting(PlacementNotice::id).containsExactly(first.id());
		notices.markSent(first.id());
		assertThat(notices.claimedUnsent("p1")).isEmpty();

		PlacementNotice other = notices.claim(claim("p2")).orElseThrow();
		notices.markFailed(other.id());
		assertThat(notices.claimedUnsent("p2")).isEmpty();
		assertThat(mongo.findById(other.id(), PlacementNotice.class).status()).isEqualTo(PlacementNotice.FAILED);
	}

	private PlacementNotice claim(String placementId) {
		return PlacementNotice.claim(placementId, PlacementNotice.END_OF_PLACEMENT, DUE, PlacementNotice.CLAIMED,
				clock.instant());
	}
}
