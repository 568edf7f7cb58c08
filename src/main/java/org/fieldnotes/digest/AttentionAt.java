package org.fieldnotes.digest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.digest.attention.AttentionFlags;
import org.fieldnotes.digest.attention.Facts;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptOccurrence;

/**
 * The needs-attention flags as the digest's rules would have raised them at an instant, for reports that look back
 * (the programme evaluation export): the same rules, given only what was there by then. Kinds only, no words.
 */
public final class AttentionAt {

	private AttentionAt() {
	}

	/**
	 * The kinds of flag (e.g. {@code long_blocker}), in the rules' order; empty when all was well, or the placement
	 * is not active now (the rules look only at active placements).
	 * @param lastSharedEntryAt when the latest entry that is not private was written before {@code at}
	 * @param statusUpdates the placement's status updates (private ones are left out here, as the digest does)
	 * @param occurrences the placement's prompts
	 * @param closures the closure windows of the placement's programme (their days are not quiet days)
	 */
	public static List<String> kinds(Placement placement, Optional<Instant> lastSharedEntryAt,
			Collection<StatusUpdate> statusUpdates, Collection<PromptOccurrence> occurrences, Instant at,
			List<Closure> closures) {
		Instant from = at.minus(AttentionFlags.LOOK_BACK);
		Facts facts = new Facts(lastSharedEntryAt,
				statusUpdates.stream()
					.filter(u -> u.visibility() != Visibility.PRIVATE)
					.filter(u -> !u.createdAt().isBefore(from) && u.createdAt().isBefore(at))
					.toList(),
				occurrences.stream()
					.filter(o -> !o.getDueAt().isBefore(from) && o.getDueAt().isBefore(at))
					.map(Facts.PromptFact::of)
					.toList(),
				null, closures);
		return AttentionFlags.flagsFor(placement, facts, at).stream()
			.map(flag -> flag.kind().name().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
	}
}
