package org.fieldnotes.digest;

import java.util.List;

import org.fieldnotes.people.Person;

/**
 * The programme coordinators (admins) who get the weekly cohort digest. The admin module knows who they are and
 * provides this; without it nobody gets a cohort digest.
 */
public interface Coordinators {

	/** Every coordinator, each once. */
	List<Person> people();

	/**
	 * The programmes a coordinator is limited to ({@link org.fieldnotes.placement.ProgramSettings#keyOf keys}), whose
	 * placements alone their cohort digest shows; empty for a coordinator of every programme.
	 */
	default java.util.Set<String> programsOf(org.fieldnotes.people.PersonId person) {
		return java.util.Set.of();
	}
}
