package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.logbook.StatusUpdate;

/**
 * What a follower's part of the digest says about a placement beyond the week's prompts and entries, loaded once per
 * placement: the status updates the follower's role may read, and how engaged the participant is.
 *
 * @param statusUpdates status updates readable by the role, newest first: their words may be shown
 * @param factUpdates every status update that is not private, newest first: only their facts (colour, blocker age)
 * may be shown, exactly as the needs-attention flags show them, so a manager's line and the flags agree
 * @param engagement prompts answered this week and overall, and the streak
 */
record RoleFacts(List<StatusUpdate> statusUpdates, List<StatusUpdate> factUpdates, Engagement engagement) {

	RoleFacts {
		statusUpdates = List.copyOf(statusUpdates);
		factUpdates = List.copyOf(factUpdates);
	}

	/**
	 * Prompts answered: facts, not words, so every follower may see them.
	 *
	 * @param answeredThisWeek answered prompts of the digest's week
	 * @param promptsThisWeek prompts of the digest's week (sent, or due and not sent)
	 * @param answeredOverall answered prompts since the placement started
	 * @param promptsOverall prompts since the placement started
	 * @param streak prompts answered in a row (see {@code PromptHistory#streak})
	 */
	record Engagement(long answeredThisWeek, int promptsThisWeek, long answeredOverall, int promptsOverall,
			int streak) {
	}
}
