package org.fieldnotes.placement;

import java.time.Instant;
import java.util.Date;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz polls the change log every {@code FIELDNOTES_SCHEDULE_SYNC} (default 30 s), from one interval after start
 * ({@link ScheduleSync}). A poll that falls behind is not run twice in a row: a missed firing is the next one.
 */
@DisallowConcurrentExecution
class ScheduleSyncJob implements Job {

	private final ScheduleSync sync;

	ScheduleSyncJob(ScheduleSync sync) {
		this.sync = sync;
	}

	@Override
	public void execute(JobExecutionContext context) {
		sync.poll();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail scheduleSyncJobDetail() {
			return JobBuilder.newJob(ScheduleSyncJob.class)
				.withIdentity("schedule-sync", "schedule-sync")
				.storeDurably()
				.build();
		}

		@Bean
		Trigger scheduleSyncTrigger(JobDetail scheduleSyncJobDetail, ScheduleSyncSettings settings) {
			// Quartz's own time, not the injected clock: Quartz fires by it
			return TriggerBuilder.newTrigger()
				.forJob(scheduleSyncJobDetail)
				.withIdentity("schedule-sync", "schedule-sync")
				.startAt(Date.from(Instant.now().plus(settings.interval())))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(settings.interval().toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
		}
	}
}
