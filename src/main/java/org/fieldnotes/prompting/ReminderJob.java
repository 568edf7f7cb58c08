package org.fieldnotes.prompting;

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
 * Quartz runs {@link Reminders#run()} every five minutes. Nothing about reminders lives in Quartz: the store says
 * which prompts are unanswered and which were reminded, so a restart or a second instance changes nothing.
 */
@DisallowConcurrentExecution
class ReminderJob implements Job {

	static final int EVERY_MINUTES = 5;

	private final Reminders reminders;

	ReminderJob(Reminders reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(JobExecutionContext context) {
		reminders.run();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail reminderJobDetail() {
			return JobBuilder.newJob(ReminderJob.class).withIdentity("reminders", "calendar").storeDurably().build();
		}

		@Bean
		Trigger reminderTrigger(JobDetail reminderJobDetail) {
			return TriggerBuilder.newTrigger()
				.forJob(reminderJobDetail)
				.withIdentity("reminders", "calendar")
				.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(EVERY_MINUTES)
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
		}
	}
}
