package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;

/**
 * Someone who follows placements, with the placements they follow and in which role.
 *
 * @param byEmail whether this digest reaches them by e-mail (where chat buttons cannot work)
 */
record Recipient(Person person, List<Followed> placements, boolean byEmail) {

	/** A recipient who reads on chat (when they have a chat account). */
	Recipient(Person person, List<Followed> placements) {
		this(person, placements, !person.hasChat());
	}

	/** Their digests' key: their person id. */
	String key() {
		return person.id().value();
	}

	/** The same recipient reading this digest by e-mail: links instead of chat buttons. */
	Recipient viaEmail() {
		return new Recipient(person, placements, true);
	}

	record Followed(Placement placement, Role role) {
	}
}
