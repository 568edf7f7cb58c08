package org.fieldnotes.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The one-shot triggers' promise, on a real (in-memory, not started) Quartz scheduler: a firing whose work throws
 * keeps a trigger — the retry, after 1, 2, 4, 8, then 15 minutes for each failure in a row — and a firing that
 * succeeds starts the count again; setting the regular trigger never pushes a pending retry back.
 */
class OneShotTriggersTests {

	/** Ahead of the wall clock: a retry set from it never fires while Quartz runs here. */
	private final MutableClock clock = new MutableClock(
			Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
	private Scheduler quartz;
	private OneShotTriggers triggers;

	@BeforeEach
	void quartz() throws SchedulerException {
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "test-" + UUID.randomUUID());
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		quartz = new StdSchedulerFactory(properties).getScheduler();
		triggers = new OneShotTriggers(quartz, clock, "things", NoJob.class);
	}

	@AfterEach
	void shutdown() throws SchedulerException {
		quartz.shutdown(true);
	}

	@Test
	void aFailingFiringIsRetriedAfterABackoffThatDoublesUpToFifteenMinutes() {
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			assertThatNoException().isThrownBy(() -> triggers.fire("a", () -> {
				throw new DataAccessResourceFailureException("store down");
			}));
			Instant next = triggers.nextFireTime("a").orElseThrow();
			waits.add(Duration.between(clock.instant(), next).toMinutes());
			clock.set(next);
		}
		assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 15L, 15L);

		// a firing that succeeds (and sets the next time) ends the retries; the next failure waits 1 minute again
		triggers.fire("a", () -> triggers.set("a", clock.instant().plus(Duration.ofDays(7))));
		triggers.fire("a", () -> {
			throw new IllegalStateException("a bug");
		});
		assertThat(triggers.nextFireTime("a")).hasValue(clock.instant().plus(Duration.ofMinutes(1)));
	}

	@Test
	void settingTheRegularTriggerKeepsAPendingRetryAndCancelRemovesBoth() {
		Instant now = clock.instant();
		triggers.set("a", now.plus(Duration.ofHours(1)));
		triggers.fire("a", () -> {
			throw new DataAccessResourceFailureException("store down");
		});

		triggers.set("a", now.plus(Duration.ofDays(7)));

		assertThat(triggers.nextFireTime("a")).hasValue(now.plus(Duration.ofMinutes(1)));
		assertThat(triggers.names()).containsExactly("a");
		triggers.cancel("a");
		assertThat(triggers.nextFireTime("a")).isEmpty();
		assertThat(triggers.names()).isEmpty();
	}

	/**
	 * The same, with Quartz running (on the wall clock: the triggers are set to fire at once): the job learns its
	 * name from Quartz; a trigger set while the job runs is kept when the firing completes, and when the work
	 * throws the fired trigger is gone but the retry is there. One Quartz thread, so the barrier job runs only once
	 * the firing before it is complete.
	 */
	@Test
	void withQuartzRunningAFiringKeepsTheTriggerItSetsOrItsRetry() throws Exception {
		Instant later = clock.instant().plus(Duration.ofDays(1));
		OneShotTriggers firing = new OneShotTriggers(quartz, clock, "firing", FiringJob.class);
		OneShotTriggers barrier = new OneShotTriggers(quartz, clock, "barrier", BarrierJob.class);
		FiringJob.triggers = firing;
		FiringJob.work.put("sets-next", () -> firing.set("sets-next", later));
		FiringJob.work.put("fails", () -> {
			throw new DataAccessResourceFailureException("store down");
		});
		BarrierJob.done = new CountDownLatch(1);
		Instant wallNow = Instant.now();
		firing.set("sets-next", wallNow);
		firing.set("fails", wallNow);
		barrier.set("after", wallNow.plusMillis(300));

		quartz.start();

		assertThat(BarrierJob.done.await(20, TimeUnit.SECONDS)).as("Quartz ran the firings").isTrue();
		assertThat(FiringJob.fired).containsExactlyInAnyOrder("sets-next", "fails");
		assertThat(firing.nextFireTime("sets-next")).hasValue(later);
		assertThat(firing.nextFireTime("fails")).hasValue(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(quartz.getTriggersOfJob(JobKey.jobKey("fails", "firing"))).hasSize(1);
	}

	public static class NoJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}
	}

	public static class FiringJob implements Job {

		static volatile OneShotTriggers triggers;
		static final Map<String, Runnable> work = new ConcurrentHashMap<>();
		static final List<String> fired = new CopyOnWriteArrayList<>();

		@Override
		public void execute(JobExecutionContext context) {
			String name = OneShotTriggers.name(context);
			fired.add(name);
			triggers.fire(name, work.get(name));
		}
	}

	public static class BarrierJob implements Job {

		static volatile CountDownLatch done;

		@Override
		public void execute(JobExecutionContext context) {
			done.countDown();
		}
	}
}
