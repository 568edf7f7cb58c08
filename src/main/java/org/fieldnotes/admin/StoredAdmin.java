package org.fieldnotes.admin;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin added with {@code /fieldnotes admin add}; the member id is the key, so adding twice stores one.
 */
@Document("admins")
record StoredAdmin(@Id String slackUserId, String addedBy, Instant addedAt) {

	@PersistenceCreator
	StoredAdmin {
	}
}
