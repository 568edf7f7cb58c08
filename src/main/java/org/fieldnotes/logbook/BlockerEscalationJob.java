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
 * Quartz runs {@link BlockerEscalation#run()} every {@code FIELDNOTES_BLOCKER_ESCALATION_EVERY} (15 minutes by
 * default): a blocker is escalated at most that long after its threshold; a participant's notice a store error kept
 * from the outbox is queued then too.
 */
@DisallowConcurrentExecution
class BlockerEscalationJob implements Job {

	private final BlockerEscalation escalation;
	private final Blockers blockers;

	BlockerEscalationJob(BlockerEscalation escalation, Blockers blockers) {
		this.escalation = escalation;
		this.blockers = blockers;
	}

	@Override
	public void execute(JobExecutionContext context) {
		escalation.run();
		blockers.recoverNotices();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail blockerEscalationJobDetail() {
			return JobBuilder.newJob(BlockerEscalationJob.class)
				.withIdentity("blocker-escalation", "logbook")
				.storeDurably()
				.build();
		}

		@Bean
		Trigger blockerEscalationTrigger(JobDetail blockerEscalationJobDetail, BlockerEscalationSettings settings) {
			return TriggerBuilder.newTrigger()
				.forJob(blockerEscalationJobDetail)
				.withIdentity("blocker-escalation", "logbook")
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(settings.escalationEvery().toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
		}
	}
}
