package org.fieldnotes.placement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Brings the changes other instances made to placements into this instance's schedules. Each instance polls the
 * change log ({@link PlacementChangeLog}) on a Quartz job of its own, every {@code FIELDNOTES_SCHEDULE_SYNC}
 * ({@link ScheduleSyncJob}), reads the entries of other instances written since it last looked, and publishes, on
 * this instance only, {@link PlacementChangedElsewhere} for each placement they name and then one
 * {@link PlacementsChangedElsewhere}: the prompt scheduler resets those placements' triggers, the digest scheduler
 * rebuilds its own once.
 *
 * <p>It reads from {@link #MARGIN} before the time it last looked, by its own clock: an entry is stamped by the clock
 * of the instance that wrote it, and written a moment after it was stamped, so the margin covers instances' clocks
 * that disagree by up to that much, and a slow write. An entry read again is recognised by its id and not handed on
 * twice (handing it on twice would do no harm: setting a trigger is idempotent). When the store fails during a poll,
 * or a scheduler fails on a placement, the poll says so in one WARN line and does not move on: the next poll reads
 * from the same time again, and hands on what it has not yet. Entries are deleted a day after they were written
 * ({@link #KEEP}: the embedded store has no TTL index), by whichever instance sweeps first, once an hour.
 */
@Component
class ScheduleSync {

	private static final Logger log = LoggerFactory.getLogger(ScheduleSync.class);
	/** How far before its last look a poll reads: the disagreement between instances' clocks it tolerates. */
	static final Duration MARGIN = Duration.ofMinutes(5);
	/** How long an entry is kept. */
	static final Duration KEEP = Duration.ofDays(1);
	/** How often an instance deletes the entries older than {@link #KEEP}. */
	static final Duration SWEEP_EVERY = Duration.ofHours(1);

	private final PlacementChangeLog changes;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	/** When the last poll that handed on everything it read began; the next reads from {@link #MARGIN} before it. */
	private Instant lookedAt;
	/** The entries handed on that a poll can read again (within the margin), with when they were written. */
	private final Map<String, Instant> handedOn = new HashMap<>();
	/** Placements handed on whose {@link PlacementsChangedElsewhere} has not been taken yet (it failed). */
	private final Set<String> owed = new LinkedHashSet<>();
	private Instant sweptAt;

	ScheduleSync(PlacementChangeLog changes, ApplicationEventPublisher events, Clock clock) {
		this.changes = changes;
		this.events = events;
		this.clock = clock;
		// a start rebuilds every schedule from the store: what changed before it is in there
		this.lookedAt = clock.instant();
	}

	/**
	 * What a poll did.
	 * @param read whether it read the log (false: the store failed, logged; the next poll reads the same again)
	 * @param placements how many placements changed elsewhere it handed on
	 * @param failed how many of them a scheduler failed on (tried again at the next poll)
	 */
	record Poll(boolean read, int placements, int failed) {
	}

	/** One poll: see the class comment. Never throws. */
	synchronized Poll poll() {
		Instant now = clock.instant();
		Poll poll = handOn(now);
		sweepIfDue(now);
		return poll;
	}

	private Poll handOn(Instant now) {
		List<PlacementChange> read;
		try {
			changes.writeUnwritten();
			// a clock stepped back must not skip what was written meanwhile
			read = changes.byOthersSince((now.isBefore(lookedAt) ? now : lookedAt).minus(MARGIN));
		}
		catch (RuntimeException e) {
			log.warn("Schedule sync: could not read the other instances' changes ({}); trying again at the next poll",
					e.getClass().getSimpleName());
			return new Poll(false, 0, 0);
		}
		Map<String, List<PlacementChange>> byPlacement = new LinkedHashMap<>();
		for (PlacementChange change : read) {
			if (!handedOn.containsKey(change.id())) {
				byPlacement.computeIfAbsent(change.placementId(), id -> new ArrayList<>()).add(change);
			}
		}
		int failed = 0;
		for (Map.Entry<String, List<PlacementChange>> placement : byPlacement.entrySet()) {
			try {
				events.publishEvent(new PlacementChangedElsewhere(placement.getKey()));
				placement.getValue().forEach(change -> handedOn.put(change.id(), change.at()));
				owed.add(placement.getKey());
			}
			catch (RuntimeException e) {
				failed++;
				log.warn("Schedule sync: a placement changed elsewhere could not be rescheduled ({}); trying again at "
						+ "the next poll", e.getClass().getSimpleName());
			}
		}
		if (!owed.isEmpty()) {
			try {
				events.publishEvent(new PlacementsChangedElsewhere(List.copyOf(owed)));
				owed.clear();
			}
			catch (RuntimeException e) {
				failed++;
				log.warn("Schedule sync: the schedules could not be rebuilt for changes elsewhere ({}); trying again "
						+ "at the next poll", e.getClass().getSimpleName());
			}
		}
		if (failed == 0 && owed.isEmpty()) {
			lookedAt = now;
			// the next poll reads from MARGIN before now: older entries cannot come again
			handedOn.values().removeIf(at -> at.isBefore(now.minus(MARGIN)));
		}
		if (!byPlacement.isEmpty()) {
			log.debug("Schedule sync: {} placements changed elsewhere, {} failed", byPlacement.size(), failed);
		}
		return new Poll(true, byPlacement.size(), failed);
	}

	private void sweepIfDue(Instant now) {
		if (sweptAt != null && now.isBefore(sweptAt.plus(SWEEP_EVERY)) && !now.isBefore(sweptAt)) {
			return;
		}
		try {
			long deleted = changes.deleteBefore(now.minus(KEEP));
			sweptAt = now;
			log.debug("Schedule sync: {} change log entries older than a day deleted", deleted);
		}
		catch (RuntimeException e) {
			log.warn("Schedule sync: could not delete old change log entries ({}); trying again at the next poll",
					e.getClass().getSimpleName());
		}
	}
}
