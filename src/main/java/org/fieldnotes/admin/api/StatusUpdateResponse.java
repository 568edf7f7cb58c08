package org.fieldnotes.admin.api;

import java.time.Instant;

import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;

/**
 * A status update as the admin API shows it; private and confidential ones are never shown here.
 */
record StatusUpdateResponse(String id, String placementId, String authorSlackUserId, OverallStatus status,
		String progress, String blockers, int mood, String promptOccurrenceId, Instant createdAt, String visibility) {

	static StatusUpdateResponse of(StatusUpdate u) {
		return new StatusUpdateResponse(u.id(), u.placementId(), u.authorId(), u.status(), u.progress(), u.blockers(),
				u.mood(), u.occurrenceId(), u.createdAt(), u.visibility().key());
	}
}
