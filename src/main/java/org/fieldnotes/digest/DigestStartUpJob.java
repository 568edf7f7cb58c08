package org.fieldnotes.digest;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz's firing of the digests' catch-up at start (see {@link DigestScheduler#afterReady()}). Public, with its
 * trigger's name, for tests, where Quartz does not run and a start is played by firing it as Quartz would.
 */
@DisallowConcurrentExecution
public class DigestStartUpJob implements Job {

	/** The group and name of the catch-up's one trigger. */
	public static final String GROUP = "digest-start";
	public static final String NAME = "catch-up";

	private final DigestScheduler scheduler;

	DigestStartUpJob(DigestScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(JobExecutionContext context) {
		scheduler.startUpFiring();
	}
}
