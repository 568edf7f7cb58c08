package org.fieldnotes.delivery;

/**
 * Published when an outbound message was given up: a permanent error (e.g. {@code account_inactive},
 * {@code channel_not_found}) or too many failed attempts. {@code reason} is the platform's short error code.
 */
public record MessageUndeliverable(String key, MessageKind kind, String ref, String recipient, String reason) {

	/** The recipient's account is gone or deactivated: nothing more should be sent to them. */
	public boolean recipientGone() {
		return Failures.recipientGone(reason);
	}
}
