package org.fieldnotes.prompting;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz's firing of a placement's trigger; all decisions are made by {@link PromptScheduler#fire(String)}.
 */
@DisallowConcurrentExecution
class PromptJob implements Job {

	static final String PLACEMENT_ID = "placementId";

	private final PromptScheduler scheduler;

	PromptJob(PromptScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(JobExecutionContext context) {
		scheduler.fire(context.getMergedJobDataMap().getString(PLACEMENT_ID));
	}
}
