package org.fieldnotes.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A message could not be delivered. {@link #reason()} is the platform's short error code, safe to store and log;
 * {@link #retryAfter()} is how long the platform asked us to wait before trying again (a 429's {@code Retry-After}).
 */
public class DeliveryFailed extends RuntimeException {

	private final String reason;
	private final Duration retryAfter;

	public DeliveryFailed(String reason, Throwable cause) {
		this(reason, null, cause);
	}

	public DeliveryFailed(String reason, Duration retryAfter, Throwable cause) {
		super("Delivery failed: " + reason, cause);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	public String reason() {
		return reason;
	}

	/** Present when the platform rate-limited us and said how long to wait. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}
}
