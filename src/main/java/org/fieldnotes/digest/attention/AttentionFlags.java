package org.fieldnotes.digest.attention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.digest.attention.Facts.PromptFact;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.OccurrenceStatus;

/**
 * The "needs attention" rules: pure functions of a placement, its {@link Facts} and now. Days are counted in
 * calendar days in the participant's time zone; dates are the participant's dates too. Only active placements are
 * flagged (a paused or ended one is not expected to write).
 */
public final class AttentionFlags {

	/** How far back the facts must reach for the rules to see everything they need. */
	public static final Duration LOOK_BACK = Duration.ofDays(42);
	static final int QUIET_DAYS = 14;
	static final int BLOCKER_DAYS = 14;
	static final int MOOD_DROP = 2;
	static final Duration MOOD_WINDOW = Duration.ofDays(21);
	static final int SKIPPED = 3;
	static final Duration FAILED_WITHIN = Duration.ofDays(7);

	private AttentionFlags() {
	}

	/** The placement's flags, in a fixed order (that of {@link Flag.Kind}); empty when all is well. */
	public static List<Flag> flagsFor(Placement placement, Facts facts, Instant now) {
		if (!placement.isActive()) {
			return List.of();
		}
		ZoneId zone = placement.getParticipant().zone();
		LocalDate today = now.atZone(zone).toLocalDate();
		List<Flag> flags = new ArrayList<>();
		noRecentEntry(placement, facts, zone, today, flags);
		redStatus(facts, zone, flags);
		moodDrop(facts, flags);
		longBlocker(facts, zone, today, flags);
		skippedInARow(facts, now, flags);
		deliveryFailed(facts, now, flags);
		return List.copyOf(flags);
	}

	/**
	 * No entry for {@value #QUIET_DAYS} days the programme was open: days of a closure window ("closed 6–31 July")
	 * do not count towards it, since nobody is expected to write then. The flag still says how many calendar days it
	 * has been.
	 */
	private static void noRecentEntry(Placement placement, Facts facts, ZoneId zone, LocalDate today,
			List<Flag> flags) {
		if (facts.lastEntryAt().isPresent()) {
			LocalDate last = facts.lastEntryAt().get().atZone(zone).toLocalDate();
			if (openDays(placement, facts, last, today) >= QUIET_DAYS) {
				flags.add(Flag.of(Flag.Kind.NO_RECENT_ENTRY, ChronoUnit.DAYS.between(last, today), last));
			}
		}
		else if (openDays(placement, facts, placement.getStartDate(), today) >= QUIET_DAYS) {
			flags.add(new Flag(Flag.Kind.NO_RECENT_ENTRY, "never", List.of(placement.getStartDate())));
		}
	}

	/** The days after {@code since} up to and including {@code today} on which the programme was not closed. */
	private static long openDays(Placement placement, Facts facts, LocalDate since, LocalDate today) {
		long days = ChronoUnit.DAYS.between(since, today);
		if (facts.closures().isEmpty() || days <= 0) {
			return days;
		}
		return since.plusDays(1).datesUntil(today.plusDays(1))
			.filter(day -> facts.closures().stream().noneMatch(c -> c.closes(placement.getProgram(), day)))
			.count();
	}

	/** Red since the oldest of the unbroken run of red updates that ends with the latest. */
	private static void redStatus(Facts facts, ZoneId zone, List<Flag> flags) {
		StatusUpdate since = null;
		for (StatusUpdate update : facts.statusUpdates()) {
			if (update.status() != OverallStatus.RED) {
				break;
			}
			since = update;
		}
		if (since != null) {
			flags.add(Flag.of(Flag.Kind.RED_STATUS, since.createdAt().atZone(zone).toLocalDate()));
		}
	}

	/** The latest mood against the highest mood of the 21 days before it. */
	private static void moodDrop(Facts facts, List<Flag> flags) {
		if (facts.statusUpdates().isEmpty()) {
			return;
		}
		StatusUpdate latest = facts.statusUpdates().get(0);
		Instant from = latest.createdAt().minus(MOOD_WINDOW);
		int highest = facts.statusUpdates()
			.stream()
			.skip(1)
			.filter(u -> !u.createdAt().isBefore(from) && u.createdAt().isBefore(latest.createdAt()))
			.mapToInt(StatusUpdate::mood)
			.max()
			.orElse(latest.mood());
		if (highest - latest.mood() >= MOOD_DROP) {
			flags.add(Flag.of(Flag.Kind.MOOD_DROP, highest, latest.mood()));
		}
	}

