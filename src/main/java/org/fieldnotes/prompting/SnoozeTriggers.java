package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.fieldnotes.schedule.OneShotTriggers;
import org.quartz.Scheduler;
import org.springframework.stereotype.Component;

/**
 * One one-shot Quartz trigger per snoozed prompt. Quartz (in memory) is only the clock: the snooze itself is stored
 * on the occurrence, and {@link PromptResponses} re-creates these triggers at start. A firing that fails (the store
 * is down) fires again after a backoff ({@link OneShotTriggers#fire}).
 */
@Component
class SnoozeTriggers {

	static final String GROUP = "snoozes";

	private final OneShotTriggers triggers;

	SnoozeTriggers(Scheduler quartz, Clock clock) {
		this.triggers = new OneShotTriggers(quartz, clock, GROUP, SnoozeJob.class);
	}

	void schedule(String occurrenceId, Instant at) {
		triggers.set(occurrenceId, at);
	}

	void cancel(String occurrenceId) {
		triggers.cancel(occurrenceId);
	}

	/** Runs the firing of a snoozed prompt's trigger; it outlives any failure of {@code resend}. */
	void fire(String occurrenceId, Runnable resend) {
		triggers.fire(occurrenceId, resend);
	}

	Optional<Instant> nextFireTime(String occurrenceId) {
		return triggers.nextFireTime(occurrenceId);
	}
}
