package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.stereotype.Component;

/**
 * Loads a placement's {@link RoleFacts} for one follower: only status updates that follower's role may read (and,
 * when an admin previews their digest, an admin too; a private one never leaves here), and the engagement numbers.
 * A digest run first {@link #preload}s what every placement of the run needs, in a few queries; the loads of that
 * thread then read from it instead of asking the store three times per placement and recipient.
 */
@Component
class RoleFactsLoader {

	/** Status updates come about weekly: this many reach well past the mood trend and any blocker run. */
	private static final int STATUS_UPDATES = 60;

	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final Clock clock;
	/** What the current run of this thread preloaded; none outside a run. */
	private final ThreadLocal<Preloaded> preloaded = new ThreadLocal<>();

	RoleFactsLoader(StatusUpdates statusUpdates, PromptHistory prompts, Clock clock) {
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.clock = clock;
	}

	/**
	 * Reads the status updates and prompts of these placements at once, for this thread's {@link #load}s until the
	 * returned scope is closed (close it in a {@code finally}: try-with-resources).
	 */
	Preloaded preload(Collection<String> placementIds) {
		Preloaded loaded = new Preloaded(Set.copyOf(placementIds), statusUpdates.latest(placementIds, STATUS_UPDATES),
				prompts.allOf(placementIds));
		preloaded.set(loaded);
		return loaded;
	}

	RoleFacts load(PlacementWeek week) {
		String id = week.placement().getId();
		Preloaded loaded = preloaded.get();
		boolean ready = loaded != null && loaded.placementIds().contains(id);
		List<StatusUpdate> latest = ready ? loaded.statusUpdates().getOrDefault(id, List.of())
				: statusUpdates.latest(id, STATUS_UPDATES);
		List<StatusUpdate> shared = latest.stream().filter(update -> update.visibility() != Visibility.PRIVATE).toList();
		List<StatusUpdate> readable = shared.stream().filter(update -> week.shows(update.visibility())).toList();
		Instant until = clock.instant().plusSeconds(1);
		List<PromptOccurrence> overall;
		int streak;
		if (ready) {
			List<PromptOccurrence> all = loaded.occurrences().getOrDefault(id, List.of());
			// as PromptHistory#within(id, EPOCH, until) chooses them: sent before then, or due then when never sent
			overall = all.stream()
				.filter(o -> (o.getSentAt() != null ? o.getSentAt() : o.getDueAt()).isBefore(until))
				.toList();
			streak = prompts.streak(all);
		}
		else {
			overall = prompts.within(id, Instant.EPOCH, until);
			streak = prompts.streak(id);
		}
		return new RoleFacts(readable, shared, new RoleFacts.Engagement(week.answered(), week.prompts().size(),
				overall.stream().filter(PromptOccurrence::isAnswered).count(), overall.size(), streak));
	}

	/** A run's preloaded facts, by placement id; closing it ends the run's use of them. */
	final class Preloaded implements AutoCloseable {

		private final Set<String> placementIds;
		private final Map<String, List<StatusUpdate>> statusUpdates;
		private final Map<String, List<PromptOccurrence>> occurrences;

		Preloaded(Set<String> placementIds, Map<String, List<StatusUpdate>> statusUpdates,
				Map<String, List<PromptOccurrence>> occurrences) {
			this.placementIds = placementIds;
			this.statusUpdates = statusUpdates;
			this.occurrences = occurrences;
		}

		Set<String> placementIds() {
			return placementIds;
		}

		Map<String, List<StatusUpdate>> statusUpdates() {
			return statusUpdates;
		}

		Map<String, List<PromptOccurrence>> occurrences() {
			return occurrences;
		}

		@Override
		public void close() {
			preloaded.remove();
		}
	}
}
