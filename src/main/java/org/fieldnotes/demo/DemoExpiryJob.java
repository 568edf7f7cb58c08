package org.fieldnotes.demo;

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
 * Quartz removes expired demo data every {@link #EVERY_MINUTES} minutes, from start on (so an instance that was down
 * catches up at once). The time comes from the injected clock ({@link DemoRemoval#removeExpired()}); removing is
 * erasing, which finds nothing the second time, so two instances may both run it.
 */
@DisallowConcurrentExecution
class DemoExpiryJob implements Job {

	static final String ACTOR = "demo-expiry";
	static final String GROUP = "demo";
	static final String NAME = "demo-expiry";
	static final int EVERY_MINUTES = 10;

	private static final Logger log = LoggerFactory.getLogger(DemoExpiryJob.class);

	private final DemoRemoval removal;

	DemoExpiryJob(DemoRemoval removal) {
		this.removal = removal;
	}

	@Override
	public void execute(JobExecutionContext context) {
		try {
			removal.removeExpired(ACTOR);
		}
		catch (RuntimeException e) {
			// the store is down, most likely: the next run does the work
			log.warn("Expired demo data not removed: {}", e.getClass().getSimpleName());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail demoExpiryJobDetail() {
			return JobBuilder.newJob(DemoExpiryJob.class).withIdentity(NAME, GROUP).storeDurably().build();
		}

		@Bean
		Trigger demoExpiryTrigger(JobDetail demoExpiryJobDetail) {
			return TriggerBuilder.newTrigger()
				.forJob(demoExpiryJobDetail)
				.withIdentity(NAME, GROUP)
				.startNow()
				.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(EVERY_MINUTES)
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
		}
	}
}
