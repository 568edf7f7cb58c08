package org.fieldnotes.prompting;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * One one-shot Quartz trigger per snoozed prompt. Quartz (in memory) is only the clock: the snooze itself is stored
 * on the occurrence, and {@link PromptResponses} re-creates these triggers at start.
 */
@Component
class SnoozeTriggers {

	static final String GROUP = "snoozes";

	private final Scheduler quartz;

	SnoozeTriggers(Scheduler quartz) {
		this.quartz = quartz;
	}

	void schedule(String occurrenceId, Instant at) {
		try {
			cancel(occurrenceId);
			quartz.scheduleJob(JobBuilder.newJob(SnoozeJob.class)
				.withIdentity(JobKey.jobKey(occurrenceId, GROUP))
				.usingJobData(SnoozeJob.OCCURRENCE_ID, occurrenceId)
				.build(),
					TriggerBuilder.newTrigger()
						.withIdentity(TriggerKey.triggerKey(occurrenceId, GROUP))
						.startAt(Date.from(at))
						.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
						.build());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule the snoozed prompt " + occurrenceId, e);
		}
	}

	void cancel(String occurrenceId) {
		try {
			quartz.deleteJob(JobKey.jobKey(occurrenceId, GROUP));
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not cancel the snoozed prompt " + occurrenceId, e);
		}
	}

	Optional<Instant> nextFireTime(String occurrenceId) {
		try {
			Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(occurrenceId, GROUP));
			return Optional.ofNullable(trigger).map(t -> t.getNextFireTime().toInstant());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}
}
