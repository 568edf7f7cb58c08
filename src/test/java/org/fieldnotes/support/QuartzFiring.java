package org.fieldnotes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * Quartz does not run in tests, which call the job's method themselves. What Quartz would do first when a one-shot
 * trigger fires is done here: the trigger is used up, so whatever trigger the thing has afterwards is one the job
 * set while it ran.
 */
public final class QuartzFiring {

	private QuartzFiring() {
	}

	/** Uses up the first trigger of the job {@code group}/{@code name}, which must be due at {@code now}. */
	public static void fires(Scheduler quartz, String group, String name, Instant now) {
		try {
			Trigger first = quartz.getTriggersOfJob(JobKey.jobKey(name, group))
				.stream()
				.filter(t -> t.getNextFireTime() != null)
				.min(Comparator.comparing(Trigger::getNextFireTime))
				.orElseThrow(() -> new AssertionError("no trigger of " + group + "/" + name + " to fire"));
			assertThat(first.getNextFireTime().toInstant()).as("the trigger that fires").isBeforeOrEqualTo(now);
			quartz.unscheduleJob(Objects.requireNonNull(first.getKey()));
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}
}
