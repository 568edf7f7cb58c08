package org.fieldnotes.admin;

import java.util.List;
import java.util.Set;

import org.fieldnotes.digest.Coordinators;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.springframework.stereotype.Component;

/** The admins, as the recipients of the weekly cohort digest. */
@Component
class CohortCoordinators implements Coordinators {

	private final AdminDirectory admins;

	CohortCoordinators(AdminDirectory admins) {
		this.admins = admins;
	}

	@Override
	public List<Person> people() {
		return admins.all();
	}

	@Override
	public Set<String> programsOf(PersonId person) {
		return admins.programsOf(person);
	}
}
