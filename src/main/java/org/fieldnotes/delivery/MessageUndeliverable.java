package org.fieldnotes.delivery;

/**
 * Published when an outbound message was given up: a permanent error (e.g. {@code account_inactive},
 * {@code channel_not_found}) or too many failed attempts. {@code reason} is the platform's short error code;
 * {@code recipientGone} says the person's account is deleted or deactivated, so nothing more should go to them.
 */
public record MessageUndeliverable(String key, MessageKind kind, String ref, String recipient, String reason,
		boolean recipientGone) {
}
