package org.fieldnotes.signoff;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz asks for due week sign-offs every hour, on the hour ({@link WeekSignOffs#requestDue}): a week is asked for
 * within the hour after it is over in the participant's time zone. Each request is sent once (its outbox key is the
 * placement-week), so a run on two instances, or again, asks nobody twice.
 */
@DisallowConcurrentExecution
class WeekSignOffJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(WeekSignOffJob.class);

	private final WeekSignOffs signOffs;

	WeekSignOffJob(WeekSignOffs signOffs) {
		this.signOffs = signOffs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		try {
			signOffs.requestDue();
		}
		catch (RuntimeException e) {
			// the store is down, most likely: the next hour's run asks again
			log.warn("Week sign-off requests not made: {}", e.getClass().getSimpleName());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail weekSignOffJobDetail() {
			return JobBuilder.newJob(WeekSignOffJob.class).withIdentity("week-signoff", "signoff").storeDurably()
				.build();
		}

		@Bean
		Trigger weekSignOffHourlyTrigger(JobDetail weekSignOffJobDetail) {
			return TriggerBuilder.newTrigger()
				.forJob(weekSignOffJobDetail)
				.withIdentity("week-signoff-hourly", "signoff")
				.withSchedule(CronScheduleBuilder.cronSchedule("0 0 * * * ?")
					.inTimeZone(TimeZone.getTimeZone("UTC"))
					.withMisfireHandlingInstructionFireAndProceed())
				.build();
		}
	}
}
