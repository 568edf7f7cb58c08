package org.fieldnotes.report;

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
 * Quartz runs {@link MeetingBriefs#run()} every 15 minutes: a meeting's briefs go at most that long after they fall
 * due (or after a start, for those that fell due while the app was down); briefs a store error kept from the outbox
 * are queued then too.
 */
@DisallowConcurrentExecution
class MeetingBriefJob implements Job {

	private final MeetingBriefs briefs;

	MeetingBriefJob(MeetingBriefs briefs) {
		this.briefs = briefs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		briefs.run();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail meetingBriefJobDetail() {
			return JobBuilder.newJob(MeetingBriefJob.class).withIdentity("meeting-briefs", "report").storeDurably().build();
		}

		@Bean
		Trigger meetingBriefTrigger(JobDetail meetingBriefJobDetail) {
			return TriggerBuilder.newTrigger()
				.forJob(meetingBriefJobDetail)
				.withIdentity("meeting-briefs", "report")
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMinutes(15)
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
		}
	}
}
