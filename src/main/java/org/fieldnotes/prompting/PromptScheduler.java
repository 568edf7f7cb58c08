package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementChanged;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
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
 */
@Component
class PromptScheduler {

	private static final Logger log = LoggerFactory.getLogger(PromptScheduler.class);
	static final String GROUP = "prompts";

	private final OneShotTriggers triggers;
	private final PlacementManagement placements;
	private final PromptCalendar calendar;
	private final PromptDispatcher dispatcher;
	private final Clock clock;

	PromptScheduler(Scheduler quartz, PlacementManagement placements, PromptCalendar calendar,
			PromptDispatcher dispatcher, Clock clock) {
		this.triggers = new OneShotTriggers(quartz, clock, GROUP, PromptJob.class);
		this.placements = placements;
		this.calendar = calendar;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuild() {
		AtomicInteger scheduled = new AtomicInteger();
		for (Placement placement : placements.active()) {
			// a placement that cannot be caught up now is tried again like a failed firing
			triggers.fire(placement.getId(), () -> {
				dispatcher.queueCatchUp(placement.getId());
				scheduled.addAndGet(schedule(placement).isPresent() ? 1 : 0);
			});
		}
		log.info("Prompt schedule rebuilt from the store: {} placements scheduled", scheduled.get());
	}

	@EventListener
	void on(PlacementChanged changed) {
		try {
			schedule(placements.get(changed.placementId()));
		}
		catch (PlacementNotFound gone) {
			// erased: its trigger goes with it
			triggers.cancel(changed.placementId());
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
}
