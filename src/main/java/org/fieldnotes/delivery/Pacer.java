package org.fieldnotes.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces out sends to the platforms' limits: at most one message per {@code perChannel} to one conversation and at
 * most {@code rate} per second to one platform workspace (a scope such as {@code slack/T012}; each scope has a
 * budget of its own, as each Slack workspace has its own limits). Each caller reserves the next free slot under a
 * lock and then waits outside it, so threads queue fairly. (A rate limit a platform announces is not waited out
 * here: the worker stops claiming for that scope until it has passed — see {@link OutboxWorker}.)
 * <p>
 * <b>The rate adapts to what the platform accepts</b> (additive increase, multiplicative decrease). When a send
 * timed at the scope's current rate is answered 429 ({@link #limited}), the scope's rate drops: to the pace the
 * platform accepted since the previous 429 (sends timed at the current rate) if that was less than a minute ago and is lower
 * (never below half the rate), else to {@value #DECREASE} of it; never below a quarter of the configured rate. It is held for a
 * minute ({@link #HOLD}, the window of a per-minute budget), then climbs back by {@value #INCREASE_PER_MINUTE} of
 * the configured rate a minute, up to the configured rate. A 429 to a send timed before the rate last dropped is
 * the old rate's, and lowers nothing.
 * <p>
 * The budgets (slots and learned rates) live in {@link PaceBudgets}: in the store, so that instances over one store
 * share one budget per workspace. The 1 s per conversation is kept by each instance for itself: one conversation's
 * messages are rarely in flight from two instances at once.
 */
class Pacer {

	/** Time and waiting; the tests move a fake one. */
	interface Ticker {

		long nanos();

		void sleep(Duration duration) throws InterruptedException;

		/**
		 * Monotonic, and as nanoseconds since the epoch as this process's wall clock read them when it started:
		 * instances whose clocks agree (NTP) agree on slots kept in the store.
		 */
		Ticker SYSTEM = new Ticker() {

			private final long nanoAtStart = System.nanoTime();

			private final long epochAtStart = epochNanos(java.time.Instant.now());

			@Override
			public long nanos() {
				return epochAtStart + (System.nanoTime() - nanoAtStart);
			}

			@Override
			public void sleep(Duration duration) throws InterruptedException {
				Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
			}
		};
	}

	private static long epochNanos(java.time.Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	/** The decrease after a 429 when nothing better is known. */
	static final double DECREASE = 0.85;
	/** How long a learned rate holds before it climbs back. */
	static final Duration HOLD = Duration.ofMinutes(1);
	/** How fast a learned rate climbs back, as a share of the configured rate a minute. */
	static final double INCREASE_PER_MINUTE = 0.05;

	private static final int MAX_TRACKED_CHANNELS = 10_000;
	private static final long MINUTE = Duration.ofMinutes(1).toNanos();

	private final long perChannelNanos;
	private final double rate;
	private final Ticker ticker;
	private final PaceBudgets budgets;
	private final Map<String, Long> nextForChannel = new HashMap<>();
	/** Per scope, what this instance last saw learned (each slot taken brings the latest). */
	private final Map<String, PaceBudgets.Learned> learned = new HashMap<>();

	Pacer(Duration perChannel, double ratePerSecond, Ticker ticker) {
		this(perChannel, ratePerSecond, ticker, PaceBudgets.inMemory());
	}

	Pacer(Duration perChannel, double ratePerSecond, Ticker ticker, PaceBudgets budgets) {
		this.perChannelNanos = perChannel.toNanos();
		this.rate = ratePerSecond;
		this.ticker = ticker;
		this.budgets = budgets;
	}

	/** A send's turn: how long it waited, and under which generation of its scope's rate it was timed. */
	record Turn(String scope, Duration waited, long generation, boolean stale) {
	}

	/**
	 * Waits until a message may go to this conversation of this scope; returns how long it waited.
	 * @param scope the platform workspace, e.g. {@code slack/T012}
	 * @param channel the conversation (or the account it is with)
	 */
	Duration await(String scope, String channel) throws InterruptedException {
		return turn(scope, channel).waited();
	}

	/**
	 * Waits until a message may go to this conversation of this scope. The turn is {@link Turn#stale() stale} when
	 * the scope's rate dropped while it waited (a 429 answered another send): the caller should look whether the
	 * scope is paused before sending.
	 */
	Turn turn(String scope, String channel) throws InterruptedException {
		return waitFor(reserve(scope, channel));
	}

	/**
	 * A send's slot, taken but not yet waited for: {@link #waitFor} waits for it. A caller that holds something for
	 * the send (the outbox's lease on the message) learns here how long it will be held.
	 */
	record Reservation(String scope, long at, long waitNanos, long generation) {

		Duration waiting() {
			return Duration.ofNanos(Math.max(0, waitNanos));
		}
	}

	/** Waits until the reserved slot has come (measured from now, so that time spent since it was taken counts). */
	Turn waitFor(Reservation reserved) throws InterruptedException {
		long remaining = reserved.at() - ticker.nanos();
		if (remaining > 0) {
			ticker.sleep(Duration.ofNanos(remaining));
		}
		long generation = reserved.generation();
		return new Turn(reserved.scope(), reserved.waiting(), generation, generation != generation(reserved.scope()));
	}

	/** The wait {@link #await} would have, reserved but not waited: for tests of several waiters at once. */
	Duration reserveForTest(String scope, String channel) {
		return reserve(scope, channel).waiting();
	}

	/** The scope's rate now, messages a second. */
	synchronized double rate(String scope) {
		return rateAt(learned.getOrDefault(scope, PaceBudgets.Learned.NOTHING), ticker.nanos());
	}

	/** Takes the next slot a message may go to this conversation of this scope in (see {@link #waitFor}). */
	synchronized Reservation reserve(String scope, String channel) {
		long now = ticker.nanos();
		double current = rateAt(learned.getOrDefault(scope, PaceBudgets.Learned.NOTHING), now);
		// the workspace's budget is taken at once; a wait for this conversation does not hold back the others
		PaceBudgets.Slot workspaceSlot = budgets.take(scope, now, (long) (1_000_000_000L / current));
		seen(scope, workspaceSlot.learned());
		long slot = workspaceSlot.at();
		channel = scope + " " + channel;
		Long channelFree = nextForChannel.get(channel);
		if (channelFree != null) {
			slot = Math.max(slot, channelFree);
		}
		if (nextForChannel.size() >= MAX_TRACKED_CHANNELS) {
			nextForChannel.values().removeIf(free -> free - now <= 0);
		}
		nextForChannel.put(channel, slot + perChannelNanos);
		return new Reservation(scope, slot, slot - now, workspaceSlot.learned().generation());
	}

	/** The platform accepted a send of this turn (counted if it was timed at the rate in force). */
	void accepted(Turn turn) {
		budgets.accepted(turn.scope(), turn.generation());
	}

	/**
	 * The platform answered a send of this turn with a 429: lowers the scope's rate, unless the send was timed at a
	 * rate that has been lowered since (it tells nothing new). Returns the scope's rate afterwards.
	 */
	double limited(Turn turn) {
		String scope = turn.scope();
		PaceBudgets.Learned before = budgets.learned(scope);
		long now = ticker.nanos();
		if (before.generation() == turn.generation()) {
			double current = rateAt(before, now);
			double lowered = current * DECREASE;
			long window = now - before.at();
			if (before.generation() > 0 && window > 0 && window <= MINUTE) {
				// the budget was used up at both 429s, so it refilled by about the calls accepted in between (give or
				// take the one call it may have held at each)
				double took = before.accepted() * 1e9 / window;
				if (took < current) {
					lowered = Math.max(took, current / 2);
				}
			}
			lowered = Math.max(lowered, rate / 4);
			seen(scope, budgets.learn(scope, before, new PaceBudgets.Learned(before.generation() + 1, lowered, now, 0)));
		}
		else {
			seen(scope, before);
		}
		return rate(scope);
	}

	private synchronized void seen(String scope, PaceBudgets.Learned latest) {
		PaceBudgets.Learned known = learned.get(scope);
		if (known == null || latest.generation() >= known.generation()) {
			learned.put(scope, latest);
		}
	}

	private synchronized long generation(String scope) {
		return learned.getOrDefault(scope, PaceBudgets.Learned.NOTHING).generation();
	}

	/** The rate a scope may send at {@code now}: the configured one, or the learned one climbing back to it. */
	private double rateAt(PaceBudgets.Learned learned, long now) {
		if (learned.rate() <= 0) {
			return rate;
		}
		long climbing = now - learned.at() - HOLD.toNanos();
		double raised = learned.rate() + (climbing <= 0 ? 0 : rate * INCREASE_PER_MINUTE * climbing / MINUTE);
		return Math.min(rate, raised);
	}
}
