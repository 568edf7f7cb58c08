package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.prompting.PromptOccurrence;

/**
 * One placement's week as a recipient sees it: the prompts that went out (or should have) and the entries written.
 */
record PlacementWeek(Placement placement, Role role, List<PromptOccurrence> prompts, List<LogbookEntry> entries) {

	long answered() {
		return prompts.stream().filter(PromptOccurrence::isAnswered).count();
	}
}
