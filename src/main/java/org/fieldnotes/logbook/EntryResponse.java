package org.fieldnotes.logbook;

import java.time.Instant;

import org.fieldnotes.placement.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A coach's or manager's response to a logbook entry: an acknowledgement, or a reply in their own words. The text
 * is the responder's words: never log it, always escape it.
 *
 * @param responderKey who responded: their person id
 * @param role the role in which they follow the entry's placement
 * @param text the reply, or {@literal null} for an acknowledgement
 * @param naturalKey unique: {@code ack:<entry>:<responder>} (a person acknowledges an entry once, however often
 * they press), {@code reply:<entry>:<responder>:<submission>} (one reply per submitted form)
 * @param notice whether the participant was told ({@link ResponseNotices}): {@code PENDING} (stored with the response:
 * to be told; in the outbox as {@code response:<id>}), then {@code SENT} or {@code FAILED} as the outbox reports it;
 * {@literal null} when there is nobody to tell on chat (and for responses stored before notices were recorded)
 */
@Document("entry_responses")
@CompoundIndex(name = "entry_created", def = "{'entryId': 1, 'createdAt': 1}")
public record EntryResponse(@Id String id, String entryId, String placementId, String responderKey, Role role,
		ResponseKind kind, String text, Instant createdAt, @Indexed(unique = true) String naturalKey,
		@Indexed String notice) {

	public boolean isReply() {
		return kind == ResponseKind.REPLIED;
	}
}
