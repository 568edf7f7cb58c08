package org.fieldnotes.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;

/**
 * One item found: as a digest would show it to this reader, with the parts of its text that matched.
 *
 * @param kind what it is
 * @param id the item's id (an entry's, a status update's, a reply's)
 * @param entryId the entry: the item itself for an entry, the entry replied to for a reply; {@literal null} for a
 * status update
 * @param placementId its placement
 * @param program the placement's programme
 * @param participant the participant's name
 * @param at when it was written
 * @param date the day it was written, on the participant's calendar
 * @param promptTitle the title of the prompt an entry answers, in the reader's language; {@literal null} otherwise
 * @param status a status update's overall status; {@literal null} otherwise
 * @param responderRole the role a reply was written in; {@literal null} otherwise
 * @param visibility who may read it (a reply: who may read the entry it answers)
 * @param snippets the fields that matched, each with its match ranges; at least one
 */
public record SearchHit(Kind kind, String id, String entryId, String placementId, String program, String participant,
		Instant at, LocalDate date, String promptTitle, OverallStatus status, Role responderRole,
		Visibility visibility, List<Snippet> snippets) {

	public enum Kind {
		/** A free-form logbook entry. */
		ENTRY,
		/** A logbook entry that answers a prompt ({@link SearchHit#promptTitle()}). */
		PROMPT_ANSWER,
		/** A status update: its progress and blockers. */
		STATUS_UPDATE,
		/** A coach's or manager's reply to an entry. */
		REPLY
	}
}
