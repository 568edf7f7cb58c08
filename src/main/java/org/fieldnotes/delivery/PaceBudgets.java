package org.fieldnotes.delivery;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the {@link Pacer} keeps each scope's budget: the first free slot, and the rate learned from the platform's
 * 429s. In memory for one instance ({@link #inMemory()}); in the store, shared by every instance over it, in
 * {@link SharedPaceBudgets}. Times are {@link Pacer.Ticker} nanoseconds.
 */
interface PaceBudgets {

	/**
	 * Takes the scope's next slot: {@code max(now, next free)}, and moves the next free slot {@code intervalNanos}
	 * after it, atomically (two takers never get slots closer than the interval).
	 */
	Slot take(String scope, long now, long intervalNanos);

	/** What has been learned for this scope so far ({@link Learned#NOTHING} when nothing has). */
	Learned learned(String scope);

	/**
	 * Replaces what was learned for this scope, if it is still {@code expected} (by generation): a compare-and-set,
	 * so that of several senders told at once by the platform to slow down, one lowers the rate, once. Returns what
	 * is in force afterwards.
	 */
	Learned learn(String scope, Learned expected, Learned next);

	/**
	 * Counts a message the platform accepted in this scope since the rate was last learned, if it was timed at that
	 * rate ({@code generation}): a send timed before is the old rate's.
	 */
	void accepted(String scope, long generation);

	/** A slot and what was learned for its scope when it was taken. */
	record Slot(long at, Learned learned) {
	}

	/**
	 * The rate learned from the platform: {@code rate} messages a second from {@code at} on ({@code rate} 0: nothing
	 * learned, the configured rate holds); {@code generation} counts the times it was learned; {@code accepted}
	 * messages were accepted since then.
	 */
	record Learned(long generation, double rate, long at, long accepted) {

		static final Learned NOTHING = new Learned(0, 0, 0, 0);
	}

	static PaceBudgets inMemory() {
		return new InMemory();
	}

	/** One instance's budgets. */
	final class InMemory implements PaceBudgets {

		private final Map<String, Long> next = new HashMap<>();
		private final Map<String, Learned> learned = new HashMap<>();

		@Override
		public synchronized Slot take(String scope, long now, long intervalNanos) {
			long slot = Math.max(now, next.getOrDefault(scope, now));
			next.put(scope, slot + intervalNanos);
			return new Slot(slot, learned(scope));
		}

		@Override
		public synchronized Learned learned(String scope) {
			return learned.getOrDefault(scope, Learned.NOTHING);
		}

		@Override
		public synchronized Learned learn(String scope, Learned expected, Learned next) {
			if (learned(scope).generation() == expected.generation()) {
				learned.put(scope, next);
			}
			return learned(scope);
		}

		@Override
		public synchronized void accepted(String scope, long generation) {
			Learned l = learned(scope);
			if (l.generation() == generation) {
				learned.put(scope, new Learned(l.generation(), l.rate(), l.at(), l.accepted() + 1));
			}
		}
	}
}
