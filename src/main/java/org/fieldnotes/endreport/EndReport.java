package org.fieldnotes.endreport;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A placement's end-of-placement report (collection {@code end_reports}, one per placement: its id is the
 * placement's). The sections are the participant's words: never logged, escaped wherever shown. Every save,
 * submission, return and approval is a line of {@code history} (who, when, through which surface, the manager's
 * comment), added in the same single-document update as the state it records.
 *
 * @param participantId the participant's person id
 * @param managerId the manager it was last submitted to (person id), or {@literal null} before that
 * @param version how many times it was saved: the form saves only over the version it was opened with
 * @param returnComment the manager's comment when it was last returned, or {@literal null}
 * @param approvedBy the manager's person id once approved
 * @param approvedVia the surface they approved it through: {@code slack}, {@code web}, {@code teams} or {@code email}
 */
@Document("end_reports")
public record EndReport(@Id String placementId, @Indexed String participantId, @Indexed String managerId,
		String program, EndReportState state, EndReportSections sections, long version, List<Event> history,
		String returnComment, Instant approvedAt, String approvedBy, String approvedVia, Instant createdAt,
		Instant updatedAt) {

	public EndReport {
		history = history == null ? List.of() : List.copyOf(history);
		state = state == null ? EndReportState.DRAFT : state;
		sections = sections == null ? new EndReportSections(null, null, null, null, null) : sections;
	}

	/** What was done to the report. */
	public enum Action {
		SAVED, SUBMITTED, RETURNED, APPROVED
	}

	/**
	 * One step of its history.
	 * @param by the person id of who did it
	 * @param via the surface: {@code slack}, {@code web}, {@code teams} or {@code email}
	 * @param comment the manager's comment when returning, else {@literal null}
	 */
	public record Event(Instant at, String by, Action action, String via, String comment) {
	}
}
