package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.placement.Person;

/**
 * A programme coordinator as a cohort-digest recipient. Their recipient key is {@code admin:<member id>}, apart
 * from the key of any coach or manager digest the same person gets.
 *
 * @param person their name, time zone and language, as far as known
 */
record Coordinator(Person person) {

	static final String PREFIX = "admin:";

	String memberId() {
		return person.slackUserId();
	}

	String key() {
		return PREFIX + person.slackUserId();
	}

	/** As a {@link Recipient} following nothing, for the schedule and the ISO week, which need only the person. */
	Recipient asRecipient() {
		return new Recipient(person, List.of());
	}

	static boolean isKey(String recipientKey) {
		return recipientKey != null && recipientKey.startsWith(PREFIX);
	}
}
