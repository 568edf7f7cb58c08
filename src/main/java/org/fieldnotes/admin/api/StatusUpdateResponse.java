package org.fieldnotes.admin.api;

import java.time.Instant;

import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.people.Person;

/**
 * A status update as the admin API shows it; private and confidential ones are never shown here.
 */
record StatusUpdateResponse(String id, String placementId, String authorSlackUserId, OverallStatus status,
		String progress, String blockers, int mood, String promptOccurrenceId, Instant createdAt, String visibility,
		String authorPersonId) {

	/** @param author the update's author ({@literal null} when not known): their Slack member id is shown */
	static StatusUpdateResponse of(StatusUpdate u, Person author) {
		return new StatusUpdateResponse(u.id(), u.placementId(), EntryResponse.slackIdOf(author), u.status(),
				u.progress(), u.blockers(), u.mood(), u.occurrenceId(), u.createdAt(), u.visibility().key(),
				u.authorId());
	}
}
