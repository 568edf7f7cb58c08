package org.fieldnotes.report;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a steering-meeting brief was generated: for which placement, for which reader role, from which day, and
 * when. No text: the next brief's default {@code since} is the day of the latest of these.
 *
 * @param readerRole {@code academic_coach}, {@code business_coach}, {@code manager} or {@code admin}
 */
@Document("briefs")
@CompoundIndex(name = "placement_generated", def = "{'placementId': 1, 'generatedAt': -1}")
public record BriefRecord(@Id String id, String placementId, String readerRole, LocalDate since, Instant generatedAt) {
}
