package org.fieldnotes.prompting;

/** What became of a due prompt. */
public enum OccurrenceStatus {
	/** Claimed by a sender; being delivered. */
	CLAIMED,
	/** Delivered to the participant. */
	SENT,
	/** Not sent: the app was down for longer than the catch-up window. */
	MISSED,
	/** The chat platform refused it; {@code failure} says why. */
	FAILED,
	/** Skipped on purpose: by the participant ("Skip this week"), by an admin, or because they were away. */
	SKIPPED
}
