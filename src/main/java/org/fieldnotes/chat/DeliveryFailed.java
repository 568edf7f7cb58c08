package org.fieldnotes.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A message could not be delivered. {@link #reason()} is the platform's short error code, safe to store and log;
 * {@link #kind()} is what the platform adapter, which knows its codes, says the failure means for another try, and
 * {@link #mayHaveArrived()} whether the message may have reached the person all the same.
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
		RECIPIENT_GONE,
		/**
		 * The platform cannot reach the person yet (on Teams: the app is not installed for them, so there is no
		 * conversation to write to). Another try fails the same way until they are reachable; another channel (e-mail)
		 * may reach them meanwhile.
		 */
		NOT_REACHABLE
	}

	private final String reason;
	private final Kind kind;
	private final Duration retryAfter;
	private final boolean mayHaveArrived;

	/** A permanent failure. */
	public DeliveryFailed(String reason, Throwable cause) {
		this(reason, Kind.PERMANENT, null, cause);
	}

	public DeliveryFailed(String reason, Kind kind, Throwable cause) {
		this(reason, kind, null, cause);
	}

	public DeliveryFailed(String reason, Kind kind, Duration retryAfter, Throwable cause) {
		this(reason, kind, retryAfter, false, cause);
	}

	private DeliveryFailed(String reason, Kind kind, Duration retryAfter, boolean mayHaveArrived, Throwable cause) {
		super("Delivery failed: " + reason, cause);
		this.reason = reason;
		this.kind = kind;
		this.retryAfter = retryAfter;
		this.mayHaveArrived = mayHaveArrived;
	}

	/**
	 * A failure whose outcome the adapter cannot know: the request went out and no answer came back (a read timeout,
	 * a connection reset after the request was written), the platform said part of it may have succeeded, or part of
	 * the message was already delivered. Another try may deliver it twice.
	 */
	public static DeliveryFailed outcomeUnknown(String reason, Kind kind, Throwable cause) {
		return new DeliveryFailed(reason, kind, null, true, cause);
	}

	/** This failure, but the message (or part of it) may have reached the person. */
	public DeliveryFailed asMayHaveArrived() {
		return mayHaveArrived ? this : new DeliveryFailed(reason, kind, retryAfter, true, getCause());
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

	/**
	 * Whether the message may have reached the person although the send failed: true only when the adapter cannot
	 * tell; false when it knows the platform did not take it (no connection, a refusal, a rate limit).
	 */
	public boolean mayHaveArrived() {
		return mayHaveArrived;
	}

	/** Present when the platform rate-limited us and said how long to wait. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}
}
