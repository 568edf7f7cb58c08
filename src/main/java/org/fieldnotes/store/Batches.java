package org.fieldnotes.store;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Deletes many documents in batches by id, so that no large result is held in memory and a run interrupted halfway
 * is finished by the next one (which deletes nothing more once all are gone).
 */
public final class Batches {

	/** How many documents one batch deletes. */
	public static final int SIZE = 500;

	private Batches() {
	}

	/** Deletes every document of {@code type} matching {@code criteria}; returns how many this call deleted. */
	public static long delete(MongoOperations mongo, Criteria criteria, Class<?> type) {
		String collection = mongo.getCollectionName(type);
		long deleted = 0;
		while (true) {
			Query batch = Query.query(criteria).limit(SIZE);
			batch.fields().include("_id");
			List<Object> ids = mongo.find(batch, Document.class, collection).stream().map(d -> d.get("_id")).toList();
			if (ids.isEmpty()) {
				return deleted;
			}
			long removed = mongo.remove(Query.query(Criteria.where("_id").in(ids)), collection).getDeletedCount();
			if (removed == 0) {
				// someone else (another instance) deleted this batch first; what is left is theirs to count
				return deleted;
			}
			deleted += removed;
		}
	}
}
