package org.fieldnotes.digest;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's firing of a recipient's digest trigger. */
@DisallowConcurrentExecution
class DigestJob implements Job {

	static final String RECIPIENT = "recipientKey";

	private final DigestScheduler scheduler;

	DigestJob(DigestScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(JobExecutionContext context) {
		scheduler.fire(context.getMergedJobDataMap().getString(RECIPIENT));
	}
}
