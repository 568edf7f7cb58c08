package org.fieldnotes.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outbound messages are paced and retried.
 *
 * @param worker whether this instance runs the background worker that sends queued and retried messages
 * ({@code FIELDNOTES_OUTBOX_WORKER}); off only in tests that drive it themselves
 * @param rate messages per second for the whole workspace, from all instances over the store together, at most
 * ({@code FIELDNOTES_OUTBOX_RATE}); the {@link Pacer} lowers a workspace's rate for a while after a 429
 * @param perChannel the least time between two messages to one conversation (Slack: about one per second)
 * @param concurrency sends in flight at once from the worker ({@code FIELDNOTES_OUTBOX_CONCURRENCY}); after a crash
 * at most this many messages (plus one per thread sending in the foreground) can be sent twice
 * @param lease how long a claim on a message holds before another instance may take it over
 * ({@code FIELDNOTES_OUTBOX_LEASE}); must be longer than a send can take
 * @param maxAttempts attempts before a message that keeps failing is given up and flagged
 * @param backoff the wait before the first retry; it doubles each time, with full jitter, up to {@code maxBackoff}
 * @param poll how often an idle worker looks for due messages
 */
@ConfigurationProperties("fieldnotes.outbox")
record OutboxSettings(@DefaultValue("true") boolean worker, @DefaultValue("4") double rate,
		@DefaultValue("PT1S") Duration perChannel, @DefaultValue("4") int concurrency,
		@DefaultValue("PT1M") Duration lease, @DefaultValue("10") int maxAttempts,
		@DefaultValue("PT2S") Duration backoff, @DefaultValue("PT15M") Duration maxBackoff,
		@DefaultValue("PT0.5S") Duration poll) {

	OutboxSettings {
		if (rate <= 0) {
			throw new IllegalArgumentException("FIELDNOTES_OUTBOX_RATE is " + rate
					+ ": use a number of messages per second above 0, e.g. 4");
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("FIELDNOTES_OUTBOX_CONCURRENCY is " + concurrency
					+ ": use 1 or more");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("FIELDNOTES_OUTBOX_MAX_ATTEMPTS is " + maxAttempts
					+ ": use 1 or more, e.g. 10");
		}
		if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
			throw new IllegalArgumentException("FIELDNOTES_OUTBOX_LEASE is " + lease
					+ ": use at least PT5S (longer than one send can take)");
		}
	}
}
