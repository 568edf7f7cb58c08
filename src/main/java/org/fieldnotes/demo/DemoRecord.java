package org.fieldnotes.demo;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The mark on one demo placement, in {@code demo_placements}: which placement and people are demo data, and when
 * they expire. It is written <em>before</em> the people are enrolled (with their chat accounts, which are known
 * then) and completed with the placement and person ids after, so a crash in between leaves nothing unmarked: the
 * removal erases by account. Erasing a demo person takes them off their mark (see {@link DemoPersonalData}); the
 * mark goes with the last of them.
 *
 * @param accountKeys the demo people's chat accounts, {@code web:<member id>}
 * @param placementId the placement; {@literal null} until it is enrolled
 * @param personIds the people's ids; empty until they are enrolled
 */
@Document("demo_placements")
record DemoRecord(@Id String id, List<String> accountKeys, @Indexed String placementId, List<String> personIds,
		Instant createdAt, @Indexed Instant expiresAt) {

	DemoRecord {
		accountKeys = accountKeys == null ? List.of() : List.copyOf(accountKeys);
		personIds = personIds == null ? List.of() : List.copyOf(personIds);
	}
}
