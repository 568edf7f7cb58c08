package org.fieldnotes.admin;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin added with {@code /fieldnotes admin add}; the person id is the key, so adding twice stores one.
 *
 * @param personId the admin
 * @param addedBy the person id of the admin who added them
 */
@Document("admins")
record StoredAdmin(@Id String personId, String addedBy, Instant addedAt) {

	@PersistenceCreator
	StoredAdmin {
	}
}
