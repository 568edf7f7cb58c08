package org.fieldnotes.prompting;

import java.util.Collection;
import java.util.List;
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

	/** The placement's notices claimed to be sent whose delivery they do not show yet. */
	List<PlacementNotice> claimedUnsent(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId).and("status")
			.is(PlacementNotice.CLAIMED)), PlacementNotice.class);
	}

	/** {@link #claimedUnsent(String)} of many placements, in one query. */
	List<PlacementNotice> claimedUnsent(Collection<String> placementIds) {
		return mongo.find(Query.query(Criteria.where("placementId").in(placementIds).and("status")
			.is(PlacementNotice.CLAIMED)), PlacementNotice.class);
	}

	void markSent(String id) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", PlacementNotice.SENT),
				PlacementNotice.class);
	}

	void markFailed(String id) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", PlacementNotice.FAILED),
				PlacementNotice.class);
	}
}
