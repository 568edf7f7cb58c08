package org.fieldnotes.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * One Quartz one-shot trigger per thing of one kind (a placement's next prompt, a recipient's next digest, a snoozed
 * prompt), all in one group and firing one job class, named by the thing's id. Quartz (in memory) is only the clock:
 * what is due lives in MongoDB, and every trigger can be rebuilt from it.
 *
 * <p>{@link #fire} runs one firing so that no failure loses the thing's trigger. The work does what is due and sets
 * the next time (usually reading the store to know it). If the work throws — the store is down, or a bug — a retry
 * trigger fires the same job again after a backoff: 1 minute, doubled with each failure in a row, at most 15 minutes.
 * Setting it needs nothing but Quartz. The retry has a trigger of its own, so setting the regular one (a rebuild, a
 * changed placement) never pushes a pending retry back; the job is never run twice at once (its class says
 * {@code @DisallowConcurrentExecution}). The work is run again from the start, so it must be idempotent, which every
 * send is: each is a claim in the store.
 */
public final class OneShotTriggers {

	private static final Logger log = LoggerFactory.getLogger(OneShotTriggers.class);
	static final Duration FIRST_RETRY = Duration.ofMinutes(1);
	static final Duration LONGEST_RETRY = Duration.ofMinutes(15);
	private static final String RETRY = ".retry";

	private final Scheduler quartz;
	private final Clock clock;
	private final String group;
	private final Class<? extends Job> job;
	/** Failed firings in a row, per name; forgotten after a firing that succeeds. */
	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	public OneShotTriggers(Scheduler quartz, Clock clock, String group, Class<? extends Job> job) {
		this.quartz = Objects.requireNonNull(quartz, "quartz");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.group = Objects.requireNonNull(group, "group");
		this.job = Objects.requireNonNull(job, "job");
	}

	/** The name of the thing a firing is for, inside the job's {@code execute}. */
	public static String name(JobExecutionContext context) {
		return context.getJobDetail().getKey().getName();
	}

	/** The Quartz group of these triggers (a retry's is this plus {@code .retry}). */
	public String group() {
		return group;
	}

	/** Sets the thing's regular trigger to fire at {@code at}, replacing the one it had; a pending retry stays. */
	public void set(String name, Instant at) {
		schedule(name, TriggerKey.triggerKey(name, group), at);
	}

	/**
	 * {@link #set} for many things at once, with the same triggers, handed to Quartz in one call
	 * ({@link Scheduler#scheduleJobs}) rather than one call (and one lock of its store) per thing.
	 */
	public void setAll(Map<String, Instant> times) {
		if (times.isEmpty()) {
			return;
		}
		Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
		times.forEach((name, at) -> {
			JobDetail detail = detail(name);
			jobs.put(detail, Set.of(trigger(detail, TriggerKey.triggerKey(name, group), at)));
		});
		try {
			quartz.scheduleJobs(jobs, true);
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule " + times.size() + " triggers of " + group, e);
		}
	}

	/** Removes the thing's triggers, retry included: it has nothing left to fire. */
	public void cancel(String name) {
		failures.remove(name);
		try {
			quartz.deleteJob(JobKey.jobKey(name, group));
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not cancel the trigger " + group + "/" + name, e);
		}
	}

	/** When the thing's job runs next (its regular trigger or a retry, whichever is first); empty when never. */
	public Optional<Instant> nextFireTime(String name) {
		try {
			return quartz.getTriggersOfJob(JobKey.jobKey(name, group))
				.stream()
				.map(Trigger::getNextFireTime)
				.filter(Objects::nonNull)
				.map(Date::toInstant)
				.min(Comparator.naturalOrder());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The names of every thing that has a trigger. */
	public Set<String> names() {
		try {
			Set<String> names = new TreeSet<>();
			quartz.getJobKeys(GroupMatcher.jobGroupEquals(group)).forEach(key -> names.add(key.getName()));
			return names;
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Runs one firing: {@code work} does what is due and sets the next time. When it throws, the retry trigger is
	 * set (see the class comment) and nothing is thrown: the trigger outlives any failure.
	 */
	public void fire(String name, Runnable work) {
		try {
			work.run();
			failures.remove(name);
		}
		catch (RuntimeException e) {
			int failed = failures.merge(name, 1, Integer::sum);
			Duration wait = backoff(failed);
			if (storeDown(e)) {
				log.warn("Trigger {}/{}: the store is unavailable ({}); trying again in {} min", group, name,
						e.getClass().getSimpleName(), wait.toMinutes());
			}
			else {
				log.error("Trigger {}/{} failed; trying again in {} min", group, name, wait.toMinutes(), e);
			}
			schedule(name, TriggerKey.triggerKey(name, group + RETRY), clock.instant().plus(wait));
		}
	}

	/** 1 min, 2, 4, 8, then 15 min for every failure after that. */
	static Duration backoff(int failuresInARow) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failuresInARow, 1) - 1, 10));
		return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
	}

	/** An outage, not a bug: worth one WARN line rather than a stack trace every few minutes. */
	private static boolean storeDown(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Stores the job (not durable: Quartz forgets it once it has no trigger left) and one trigger of it, replacing a
	 * trigger with the same key. Replacing it while the job runs is what Quartz expects of a job that reschedules
	 * itself: the firing trigger is then not deleted when the job completes.
	 */
	private void schedule(String name, TriggerKey key, Instant at) {
		JobDetail detail = detail(name);
		Trigger trigger = trigger(detail, key, at);
		try {
			quartz.scheduleJob(detail, Set.of(trigger), true);
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule the trigger " + group + "/" + name, e);
		}
	}

	private JobDetail detail(String name) {
		return JobBuilder.newJob(job).withIdentity(JobKey.jobKey(name, group)).build();
	}

	private static Trigger trigger(JobDetail detail, TriggerKey key, Instant at) {
		return TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(detail)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
	}
}
