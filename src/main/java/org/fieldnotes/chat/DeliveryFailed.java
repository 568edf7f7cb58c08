package org.fieldnotes.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A message could not be delivered. {@link #reason()} is the platform's short error code, safe to store and log;
 * {@link #kind()} is what the platform adapter, which knows its codes, says the failure means for another try.
 */
public class DeliveryFailed extends RuntimeException {

	/** What a failure means for trying again. */
	public enum Kind {
		/** The platform said to wait ({@link #retryAfter()}), then try again. */
		RATE_LIMITED,
		/** Server errors, timeouts, network trouble: worth another try later. */
		TRANSIENT,
		/** The same message would fail the same way again (a bad message, a channel the app is not in, …). */
		PERMANENT,
		/** The person's account is deleted or deactivated: nothing more should be sent to them. */
		RECIPIENT_GONE
	}

	private final String reason;
	private final Kind kind;
	private final Duration retryAfter;

	/** A permanent failure. */
	public DeliveryFailed(String reason, Throwable cause) {
		this(reason, Kind.PERMANENT, null, cause);
	}

	public DeliveryFailed(String reason, Kind kind, Throwable cause) {
		this(reason, kind, null, cause);
	}

	public DeliveryFailed(String reason, Kind kind, Duration retryAfter, Throwable cause) {
		super("Delivery failed: " + reason, cause);
		this.reason = reason;
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	public String reason() {
		return reason;
	}

	public Kind kind() {
		return kind;
	}

	/** Whether another try may succeed: a rate limit or a transient failure. */
	public boolean retryable() {
		return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
	}

	/** Present when the platform rate-limited us and said how long to wait. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}
}
