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
 */
class Pacer {

	/** Monotonic time and waiting; the tests move a fake one. */
	interface Ticker {

		long nanos();

		void sleep(Duration duration) throws InterruptedException;

		Ticker SYSTEM = new Ticker() {
			@Override
			public long nanos() {
				return System.nanoTime();
			}

			@Override
			public void sleep(Duration duration) throws InterruptedException {
				Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
			}
		};
	}

	private static final int MAX_TRACKED_CHANNELS = 10_000;

	private final long perChannelNanos;
	private final long intervalNanos;
	private final Ticker ticker;
	private final Map<String, Long> nextForChannel = new HashMap<>();
	/** Per scope, the first free slot of its budget. */
	private final Map<String, Long> nextInScope = new HashMap<>();

	Pacer(Duration perChannel, double ratePerSecond, Ticker ticker) {
		this.perChannelNanos = perChannel.toNanos();
		this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
		this.ticker = ticker;
	}

	/**
	 * Waits until a message may go to this conversation of this scope; returns how long it waited.
	 * @param scope the platform workspace, e.g. {@code slack/T012}
	 * @param channel the conversation (or the account it is with)
	 */
	Duration await(String scope, String channel) throws InterruptedException {
		long wait = reserve(scope, channel);
		if (wait > 0) {
			ticker.sleep(Duration.ofNanos(wait));
		}
		return Duration.ofNanos(Math.max(0, wait));
	}

	/** The wait {@link #await} would have, reserved but not waited: for tests of several waiters at once. */
	Duration reserveForTest(String scope, String channel) {
		return Duration.ofNanos(Math.max(0, reserve(scope, channel)));
	}

	private synchronized long reserve(String scope, String channel) {
		long now = ticker.nanos();
		// the workspace's budget is taken at once; a wait for this conversation does not hold back the others
		long workspaceSlot = Math.max(now, nextInScope.getOrDefault(scope, now));
		nextInScope.put(scope, workspaceSlot + intervalNanos);
		long slot = workspaceSlot;
		channel = scope + " " + channel;
		Long channelFree = nextForChannel.get(channel);
		if (channelFree != null) {
			slot = Math.max(slot, channelFree);
		}
		if (nextForChannel.size() >= MAX_TRACKED_CHANNELS) {
			nextForChannel.values().removeIf(free -> free - now <= 0);
		}
		nextForChannel.put(channel, slot + perChannelNanos);
		return slot - now;
	}
}
