package org.fieldnotes.prompting;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-off note to a participant that is not a prompt (nothing answers it), e.g. the end-of-placement note.
 * Inserting it is the claim: the unique key (placement, kind) lets it go once.
 *
 * @param status {@code CLAIMED} (to be sent; in the outbox as {@code placement-notice:<id>}), then {@code SENT} or
 * {@code FAILED} as the outbox reports its delivery; or {@code MISSED} (the app was down too long, or it was night)
 */
@Document("placement_notices")
@CompoundIndex(name = "claim", def = "{'placementId': 1, 'kind': 1}", unique = true)
@CompoundIndex(name = "placement_status", def = "{'placementId': 1, 'status': 1}")
record PlacementNotice(@Id String id, String placementId, String kind, Instant dueAt, String status,
		Instant claimedAt) {

	static final String END_OF_PLACEMENT = "end-of-placement";
	static final String CLAIMED = "CLAIMED";
	static final String SENT = "SENT";
	static final String FAILED = "FAILED";
	static final String MISSED = "MISSED";

	@PersistenceCreator
	PlacementNotice {
	}

	static PlacementNotice claim(String placementId, String kind, Instant dueAt, String status, Instant now) {
		return new PlacementNotice(UUID.randomUUID().toString(), placementId, kind, dueAt, status, now);
	}
}
