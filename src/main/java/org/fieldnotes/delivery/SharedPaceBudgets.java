package org.fieldnotes.delivery;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each scope's pacing budget as one document in {@code outbox_pace}, shared by every instance over the store: the
 * next free slot ({@code next}, {@link Pacer.Ticker} nanoseconds, i.e. since the epoch) and the rate learned from
 * 429s. Every change is one atomic single-document update (no transactions): a slot is taken with one
 * {@code findAndModify} that moves {@code next} on by the taker's interval, so the slots of all instances together
 * are never closer than that; a learned rate replaces the old one only if its generation is unchanged
 * (compare-and-set). Only workspace ids are kept here, nothing about people.
 */
class SharedPaceBudgets implements PaceBudgets {

	static final String COLLECTION = "outbox_pace";

	private final MongoOperations mongo;

	SharedPaceBudgets(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public Slot take(String scope, long now, long intervalNanos) {
		while (true) {
			// busy: the next free slot is ahead; move it on by one interval and take the one before
			Document busy = mongo.findAndModify(Query.query(Criteria.where("_id").is(scope).and("next").gt(now)),
					new Update().inc("next", intervalNanos), FindAndModifyOptions.options().returnNew(true),
					Document.class, COLLECTION);
			if (busy != null) {
				return new Slot(busy.getLong("next") - intervalNanos, learned(busy));
			}
			// idle: the slot is now (should another taker have moved it ahead meanwhile, this matches nothing and
			// the busy case applies on the next round)
			Document idle = mongo.findAndModify(Query.query(Criteria.where("_id").is(scope).and("next").lte(now)),
					new Update().set("next", now + intervalNanos), FindAndModifyOptions.options().returnNew(true),
					Document.class, COLLECTION);
			if (idle != null) {
				return new Slot(now, learned(idle));
			}
			// neither: the scope has no document yet
			try {
				mongo.upsert(Query.query(Criteria.where("_id").is(scope)),
						new Update().setOnInsert("next", 0L)
							.setOnInsert("generation", 0L)
							.setOnInsert("rate", 0.0)
							.setOnInsert("learnedAt", 0L)
							.setOnInsert("accepted", 0L),
						COLLECTION);
			}
			catch (DuplicateKeyException createdMeanwhile) {
				// another instance created it first (a real MongoDB may say so for two upserts at once)
			}
		}
	}

	@Override
	public Learned learned(String scope) {
		return learned(mongo.findById(scope, Document.class, COLLECTION));
	}

	@Override
	public Learned learn(String scope, Learned expected, Learned next) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(scope).and("generation").is(expected.generation())),
				new Update().set("generation", next.generation())
					.set("rate", next.rate())
					.set("learnedAt", next.at())
					.set("accepted", next.accepted()),
				COLLECTION);
		return learned(scope);
	}

	@Override
	public void accepted(String scope, long generation) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(scope).and("generation").is(generation)),
				new Update().inc("accepted", 1L), COLLECTION);
	}

	private static Learned learned(Document budget) {
		if (budget == null) {
			return Learned.NOTHING;
		}
		return new Learned(number(budget, "generation"), budget.get("rate") instanceof Number rate ? rate.doubleValue()
				: 0, number(budget, "learnedAt"), number(budget, "accepted"));
	}

	private static long number(Document budget, String field) {
		return budget.get(field) instanceof Number n ? n.longValue() : 0;
	}
}
