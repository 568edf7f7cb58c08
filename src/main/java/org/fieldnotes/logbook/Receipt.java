package org.fieldnotes.logbook;

import org.fieldnotes.chat.InboundMessage;

/**
 * What became of an inbound message, decided before the platform is acknowledged.
 */
public record Receipt(InboundMessage message, Outcome outcome, LogbookEntry entry) {

	public enum Outcome {
		/** Stored as a new entry. */
		SAVED,
		/** Already stored under the same natural key (a retry or redelivery): nothing new. */
		ALREADY_SAVED,
		/** The author is not enrolled: nothing stored. */
		NOT_ENROLLED
	}
}
