package org.fieldnotes.prompting;

import org.fieldnotes.schedule.OneShotTriggers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz's firing of a placement's trigger; all decisions are made by {@link PromptScheduler#fire(String)}.
 */
@DisallowConcurrentExecution
class PromptJob implements Job {

	private final PromptScheduler scheduler;

	PromptJob(PromptScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(JobExecutionContext context) {
		scheduler.fire(OneShotTriggers.name(context));
	}
}
