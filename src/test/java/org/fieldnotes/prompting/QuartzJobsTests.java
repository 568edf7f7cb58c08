package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The jobs Quartz runs when a trigger fires find what they fire for in the job Quartz stored with the trigger: the
 * placement's prompt job fires that placement, a snoozed prompt's job sends that prompt again. (Quartz does not run
 * in tests; the job is run with the context Quartz would give it.)
 */
class QuartzJobsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptResponses responses;

	@Autowired
	Scheduler quartz;

	@Test
	void aPlacementsPromptJobFiresThatPlacement() throws SchedulerException {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		clock.set(Instant.parse("2026-12-04T13:00:00Z"));

		new PromptJob(scheduler).execute(firing(PromptScheduler.GROUP, placementId));

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(Instant.parse("2026-12-11T13:00:00Z"));
	}

	@Test
	void aSnoozedPromptsJobSendsThatPromptAgain() throws SchedulerException {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		dispatcher.sendNext(placementId);
		String occurrenceId = dispatcher.sendNext(placementId).occurrenceId();
		responses.snooze(occurrenceId, slack(ADA), new SentMessage(new org.fieldnotes.chat.ChatAccount("slack", null, "UADA"), "DUADA", "1764669600.000500"));
		clock.advance(PromptResponses.SNOOZE);

		new SnoozeJob(responses).execute(firing(SnoozeTriggers.GROUP, occurrenceId));

		assertThat(SlackStub.messagesTo(ADA)).hasSize(3);
	}

	/** The context Quartz gives the job of {@code group}/{@code name} when one of its triggers fires. */
	private JobExecutionContext firing(String group, String name) throws SchedulerException {
		JobExecutionContext context = mock(JobExecutionContext.class);
		when(context.getJobDetail()).thenReturn(quartz.getJobDetail(JobKey.jobKey(name, group)));
		return context;
	}
}
