package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.people.Person;

/**
 * A programme coordinator as a cohort-digest recipient. Their recipient key is {@code admin:<person id>}, apart
 * from the key of any coach or manager digest the same person gets.
 *
 * @param person who they are, with the time zone their chat platform gives when none is recorded
 */
record Coordinator(Person person) {

	static final String PREFIX = "admin:";

	String key() {
		return PREFIX + person.id().value();
	}

	/** As a {@link Recipient} following nothing, for the schedule and the ISO week, which need only the person. */
	Recipient asRecipient() {
		return new Recipient(person, List.of());
	}

	static boolean isKey(String recipientKey) {
		return recipientKey != null && recipientKey.startsWith(PREFIX);
	}
}
