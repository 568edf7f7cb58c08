package org.fieldnotes.delivery;

/** Where an outbound message is on its way. */
public enum OutboxStatus {

	/** Waiting to be sent, not before its {@code nextAttemptAt}. */
	PENDING,
	/** Claimed by one instance under a lease; if the lease runs out it is taken over. */
	SENDING,
	/** Delivered; the body is gone. */
	SENT,
	/** Given up: a permanent error, or too many attempts. Flagged to admins. */
	FAILED
}
