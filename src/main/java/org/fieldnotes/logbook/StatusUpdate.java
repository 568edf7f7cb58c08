package org.fieldnotes.logbook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's status update: overall status, progress in a sentence, blockers, mood. Progress and blockers are
 * their own words: never log them, always escape them.
 *
 * @param mood 1 (low) to 5 (great)
 * @param occurrenceId the status-check prompt it answers, or {@literal null}
 * @param naturalKey unique per submitted form, e.g. {@code slack-view:<view id>}
 * @param visibility who besides the author may read it; {@link Visibility#DEFAULT} for updates stored before it existed
 */
@Document("status_updates")
@CompoundIndex(name = "placement_created", def = "{'placementId': 1, 'createdAt': -1}")
public record StatusUpdate(@Id String id, String placementId, String authorId, OverallStatus status, String progress,
		String blockers, int mood, String occurrenceId, @Indexed(unique = true) String naturalKey, Instant createdAt,
		Visibility visibility) {

	@PersistenceCreator
	public StatusUpdate {
		visibility = visibility == null ? Visibility.DEFAULT : visibility;
	}

	/** A status update with the default visibility. */
	public StatusUpdate(String id, String placementId, String authorId, OverallStatus status, String progress,
			String blockers, int mood, String occurrenceId, String naturalKey, Instant createdAt) {
		this(id, placementId, authorId, status, progress, blockers, mood, occurrenceId, naturalKey, createdAt, null);
	}

	/** Whether someone following the placement in this role may read it. */
	public boolean readableBy(Role role) {
		return visibility.readableBy(role);
	}
}
