package org.fieldnotes.digest;

import org.fieldnotes.schedule.OneShotTriggers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's firing of a recipient's digest trigger (the job is named by the recipient key). */
@DisallowConcurrentExecution
class DigestJob implements Job {

	private final DigestScheduler scheduler;

	DigestJob(DigestScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(JobExecutionContext context) {
		scheduler.fire(OneShotTriggers.name(context));
	}
}
