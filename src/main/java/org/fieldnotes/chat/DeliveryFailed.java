package org.fieldnotes.chat;

/**
 * A message could not be delivered. {@link #reason()} is the platform's short error code, safe to store and log.
 */
public class DeliveryFailed extends RuntimeException {

	private final String reason;

	public DeliveryFailed(String reason, Throwable cause) {
		super("Delivery failed: " + reason, cause);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}
}
