package org.fieldnotes.retention;

import java.time.LocalTime;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz runs the retention sweep once a day at {@code FIELDNOTES_RETENTION_TIME} (UTC, default 03:30), and once
 * right after start (so an instance that was down at that time catches up). Each run claims the UTC day first:
 * the start-up run and the daily run of the same day, or two instances, sweep once.
 */
@DisallowConcurrentExecution
class RetentionJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionSweep sweep;

	RetentionJob(RetentionSweep sweep) {
		this.sweep = sweep;
	}

	@Override
	public void execute(JobExecutionContext context) {
		try {
			sweep.sweepOncePerDay();
		}
		catch (RuntimeException e) {
			// the store is down, most likely: tomorrow's sweep (or the next start) does the work
			log.warn("Retention sweep not run: {}", e.getClass().getSimpleName());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail retentionJobDetail() {
			return JobBuilder.newJob(RetentionJob.class).withIdentity("retention", "retention").storeDurably().build();
		}

		@Bean
		Trigger retentionDailyTrigger(JobDetail retentionJobDetail, RetentionSettings settings) {
			LocalTime at = settings.sweepTime();
			return TriggerBuilder.newTrigger()
				.forJob(retentionJobDetail)
				.withIdentity("retention-daily", "retention")
				.withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute())
					.inTimeZone(TimeZone.getTimeZone("UTC"))
					.withMisfireHandlingInstructionFireAndProceed())
				.build();
		}

		@Bean
		Trigger retentionAtStartTrigger(JobDetail retentionJobDetail) {
			return TriggerBuilder.newTrigger()
				.forJob(retentionJobDetail)
				.withIdentity("retention-at-start", "retention")
				.startNow()
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build();
		}
	}
}
