package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptOccurrence;

/**
 * One placement's week as a recipient sees it: the prompts that went out (or should have) and the entries written.
 * Whatever fills {@code entries}, only {@link #readableEntries()} may be shown, counted or summarized.
 */
record PlacementWeek(Placement placement, Role role, List<PromptOccurrence> prompts, List<LogbookEntry> entries) {

	long answered() {
		return prompts.stream().filter(PromptOccurrence::isAnswered).count();
	}

	/** Prompts that were due but never sent (Fieldnotes was down). */
	long missed() {
		return prompts.stream().filter(p -> p.getStatus() == OccurrenceStatus.MISSED).count();
	}

	/** The week's entries the recipient's role may read, oldest first: never a private one. */
	List<LogbookEntry> readableEntries() {
		return entries.stream().filter(entry -> entry.readableBy(role)).toList();
	}
}
