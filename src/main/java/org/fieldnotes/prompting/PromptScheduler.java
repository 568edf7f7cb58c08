package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementBatches;
import org.fieldnotes.placement.PlacementChanged;
import org.fieldnotes.placement.PlacementChangedElsewhere;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.schedule.OneShotTriggers;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one Quartz trigger per active placement, set to its next due prompt. Quartz (in memory) is only the
 * clock: at start every trigger is rebuilt from MongoDB and prompts missed while the app was down are caught up.
 *
 * <p>The rebuild runs after the app is ready, as a Quartz job of its own ({@link PromptRebuildJob}), so that the
 * app answers (and reports UP) while it walks thousands of placements; the health's {@code promptSchedule} says how
 * far it is. Nothing is lost meanwhile: a placement the rebuild has not reached yet has no trigger, and its catch-up,
 * when the rebuild reaches it, sends what fell due in the meantime (queued, as at any start, if less late than the
 * catch-up window); a placement it has scheduled has its trigger. Nothing is sent twice: every send is a claim first.
 * It reads the placements in batches of {@link #BATCH}: a few queries per batch (the placements and their people,
 * their prompts and notes, every programme's settings) and one Quartz call, instead of several queries per placement.
 */
@Component
class PromptScheduler {

	private static final Logger log = LoggerFactory.getLogger(PromptScheduler.class);
	static final String GROUP = "prompts";
	/** The group of the rebuild's own trigger. */
	static final String REBUILD_GROUP = "prompt-schedule";
	static final String REBUILD = "rebuild";
	/** Placements read, caught up and scheduled together. */
	static final int BATCH = 1_000;

	private final OneShotTriggers triggers;
	private final OneShotTriggers rebuildTrigger;
	private final PlacementManagement placements;
	private final PlacementBatches batches;
	private final PromptCalendar calendar;
	private final PromptDispatcher dispatcher;
	private final Programs programs;
	private final Clock clock;
	/** Held while triggers are set from what the rebuild read, and while a changed placement's trigger is set. */
	private final Object settingTriggers = new Object();
	/** Placements changed while a rebuild runs: their trigger was set from a fresher read than the rebuild's. */
	private final Set<String> changedWhileRebuilding = ConcurrentHashMap.newKeySet();
	private volatile boolean rebuilding;
	private volatile String progress = "not rebuilt yet";

	PromptScheduler(Scheduler quartz, PlacementManagement placements, PlacementBatches batches,
			PromptCalendar calendar, PromptDispatcher dispatcher, Programs programs, Clock clock) {
		this.triggers = new OneShotTriggers(quartz, clock, GROUP, PromptJob.class);
		this.rebuildTrigger = new OneShotTriggers(quartz, clock, REBUILD_GROUP, PromptRebuildJob.class);
		this.placements = placements;
		this.batches = batches;
		this.calendar = calendar;
		this.dispatcher = dispatcher;
		this.programs = programs;
		this.clock = clock;
	}

	/** At start: the rebuild's trigger fires now, on a Quartz thread, so that the app is ready meanwhile. */
	@EventListener(ApplicationReadyEvent.class)
	void startUp() {
		progress = "waiting to rebuild";
		rebuildTrigger.set(REBUILD, clock.instant());
	}

	/**
	 * The rebuild's trigger fired: rebuild. When it fails (the store is down), it fires again after a backoff and
	 * starts over, which is safe: a rebuild can run any number of times.
	 */
	void rebuildFiring() {
		rebuildTrigger.fire(REBUILD, this::rebuild);
	}

	/** Sets every active placement's trigger and catches up what fell due while the app was down. */
	void rebuild() {
		Rebuild rebuild = startRebuild(BATCH);
		while (rebuild.step()) {
			// the next batch
		}
	}

	/** A rebuild taken a batch of {@code batchSize} placements at a time, each with {@link Rebuild#step()}. */
	Rebuild startRebuild(int batchSize) {
		changedWhileRebuilding.clear();
		rebuilding = true;
		try {
			return new Rebuild(batches.activeIds(), batchSize);
		}
		catch (RuntimeException e) {
			failed();
			throw e;
		}
	}

	/** What the health says of the schedule: waiting to rebuild, rebuilding n/N placements, or rebuilt. */
	String progress() {
		return progress;
	}

	private void failed() {
		rebuilding = false;
		progress = "rebuild failed; trying again";
	}

	/** A rebuild under way: the ids of the active placements when it began, and how many it has done. */
	final class Rebuild {

		private final List<String> ids;
		private final int batchSize;
		private final long startedAt = System.nanoTime();
		private int done;
		private int scheduled;

		private Rebuild(List<String> ids, int batchSize) {
			this.ids = ids;
			this.batchSize = batchSize;
			progress = "rebuilding 0/" + ids.size() + " placements";
		}

		/** {@link #step(Instant)} now. */
		boolean step() {
			return step(clock.instant());
		}

		/**
		 * Catches up the next batch of placements as at {@code now} and sets their triggers to what falls due after
		 * {@code now} (a trigger already due fires at once, so nothing falling due while a batch is done is lost);
		 * returns whether a batch is left.
		 */
		boolean step(Instant now) {
			try {
				if (done < ids.size()) {
					List<String> batch = ids.subList(done, Math.min(ids.size(), done + batchSize));
					scheduled += catchUpAndSchedule(batch, now);
					done += batch.size();
					progress = "rebuilding " + done + "/" + ids.size() + " placements";
				}
			}
			catch (RuntimeException e) {
				failed();
				throw e;
			}
			if (done < ids.size()) {
				return true;
			}
			rebuilding = false;
			changedWhileRebuilding.clear();
			progress = "rebuilt: " + scheduled + " of " + ids.size() + " placements scheduled";
			log.info("Prompt schedule rebuilt from the store: {} placements scheduled in {} ms", scheduled,
					Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
			return false;
		}
	}

	/** Catches up a batch of placements and sets their triggers in one go; returns how many have one. */
	private int catchUpAndSchedule(List<String> ids, Instant now) {
		List<Placement> read = batches.withIds(ids);
		PromptDispatcher.Known known = dispatcher.knownFor(ids, now);
		// every programme's settings (cadence, prompt set, reviews) in one read, not one per placement
		Map<String, ProgramSettings> settings = programs.allByKey();
		Map<String, Instant> next = new LinkedHashMap<>();
		List<String> nothingLeft = new ArrayList<>();
		for (Placement placement : read) {
			String id = placement.getId();
			// a placement that cannot be caught up now is tried again like a failed firing
			triggers.fire(id, () -> {
				try {
					Placement current = changedWhileRebuilding.contains(id) ? placements.get(id) : placement;
					if (!current.isActive()) {
						nothingLeft.add(id);
						return;
					}
					// computed once for the catch-up and the next time (a third of the rebuild's CPU, twice)
					List<Due> dues = calendar.dues(current, settings.getOrDefault(
							ProgramSettings.keyOf(current.getProgram()), ProgramSettings.none(current.getProgram())));
					dispatcher.queueCatchUp(current, now, known, dues);
					Optional<Instant> at = calendar.nextWakeUp(current, now, dues);
					at.ifPresentOrElse(time -> next.put(id, time), () -> nothingLeft.add(id));
				}
				catch (PlacementNotFound gone) {
					nothingLeft.add(id);
				}
			});
		}
		synchronized (settingTriggers) {
			next.keySet().removeAll(changedWhileRebuilding);
			nothingLeft.removeAll(changedWhileRebuilding);
			triggers.setAll(next);
			nothingLeft.forEach(triggers::cancel);
		}
		return next.size();
	}

	@EventListener
	void on(PlacementChanged changed) {
		changed(changed.placementId());
	}

	/**
	 * Another instance changed the placement (read from the store's change log): its trigger here is reset as for a
	 * change made here. A store failure is thrown, and the change is handed on again at the next poll.
	 */
	@EventListener
	void on(PlacementChangedElsewhere changed) {
		changed(changed.placementId());
	}

	private void changed(String placementId) {
		synchronized (settingTriggers) {
			try {
				schedule(placements.get(placementId));
			}
			catch (PlacementNotFound gone) {
				// erased: its trigger goes with it
				triggers.cancel(placementId);
			}
			if (rebuilding) {
				changedWhileRebuilding.add(placementId);
			}
		}
	}

	/**
	 * Called by the job when the placement's trigger fires: deal with what is due, then set the trigger to the next
	 * prompt. When either fails (the store is down, say), the same job fires again after a backoff and
	 * catches up then, so the placement never loses its trigger (see {@link OneShotTriggers#fire}).
	 */
	void fire(String placementId) {
		triggers.fire(placementId, () -> {
			try {
				dispatcher.catchUp(placementId);
				schedule(placements.get(placementId));
			}
			catch (PlacementNotFound gone) {
				triggers.cancel(placementId);
			}
		});
	}

	/** (Re)sets the placement's trigger; returns when it fires next, empty when it has nothing left to fire. */
	Optional<Instant> schedule(Placement placement) {
		Optional<Instant> next = placement.isActive() ? calendar.nextWakeUp(placement, clock.instant())
				: Optional.empty();
		if (next.isEmpty()) {
			triggers.cancel(placement.getId());
			return Optional.empty();
		}
		triggers.set(placement.getId(), next.get());
		return next;
	}

	/** When the placement's trigger (or the retry of a failed firing) fires next, if it has one. */
	Optional<Instant> nextFireTime(String placementId) {
		return triggers.nextFireTime(placementId);
	}

	/** When the rebuild's trigger (or its retry) fires next, if it has one. */
	Optional<Instant> nextRebuild() {
		return rebuildTrigger.nextFireTime(REBUILD);
	}
}
