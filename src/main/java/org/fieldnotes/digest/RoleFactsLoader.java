package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.stereotype.Component;

/**
 * Loads a placement's {@link RoleFacts} for one follower: only status updates that follower's role may read (and,
 * when an admin previews their digest, an admin too; a private one never leaves here), and the engagement numbers.
 */
@Component
class RoleFactsLoader {

	/** Status updates come about weekly: this many reach well past the mood trend and any blocker run. */
	private static final int STATUS_UPDATES = 60;

	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final Clock clock;

	RoleFactsLoader(StatusUpdates statusUpdates, PromptHistory prompts, Clock clock) {
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.clock = clock;
	}

	RoleFacts load(PlacementWeek week) {
		String id = week.placement().getId();
		List<StatusUpdate> shared = statusUpdates.latest(id, STATUS_UPDATES)
			.stream()
			.filter(update -> update.visibility() != Visibility.PRIVATE)
			.toList();
		List<StatusUpdate> readable = shared.stream().filter(update -> week.shows(update.visibility())).toList();
		List<PromptOccurrence> overall = prompts.within(id, Instant.EPOCH, clock.instant().plusSeconds(1));
		return new RoleFacts(readable, shared, new RoleFacts.Engagement(week.answered(), week.prompts().size(),
				overall.stream().filter(PromptOccurrence::isAnswered).count(), overall.size(), prompts.streak(id)));
	}
}
