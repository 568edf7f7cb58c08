package org.fieldnotes.digest.attention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.logbook.Blocker;
import org.fieldnotes.logbook.Blockers;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Loads a placement's {@link Facts} (once), applies {@link AttentionFlags} and words the flags in a reader's language.
 */
@Component
public class Attention {

	/** Status updates come about weekly: this many reach well past {@link AttentionFlags#LOOK_BACK}. */
	private static final int STATUS_UPDATES = 60;

	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final MessageSource messages;
	private final Clock clock;
	private final Blockers blockers;
	private final Closures closures;

	Attention(Logbook logbook, StatusUpdates statusUpdates, PromptHistory prompts, MessageSource messages, Clock clock,
			Blockers blockers, Closures closures) {
		this.blockers = blockers;
		this.closures = closures;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.messages = messages;
		this.clock = clock;
	}

	/** What the current digest run of this thread preloaded; none outside a run. */
	private final ThreadLocal<Preloaded> preloaded = new ThreadLocal<>();

	/**
	 * Reads what {@link #flagsFor} needs of these placements at once (one query per collection and batch of
	 * placements), for this thread's calls until the returned scope is closed: a digest run asks for every
	 * placement's flags once per recipient, which would otherwise be three queries each time.
	 */
	public Preloaded preload(Collection<String> placementIds) {
		Instant now = clock.instant();
		Preloaded loaded = new Preloaded(Set.copyOf(placementIds), logbook.lastSharedEntriesAt(placementIds),
				statusUpdates.latest(placementIds, STATUS_UPDATES),
				prompts.within(placementIds, now.minus(AttentionFlags.LOOK_BACK), now.plusSeconds(1)).stream()
					.collect(Collectors.groupingBy(PromptOccurrence::getPlacementId)),
				blockers.ofAll(placementIds), closures.all());
		preloaded.set(loaded);
		return loaded;
	}

	/** A run's preloaded facts, by placement id; closing it ends the run's use of them. */
	public final class Preloaded implements AutoCloseable {

		private final Set<String> placementIds;
		private final Map<String, Instant> lastShared;
		private final Map<String, List<StatusUpdate>> statusUpdates;
		private final Map<String, List<PromptOccurrence>> prompts;
		private final Map<String, List<Blocker>> blockers;
		private final List<Closure> closures;

		Preloaded(Set<String> placementIds, Map<String, Instant> lastShared, Map<String, List<StatusUpdate>> statusUpdates,
				Map<String, List<PromptOccurrence>> prompts, Map<String, List<Blocker>> blockers,
				List<Closure> closures) {
			this.blockers = blockers;
			this.closures = closures;
			this.placementIds = placementIds;
			this.lastShared = lastShared;
			this.statusUpdates = statusUpdates;
			this.prompts = prompts;
		}

		@Override
		public void close() {
			preloaded.remove();
		}
	}

	/** Why the placement needs attention now; empty when it does not. */
	public List<Flag> flagsFor(Placement placement) {
		Instant now = clock.instant();
		Instant from = now.minus(AttentionFlags.LOOK_BACK);
		String id = placement.getId();
		Preloaded loaded = preloaded.get();
		if (loaded != null && loaded.placementIds.contains(id)) {
			return AttentionFlags.flagsFor(placement, facts(Optional.ofNullable(loaded.lastShared.get(id)),
					loaded.statusUpdates.getOrDefault(id, List.of()), loaded.prompts.getOrDefault(id, List.of()), from,
					loaded.blockers.get(id), Closures.of(placement.getProgram(), loaded.closures)), now);
		}
		List<Blocker> items = blockers.of(id);
		return AttentionFlags.flagsFor(placement, facts(logbook.lastSharedEntryAt(id),
				statusUpdates.latest(id, STATUS_UPDATES), prompts.within(id, from, now.plusSeconds(1)), from,
				items.isEmpty() ? null : items, closures.of(placement.getProgram())), now);
	}

	/**
	 * @param items the placement's blocker items, {@literal null} when it has none
	 * @param closed the closure windows of the placement's programme
	 */
	private static Facts facts(Optional<Instant> lastShared, List<StatusUpdate> latest, List<PromptOccurrence> prompts,
			Instant from, List<Blocker> items, List<Closure> closed) {
		return new Facts(lastShared,
				latest
					.stream()
					// a private update is the participant's alone: no flag may tell of it
					.filter(u -> u.visibility() != Visibility.PRIVATE)
					.filter(u -> !u.createdAt().isBefore(from))
					.toList(),
				prompts.stream().map(Facts.PromptFact::of).toList(), items, closed);
	}

	/** Who is flagged, e.g. "Sven (Thesis abroad, KAIST)". */
	public String who(Placement placement, Locale locale) {
		return messages.getMessage("digest.attention.who",
				new Object[] { placement.getParticipant().name(), placement.getProgram(), placement.getHostOrganisation() },
				locale);
	}

	/** The flags in one line, e.g. "no entry for 16 days (last: 6 Nov); mood 4 → 2 over 3 weeks". */
	public String describe(List<Flag> flags, Locale locale) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM", locale);
		return flags.stream()
			.map(flag -> messages.getMessage(flag.messageKey(),
					flag.args().stream().map(a -> a instanceof LocalDate d ? date.format(d) : a).toArray(), locale))
			.collect(Collectors.joining(messages.getMessage("digest.attention.separator", null, "; ", locale)));
	}
}
