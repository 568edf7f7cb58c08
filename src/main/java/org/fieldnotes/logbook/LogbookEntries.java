package org.fieldnotes.logbook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * Stored entries.
 */
interface LogbookEntries extends MongoRepository<LogbookEntry, String> {

	List<LogbookEntry> findByPlacementIdAndDeletedAtIsNullOrderByCreatedAtAsc(String placementId);

	List<LogbookEntry> findByPlacementIdOrderByCreatedAtAsc(String placementId);

	List<LogbookEntry> findByPlacementIdAndDeletedAtIsNullAndCreatedAtGreaterThanEqualAndCreatedAtLessThanOrderByCreatedAtAsc(
			String placementId, Instant from, Instant to);

	long countByPlacementIdAndDeletedAtIsNullAndCreatedAtGreaterThanEqual(String placementId, Instant from);
}
