package org.fieldnotes.prompting;

import java.util.Optional;

import org.fieldnotes.store.Claims;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Stored one-off notes; inserting one is its claim. */
@Repository
class PlacementNotices {

	private final MongoTemplate mongo;

	PlacementNotices(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<PlacementNotice> claim(PlacementNotice notice) {
		return Claims.insertOnce(mongo, notice);
	}

	void markFailed(String id) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "FAILED"),
				PlacementNotice.class);
	}
}