	/**
	 * The oldest unresolved blocker item that is not private, open {@value #BLOCKER_DAYS}+ days (a resolved one never
	 * flags); for a placement without items, open since the oldest of the unbroken run of updates with blockers that
	 * ends with the latest.
	 */
	private static void longBlocker(Facts facts, ZoneId zone, LocalDate today, List<Flag> flags) {
		if (facts.blockers() != null) {
			facts.blockers().stream()
				.filter(b -> b.state().unresolved() && b.visibility() != Visibility.PRIVATE)
				.mapToLong(b -> ChronoUnit.DAYS.between(b.openedOn(zone), today))
				.max()
				.ifPresent(days -> {
					if (days >= BLOCKER_DAYS) {
						flags.add(Flag.of(Flag.Kind.LONG_BLOCKER, days));
					}
				});
			return;
		}
		openBlocker(facts.statusUpdates(), zone, today).ifPresent(blocker -> {
			if (blocker.days() >= BLOCKER_DAYS) {
				flags.add(Flag.of(Flag.Kind.LONG_BLOCKER, blocker.days()));
			}
		});
	}

	/**
	 * The blocker the latest status update reports, and how long it has been open: since the oldest of the unbroken
	 * run of updates reporting a blocker that ends with the latest, in calendar days in {@code zone}. Empty when the
	 * latest update reports none (or there is no update). The one rule for "how long has this blocker been open",
	 * used by the {@link Flag.Kind#LONG_BLOCKER} flag and by the digests that show blockers.
	 *
	 * @param newestFirst status updates, newest first (callers pass only the ones the reader may see)
	 */
	public static Optional<OpenBlocker> openBlocker(List<StatusUpdate> newestFirst, ZoneId zone, LocalDate today) {
		StatusUpdate since = null;
		for (StatusUpdate update : newestFirst) {
			if (update.blockers() == null || update.blockers().isBlank()) {
				break;
			}
			since = update;
		}
		if (since == null) {
			return Optional.empty();
		}
		LocalDate from = since.createdAt().atZone(zone).toLocalDate();
		return Optional.of(new OpenBlocker(newestFirst.get(0), from, ChronoUnit.DAYS.between(from, today)));
	}

	/**
	 * A blocker that is still open.
	 *
	 * @param latest the latest status update, whose {@code blockers} say what blocks now
	 * @param since the participant's date of the first update of the run
	 * @param days calendar days from {@code since} to today
	 */
	public record OpenBlocker(StatusUpdate latest, LocalDate since, long days) {
	}

	/**
	 * The last three prompts that fell due (by now) were all skipped or missed. A prompt skipped because the
	 * participant was away or on holiday is planned, not skipped; a sent but unanswered one is not skipped either.
	 */
	private static void skippedInARow(Facts facts, Instant now, List<Flag> flags) {
		List<PromptFact> due = facts.prompts().stream().filter(p -> !p.dueAt().isAfter(now)).toList();
		int inARow = 0;
		for (int i = due.size() - 1; i >= 0 && isSkipped(due.get(i)); i--) {
			inARow++;
		}
		if (inARow >= SKIPPED) {
			flags.add(Flag.of(Flag.Kind.SKIPPED_IN_A_ROW, inARow));
		}
	}

	private static boolean isSkipped(PromptFact prompt) {
		if (prompt.status() == OccurrenceStatus.MISSED) {
			return true;
		}
		return prompt.status() == OccurrenceStatus.SKIPPED && !prompt.answered()
				&& !"away".equals(prompt.skipReason()) && !"holiday".equals(prompt.skipReason())
				&& !"closed".equals(prompt.skipReason());
	}

	/** The latest prompt that failed within the last 7 days, with the platform's reason. */
	private static void deliveryFailed(Facts facts, Instant now, List<Flag> flags) {
		Instant from = now.minus(FAILED_WITHIN);
		PromptFact failed = null;
		for (PromptFact prompt : facts.prompts()) {
			if (prompt.status() == OccurrenceStatus.FAILED && !prompt.at().isBefore(from) && !prompt.at().isAfter(now)) {
				failed = prompt;
			}
		}
		if (failed != null) {
			flags.add(Flag.of(Flag.Kind.DELIVERY_FAILED, failed.failure() == null ? "unknown" : failed.failure()));
		}
	}
}
