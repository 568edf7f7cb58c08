package org.fieldnotes.prompting;

import org.fieldnotes.schedule.OneShotTriggers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's firing of a snoozed prompt's one-shot trigger; {@link PromptResponses#fireSnooze} decides. */
@DisallowConcurrentExecution
class SnoozeJob implements Job {

	private final PromptResponses responses;

	SnoozeJob(PromptResponses responses) {
		this.responses = responses;
	}

	@Override
	public void execute(JobExecutionContext context) {
		responses.fireSnooze(OneShotTriggers.name(context));
	}
}
