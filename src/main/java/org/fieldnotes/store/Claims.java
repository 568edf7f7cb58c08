package org.fieldnotes.store;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Idempotency in the database: a document whose unique index encodes "this has happened" (a prompt sent for a due
 * date, a digest for a week, a message stored) is inserted once. The insert is atomic on any MongoDB, so exactly one
 * of several senders, retries or instances wins; the others learn that someone already did it.
 */
public final class Claims {

	private Claims() {
	}

	/** Inserts the document, or returns empty when a document with the same unique key already exists. */
	public static <T> Optional<T> insertOnce(MongoOperations mongo, T document) {
		try {
			return Optional.of(mongo.insert(document));
		}
		catch (DuplicateKeyException alreadyClaimed) {
			return Optional.empty();
		}
	}
}
