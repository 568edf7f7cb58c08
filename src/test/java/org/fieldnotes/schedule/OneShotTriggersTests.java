package org.fieldnotes.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
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

	private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);
	private Scheduler quartz;
	private OneShotTriggers triggers;

	@BeforeEach
	void quartz() throws SchedulerException {
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "test-" + UUID.randomUUID());
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		quartz = new StdSchedulerFactory(properties).getScheduler();
		triggers = new OneShotTriggers(quartz, clock, "things", NoJob.class);
	}

	@AfterEach
	void shutdown() throws SchedulerException {
		quartz.shutdown();
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
		triggers.set("a", NOW.plus(Duration.ofHours(1)));
		triggers.fire("a", () -> {
			throw new DataAccessResourceFailureException("store down");
		});

		triggers.set("a", NOW.plus(Duration.ofDays(7)));

		assertThat(triggers.nextFireTime("a")).hasValue(NOW.plus(Duration.ofMinutes(1)));
		assertThat(triggers.names()).containsExactly("a");
		triggers.cancel("a");
		assertThat(triggers.nextFireTime("a")).isEmpty();
		assertThat(triggers.names()).isEmpty();
	}

	public static class NoJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}
	}
}
