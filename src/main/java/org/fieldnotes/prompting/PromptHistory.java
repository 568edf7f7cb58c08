package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.placement.Placement;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about prompts: which prompt a reply answers, what fell due in a week, what comes next.
 */
@Service
public class PromptHistory {

	private final PromptOccurrences occurrences;
	private final PromptCalendar calendar;
	private final PromptLibrary library;
	private final PromptSettings settings;
	private final Clock clock;
	private final AnsweredPromptCards answeredCards;

	PromptHistory(PromptOccurrences occurrences, PromptCalendar calendar, PromptLibrary library,
			PromptSettings settings, Clock clock, AnsweredPromptCards answeredCards) {
		this.occurrences = occurrences;
		this.calendar = calendar;
		this.library = library;
		this.settings = settings;
		this.clock = clock;
		this.answeredCards = answeredCards;
	}

	/**
	 * The prompt a message answers: the one whose thread it was written in, else the most recent prompt sent to
	 * the placement within the reply window (7 days). Empty means a free-form entry.
	 */
	public Optional<PromptOccurrence> answeredBy(String placementId, String channel, String threadTs, Instant at) {
		if (threadTs != null) {
			Optional<PromptOccurrence> inThread = occurrences.findByMessage(channel, threadTs)
				.filter(o -> o.getPlacementId().equals(placementId));
			if (inThread.isPresent()) {
				return inThread;
			}
		}
		return occurrences.latestSentSince(placementId, at.minus(settings.replyWindow()));
	}

	/**
	 * Records the prompt's first answer; the first also turns the prompt's message into "✓ answered", without its
	 * buttons, on the platform it went to (after the caller is done: {@link AnsweredPromptCards}).
	 */
	public void markAnswered(String occurrenceId, Instant at) {
		if (occurrences.markAnswered(occurrenceId, at)) {
			answeredCards.update(occurrenceId);
		}
	}

	/** Prompts of a placement sent in {@code [from, to)} (or, when never sent, due then), oldest first. */
	public List<PromptOccurrence> within(String placementId, Instant from, Instant to) {
		return occurrences.within(placementId, from, to);
	}

	/**
	 * {@link #within(String, Instant, Instant)} for many placements at once, in one query per batch of placements
	 * (a digest run reads every placement's week this way, not one query per placement); oldest first.
	 */
	public List<PromptOccurrence> within(java.util.Collection<String> placementIds, Instant from, Instant to) {
		return occurrences.within(placementIds, from, to);
	}

	/** Prompt occurrences with these ids, by due date (what a recorded digest listed); unknown ids are left out. */
	public List<PromptOccurrence> occurrences(Collection<String> ids) {
		return ids == null || ids.isEmpty() ? List.of() : occurrences.withIds(ids);
	}

	/** The next prompt that will go out, if the placement is active and has one left. */
	public Optional<Upcoming> next(Placement placement) {
		if (!placement.isActive()) {
			return Optional.empty();
		}
		return calendar.dues(placement)
			.stream()
			.filter(d -> d.instant().isAfter(clock.instant()) && !d.isSkipped())
			.findFirst()
			.map(due -> new Upcoming(due, calendar.promptFor(placement, due)));
	}

	/**
	 * How many prompts in a row the participant answered, counting back from the latest: one prompt goes out a
	 * week, so this counts weeks. A skipped prompt neither breaks nor extends the streak; nor does the latest one
	 * while it is still open (sent within the reply window, 7 days); prompts never delivered (missed while the app
	 * was down, refused by the platform) do not count either. The first unanswered prompt ends it.
	 */
	public int streak(String placementId) {
		return streakOf(occurrences.delivered(placementId, STREAK_LOOKS_AT));
	}

	private static final int STREAK_LOOKS_AT = 200;

	/**
	 * {@link #streak(String)} of a placement from all its occurrences (as {@link #allOf} reads them), without asking
	 * the store again.
	 */
	public int streak(List<PromptOccurrence> allOfOnePlacement) {
		return streakOf(allOfOnePlacement.stream()
			.filter(o -> o.getStatus() == OccurrenceStatus.SENT || o.getStatus() == OccurrenceStatus.SKIPPED)
			.sorted(java.util.Comparator.comparing(PromptOccurrence::getDueAt).reversed())
			.limit(STREAK_LOOKS_AT)
			.toList());
	}

	/**
	 * Every occurrence of many placements, by placement id, in one query per batch of placements: what a digest run
	 * needs for each placement's engagement ({@link #streak(List)}, the prompts answered overall), read once for all
	 * placements instead of twice per placement and recipient.
	 */
	public java.util.Map<String, List<PromptOccurrence>> allOf(Collection<String> placementIds) {
		return occurrences.allOf(placementIds).stream()
			.collect(java.util.stream.Collectors.groupingBy(PromptOccurrence::getPlacementId));
	}

	private int streakOf(List<PromptOccurrence> deliveredNewestFirst) {
		Instant open = clock.instant().minus(settings.replyWindow());
		int streak = 0;
		boolean latest = true;
		for (PromptOccurrence occurrence : deliveredNewestFirst) {
			if (occurrence.getStatus() == OccurrenceStatus.SKIPPED) {
				continue;
			}
			if (occurrence.isAnswered()) {
				streak++;
			}
			else if (!(latest && occurrence.getSentAt() != null && occurrence.getSentAt().isAfter(open))) {
				break;
			}
			latest = false;
		}
		return streak;
	}

	public Optional<PromptOccurrence> occurrence(String id) {
		return occurrences.findById(id);
	}

	public Optional<Prompt> prompt(String id) {
		return library.find(id);
	}

	/** A prompt that is still to come. */
	public record Upcoming(Due due, Prompt prompt) {
	}
}
