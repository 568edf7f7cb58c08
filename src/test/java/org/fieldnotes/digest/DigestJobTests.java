package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job Quartz runs when a digest trigger fires finds whose digest it is in the job Quartz stored with the
 * trigger. (Quartz does not run in tests; the job is run with the context Quartz would give it.)
 */
class DigestJobTests extends IntegrationTest {

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	Scheduler quartz;

	@Test
	void aRecipientsDigestJobSendsThatRecipientsDigest() throws SchedulerException {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(Instant.parse("2026-12-07T07:00:00Z"));
		JobExecutionContext context = mock(JobExecutionContext.class);
		when(context.getJobDetail()).thenReturn(quartz.getJobDetail(JobKey.jobKey(keyOf("UMAJA"), DigestScheduler.GROUP)));

		new DigestJob(scheduler).execute(context);

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(SlackStub.messagesTo("UANDERS")).isEmpty();
	}
}
