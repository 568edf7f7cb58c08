package org.fieldnotes.logbook;

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
 * Quartz runs {@link ResponseNotices#recover()} every five minutes: a response whose notice a store error (not a
 * crash: the start does that) kept from the outbox is told then, without waiting for a restart.
 */
@DisallowConcurrentExecution
class ResponseNoticeJob implements Job {

	static final int EVERY_MINUTES = 5;

	private final ResponseNotices notices;

	ResponseNoticeJob(ResponseNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(JobExecutionContext context) {
		notices.recover();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail responseNoticeJobDetail() {
			return JobBuilder.newJob(ResponseNoticeJob.class)
				.withIdentity("response-notices", "logbook")
				.storeDurably()
				.build();
		}

		@Bean
		Trigger responseNoticeTrigger(JobDetail responseNoticeJobDetail) {
			return TriggerBuilder.newTrigger()
				.forJob(responseNoticeJobDetail)
				.withIdentity("response-notices", "logbook")
				.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(EVERY_MINUTES)
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
		}
	}
}
