package org.fieldnotes.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.prompting.PreviousPlans;
import org.fieldnotes.prompting.PromptHistory;
import org.springframework.stereotype.Component;

/**
 * The participant's own last "Now what?" plan, for a prompt that quotes it: the plan in the latest of their own
 * entries in the placement (not deleted, written before the prompt went out) that has one. Entries by anyone else
 * are never looked at, whatever their visibility: the prompt goes to the participant alone.
 */
@Component
class LastPlans implements PreviousPlans {

	private final Logbook logbook;
	private final PromptHistory prompts;

	LastPlans(Logbook logbook, PromptHistory prompts) {
		this.logbook = logbook;
		this.prompts = prompts;
	}

	@Override
	public Optional<String> latestBefore(Placement placement, Instant before) {
		String author = placement.getParticipant().id().value();
		List<LogbookEntry> entries = logbook.entries(placement.getId(), false);
		for (int i = entries.size() - 1; i >= 0; i--) {
			LogbookEntry entry = entries.get(i);
			if (!author.equals(entry.authorId()) || entry.promptId() == null || !entry.createdAt().isBefore(before)) {
				continue;
			}
			Optional<String> plan = NowWhatPlans.in(prompts.prompt(entry.promptId()).orElse(null), entry.text());
			if (plan.isPresent()) {
				return plan;
			}
		}
		return Optional.empty();
	}
}
