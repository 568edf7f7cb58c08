package org.fieldnotes.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;

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

	/**
	 * {@link #insertOnce} for many documents in one write command (an unordered {@code insertMany}), so a store that
	 * commits and syncs each write before answering does so once for all of them: each document is inserted unless
	 * one with the same unique key already exists, independently of the others.
	 * @return the documents inserted, in the given order; those already claimed by someone else are left out
	 */
	public static <T> List<T> insertEach(MongoOperations mongo, Class<T> type, List<? extends T> documents) {
		if (documents.isEmpty()) {
			return List.of();
		}
		Set<Integer> alreadyClaimed = new HashSet<>();
		try {
			mongo.bulkOps(BulkMode.UNORDERED, type).insert(documents).execute();
		}
		catch (BulkOperationException e) {
			for (BulkWriteError error : e.getErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					// not a claim someone else holds: the store failed (the others may be in, as after a crash)
					throw e;
				}
				alreadyClaimed.add(error.getIndex());
			}
		}
		List<T> inserted = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			if (!alreadyClaimed.contains(i)) {
				inserted.add(documents.get(i));
			}
		}
		return inserted;
	}
}
