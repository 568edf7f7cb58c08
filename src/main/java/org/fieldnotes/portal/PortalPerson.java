package org.fieldnotes.portal;

import java.io.Serializable;
import java.security.Principal;

import org.fieldnotes.people.PersonId;

/**
 * Who a portal session is: a person id, and nothing else (their name, roles and admin rights are looked up again on
 * every request, so a change or an erasure takes effect at once).
 */
record PortalPerson(String personId) implements Principal, Serializable {

	PersonId id() {
		return new PersonId(personId);
	}

	@Override
	public String getName() {
		return personId;
	}
}
