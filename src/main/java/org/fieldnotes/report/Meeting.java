package org.fieldnotes.report;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A steering meeting scheduled for a placement. Some work days before it ({@code FIELDNOTES_BRIEF_BEFORE_MEETING}),
 * each reader of the placement gets its brief once ({@link MeetingBriefs}).
 *
 * @param title what the meeting is called, as the coordinator wrote it (may be {@literal null})
 * @param createdBy who scheduled it, as the audit trail names them
 * @param briefedAt when a run claimed the meeting's briefs; {@literal null} until then
 * @param briefing {@code PENDING} from the claim until its briefs are in the outbox, then {@code QUEUED}
 * @param since the first day its briefs cover, fixed at the claim so that every reader's brief covers the same days
 */
@Document("meetings")
@CompoundIndex(name = "placement_date", def = "{'placementId': 1, 'date': 1}")
public record Meeting(@Id String id, String placementId, LocalDate date, String title, Instant createdAt,
		String createdBy, Instant briefedAt, String briefing, LocalDate since) {
}
