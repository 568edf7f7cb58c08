package org.fieldnotes.people;

import java.time.Instant;
import java.util.Map;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a layout migration ran: when first and last, and what its last run that changed anything changed, by module.
 *
 * @param id the migration, e.g. {@code people-by-id}
 * @param changed documents changed by the last run that changed any, by module ({@code placements: 12, …})
 */
@Document("migrations")
@NoPersonalData("which layout migrations ran, when, and how many documents they changed")
record MigrationRecord(@Id String id, Instant firstRanAt, Instant lastRanAt, Instant lastChangedAt,
		Map<String, Long> changed) {
}
