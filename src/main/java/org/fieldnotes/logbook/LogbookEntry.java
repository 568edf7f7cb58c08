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
 * One entry in a participant's logbook. The text is the participant's own words: never log it, always escape it.
 *
 * @param naturalKey unique: {@code slack:<channel>:<ts>} for a chat message, {@code slack-view:<view id>} for a
 * form, {@code entry:<id>} otherwise
 * @param link where the entry's words came from (a message saved with "Save to logbook"), or {@literal null}
 * @param visibility who besides the author may read it; {@link Visibility#DEFAULT} for entries stored before it existed
 */
@Document("logbook_entries")
@CompoundIndex(name = "placement_created", def = "{'placementId': 1, 'createdAt': -1}")
public record LogbookEntry(@Id String id, String placementId, String authorId, String text, EntrySource source,
		String occurrenceId, String promptId, @Indexed(unique = true) String naturalKey, String channel, String ts,
		Instant createdAt, Instant editedAt, Instant deletedAt, String link, Visibility visibility) {

	@PersistenceCreator
	public LogbookEntry {
		visibility = visibility == null ? Visibility.DEFAULT : visibility;
	}

	/** An entry with the default visibility. */
	public LogbookEntry(String id, String placementId, String authorId, String text, EntrySource source,
			String occurrenceId, String promptId, String naturalKey, String channel, String ts, Instant createdAt,
			Instant editedAt, Instant deletedAt, String link) {
		this(id, placementId, authorId, text, source, occurrenceId, promptId, naturalKey, channel, ts, createdAt,
				editedAt, deletedAt, link, null);
	}

	/** An entry without a link. */
	public LogbookEntry(String id, String placementId, String authorId, String text, EntrySource source,
			String occurrenceId, String promptId, String naturalKey, String channel, String ts, Instant createdAt,
			Instant editedAt, Instant deletedAt) {
		this(id, placementId, authorId, text, source, occurrenceId, promptId, naturalKey, channel, ts, createdAt,
				editedAt, deletedAt, null, null);
	}

	/** Whether someone following the placement in this role may read it. */
	public boolean readableBy(Role role) {
		return visibility.readableBy(role);
	}

	public boolean deleted() {
		return deletedAt != null;
	}
}
