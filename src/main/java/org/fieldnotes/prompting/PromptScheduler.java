package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementChanged;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
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

	private final Scheduler quartz;
	private final PlacementManagement placements;
	private final PromptCalendar calendar;
	private final PromptDispatcher dispatcher;
	private final Clock clock;

	PromptScheduler(Scheduler quartz, PlacementManagement placements, PromptCalendar calendar,
			PromptDispatcher dispatcher, Clock clock) {
		this.quartz = quartz;
		this.placements = placements;
		this.calendar = calendar;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuild() {
		int scheduled = 0;
		for (Placement placement : placements.active()) {
			try {
				dispatcher.queueCatchUp(placement.getId());
				scheduled += schedule(placement).isPresent() ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.error("Could not schedule placement {}", placement.getId(), e);
			}
		}
		log.info("Prompt schedule rebuilt from the store: {} placements scheduled", scheduled);
	}

	@EventListener
	void on(PlacementChanged changed) {
		try {
			schedule(placements.get(changed.placementId()));
		}
		catch (PlacementNotFound gone) {
			// erased: its trigger goes with it
			try {
				quartz.unscheduleJob(TriggerKey.triggerKey(changed.placementId(), GROUP));
				quartz.deleteJob(JobKey.jobKey(changed.placementId(), GROUP));
			}
			catch (SchedulerException e) {
				throw new IllegalStateException("Could not unschedule the prompts of placement " + changed.placementId(), e);
			}
		}
	}

	/** Called by the job after a firing: deal with what is due, then set the trigger to the next prompt. */
	void fire(String placementId) {
		try {
			dispatcher.catchUp(placementId);
		}
		finally {
			// even when sending failed (store or Slack down), the next prompt must stay scheduled
			schedule(placements.get(placementId));
		}
	}

	/** (Re)sets the placement's trigger; returns when it fires next, empty when it has nothing left to fire. */
	Optional<Instant> schedule(Placement placement) {
		TriggerKey key = TriggerKey.triggerKey(placement.getId(), GROUP);
		try {
			quartz.unscheduleJob(key);
			if (!placement.isActive()) {
				return Optional.empty();
			}
			Optional<Instant> next = calendar.nextWakeUp(placement, clock.instant());
			if (next.isEmpty()) {
				return Optional.empty();
			}
			JobDetail job = JobBuilder.newJob(PromptJob.class)
				.withIdentity(JobKey.jobKey(placement.getId(), GROUP))
				.usingJobData(PromptJob.PLACEMENT_ID, placement.getId())
				.storeDurably()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(key)
				.forJob(job)
				.startAt(Date.from(next.get()))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build();
			quartz.addJob(job, true);
			quartz.scheduleJob(trigger);
			return Optional.of(next.get());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule the prompts of placement " + placement.getId(), e);
		}
	}

	/** When the placement's trigger fires next, if it has one. */
	Optional<Instant> nextFireTime(String placementId) {
		try {
			Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(placementId, GROUP));
			return Optional.ofNullable(trigger).map(t -> t.getNextFireTime().toInstant());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}
}
