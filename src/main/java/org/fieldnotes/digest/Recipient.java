package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.placement.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;

/**
 * Someone who follows placements, with the placements they follow and in which role.
 */
record Recipient(Person person, List<Followed> placements) {

	String key() {
		return person.recipientKey();
	}

	record Followed(Placement placement, Role role) {
	}
}
