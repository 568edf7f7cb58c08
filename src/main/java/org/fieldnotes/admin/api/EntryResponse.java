package org.fieldnotes.admin.api;

import java.time.Instant;

import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.people.Person;

/**
 * A logbook entry as the admin API shows it; {@code visibility} is {@code coaches} or {@code placement} (private and
 * confidential entries are never shown here).
 */
record EntryResponse(String id, String placementId, String authorSlackUserId, String text, EntrySource source,
		String promptOccurrenceId, String promptId, String channel, String ts, Instant createdAt, Instant editedAt,
		Instant deletedAt, String link, String visibility, String authorPersonId) {

	/** @param author the entry's author ({@literal null} when not known): their Slack member id is shown */
	static EntryResponse of(LogbookEntry e, Person author) {
		return new EntryResponse(e.id(), e.placementId(), slackIdOf(author), e.text(), e.source(), e.occurrenceId(),
				e.promptId(), e.channel(), e.ts(), e.createdAt(), e.editedAt(), e.deletedAt(),
				e.link(), e.visibility().key(), e.authorId());
	}

	static String slackIdOf(Person author) {
		return author == null ? null
				: author.account(PlacementRequest.SLACK).map(org.fieldnotes.chat.ChatAccount::memberId).orElse(null);
	}
}
