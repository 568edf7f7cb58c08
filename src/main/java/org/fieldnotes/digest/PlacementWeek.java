package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptOccurrence;

/**
 * One placement's week as a recipient sees it: the prompts that went out (or should have) and the entries written.
 * Whatever fills {@code entries}, only {@link #readableEntries()} may be shown, counted or summarized.
 *
 * @param adminReading an admin is looking at this recipient's digest ({@code /fieldnotes digest preview @person}):
 * only what both the role and an admin may read is shown ({@link Visibility#readableByAdmins()})
 */
record PlacementWeek(Placement placement, Role role, List<PromptOccurrence> prompts, List<LogbookEntry> entries,
		boolean adminReading) {

	/** The week as the recipient themself reads it. */
	PlacementWeek(Placement placement, Role role, List<PromptOccurrence> prompts, List<LogbookEntry> entries) {
		this(placement, role, prompts, entries, false);
	}

	/** Whether an item of this visibility may be shown, counted or summarized here. */
	boolean shows(Visibility visibility) {
		return visibility.readableBy(role) && (!adminReading || visibility.readableByAdmins());
	}

	long answered() {
		return prompts.stream().filter(PromptOccurrence::isAnswered).count();
	}

	/** Prompts that were due but never sent (Fieldnotes was down). */
	long missed() {
		return prompts.stream().filter(p -> p.getStatus() == OccurrenceStatus.MISSED).count();
	}

	/** The week's entries the reader may read ({@link #shows}), oldest first: never a private one. */
	List<LogbookEntry> readableEntries() {
		return entries.stream().filter(entry -> shows(entry.visibility())).toList();
	}
}
