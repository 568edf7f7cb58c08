package org.fieldnotes.retention;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the retention sweep kept of a placement whose logbook it deleted, for programme evaluation: its programme and
 * dates and how many documents of each kind went. Written by an upsert (a sweep finishing another's work adds to
 * the counts).
 *
 * @param placementId the swept placement
 * @param endedOn the day its retention counted from
 * @param deleted documents deleted, by collection
 */
@Document(RetentionSweep.RECORDS)
record RetentionRecord(@Id String placementId, String program, String startDate, String endDate, String endedOn,
		Instant firstSweptAt, Instant lastSweptAt, Map<String, Long> deleted) {
}
