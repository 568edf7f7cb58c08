package org.fieldnotes.admin;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin added with {@code /fieldnotes admin add}; the person id is the key, so adding twice stores one.
 *
 * @param personId the admin
 * @param addedBy the person id of the admin who added them
 * @param programs the programmes they coordinate, as {@link org.fieldnotes.placement.ProgramSettings#keyOf keys};
 * empty or {@literal null} (stored before programmes could be named) for every programme
 */
@Document("admins")
record StoredAdmin(@Id String personId, String addedBy, Instant addedAt, Set<String> programs) {

	@PersistenceCreator
	StoredAdmin {
	}

	/** The programmes they coordinate; empty for every programme. */
	Set<String> limitedTo() {
		return programs == null ? Set.of() : Set.copyOf(programs);
	}
}
