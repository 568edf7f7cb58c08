package org.fieldnotes.prompting;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's firing of a snoozed prompt's one-shot trigger; {@link PromptResponses#resendSnoozed} decides. */
class SnoozeJob implements Job {

	static final String OCCURRENCE_ID = "occurrenceId";

	private final PromptResponses responses;

	SnoozeJob(PromptResponses responses) {
		this.responses = responses;
	}

	@Override
	public void execute(JobExecutionContext context) {
		responses.resendSnoozed(context.getMergedJobDataMap().getString(OCCURRENCE_ID));
	}
}
