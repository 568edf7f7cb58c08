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

	long countByPlacementIdAndDeletedAtIsNullAndCreatedAtGreaterThanEqual(String placementId, Instant from);
}
