package org.fieldnotes.prompting;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's firing of the prompt schedule's rebuild at start (see {@link PromptScheduler#startUp()}). */
@DisallowConcurrentExecution
class PromptRebuildJob implements Job {

	private final PromptScheduler scheduler;

	PromptRebuildJob(PromptScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(JobExecutionContext context) {
		scheduler.rebuildFiring();
	}
}
