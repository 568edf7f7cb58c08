package org.fieldnotes.digest.attention;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.logbook.Blocker;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptOccurrence;

/**
 * What the attention rules look at for one placement, loaded once: when the latest entry was written, the status
 * updates and the prompts of the last weeks. No entry text is in here.
 *
 * @param lastEntryAt when the latest (not deleted) logbook entry was written; empty when none was
 * @param statusUpdates recent status updates, newest first
 * @param prompts recent prompts, oldest due first
 * @param blockers the placement's blocker items ({@literal null}: it has none)
 * @param closures the closure windows of the placement's programme: days nobody is expected to write
 */
public record Facts(Optional<Instant> lastEntryAt, List<StatusUpdate> statusUpdates, List<PromptFact> prompts,
		List<Blocker> blockers, List<Closure> closures) {

	/**
	 * @param blockers the placement's blocker items, or {@literal null} when it has none at all (status updates written
	 * before blockers were items): then the blocker rule derives the blocker from the status updates
	 */
	public Facts {
		statusUpdates = statusUpdates.stream().sorted(Comparator.comparing(StatusUpdate::createdAt).reversed()).toList();
		prompts = prompts.stream().sorted(Comparator.comparing(PromptFact::dueAt)).toList();
		blockers = blockers == null ? null : List.copyOf(blockers);
		closures = closures == null ? List.of() : List.copyOf(closures);
	}

	/** Facts of a placement whose programme was never closed. */
	public Facts(Optional<Instant> lastEntryAt, List<StatusUpdate> statusUpdates, List<PromptFact> prompts,
			List<Blocker> blockers) {
		this(lastEntryAt, statusUpdates, prompts, blockers, List.of());
	}

	/** Facts of a placement without blocker items. */
	public Facts(Optional<Instant> lastEntryAt, List<StatusUpdate> statusUpdates, List<PromptFact> prompts) {
		this(lastEntryAt, statusUpdates, prompts, null, List.of());
	}

	/**
	 * A prompt that fell due (or is about to be sent), as the rules need it.
	 *
	 * @param at when it was claimed for sending, or else when it was due: for a failed prompt, about when it failed
	 * @param failure the platform's error code for a {@link OccurrenceStatus#FAILED} prompt
	 */
	public record PromptFact(Instant dueAt, OccurrenceStatus status, String skipReason, Instant at, String failure,
			boolean answered) {

		public static PromptFact of(PromptOccurrence occurrence) {
			return new PromptFact(occurrence.getDueAt(), occurrence.getStatus(), occurrence.getSkipReason(),
					occurrence.getClaimedAt() != null ? occurrence.getClaimedAt() : occurrence.getDueAt(),
					occurrence.getFailure(), occurrence.isAnswered());
		}
	}
}
