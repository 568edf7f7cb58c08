package org.fieldnotes.digest;

import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.personaldata.LegacyLayoutMigration;
import org.fieldnotes.personaldata.LegacyPeople;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Digest settings and digest records from before people had ids: keyed by member id, {@code email:<address>} or
 * {@code admin:<member id>}, they are keyed by person id ({@code admin:<person id>} for the cohort digest); the channel
 * {@code SLACK} is {@code CHAT}.
 */
@Component
class DigestLayoutMigration implements LegacyLayoutMigration {

	/** The chat channel's name before people could have other platforms. */
	static final String OLD_CHAT = "SLACK";

	private final MongoTemplate mongo;

	DigestLayoutMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return KEYS;
	}

	@Override
	public String name() {
		return "digests";
	}

	@Override
	public long migrate(LegacyPeople people) {
		return settings(people) + channels() + records(people);
	}

	private long settings(LegacyPeople people) {
		String collection = mongo.getCollectionName(DigestPreference.class);
		long changed = 0;
		for (Document settings : mongo.findAll(Document.class, collection)) {
			String key = String.valueOf(settings.get("_id"));
			Optional<String> newKey = newKey(key, people);
			if (newKey.isEmpty()) {
				continue;
			}
			Document moved = new Document(settings);
			moved.put("_id", newKey.get());
			if (!mongo.exists(Query.query(Criteria.where("_id").is(newKey.get())), collection)) {
				mongo.insert(moved, collection);
			}
			mongo.remove(Query.query(Criteria.where("_id").is(key)), collection);
			changed++;
		}
		return changed;
	}

	private long channels() {
		String collection = mongo.getCollectionName(DigestPreference.class);
		return mongo.updateMulti(Query.query(Criteria.where("channel").is(OLD_CHAT)),
				new Update().set("channel", DigestChannel.CHAT.name()), collection).getModifiedCount()
				+ mongo.updateMulti(Query.query(Criteria.where("pendingChannel").is(OLD_CHAT)),
						new Update().set("pendingChannel", DigestChannel.CHAT.name()), collection).getModifiedCount();
	}

	private long records(LegacyPeople people) {
		String collection = mongo.getCollectionName(DigestRecord.class);
		long changed = 0;
		Query keys = new Query();
		keys.fields().include("recipientKey");
		for (Document record : mongo.find(keys, Document.class, collection)) {
			String key = record.getString("recipientKey");
			Optional<String> newKey = newKey(key, people);
			if (newKey.isPresent()) {
				changed += mongo.updateFirst(
						Query.query(Criteria.where("_id").is(record.get("_id")).and("recipientKey").is(key)),
						new Update().set("recipientKey", newKey.get()), collection).getModifiedCount();
			}
		}
		return changed;
	}

	/** The key as it is now, when {@code key} is in the old layout; empty when it is current (or nobody's). */
	private static Optional<String> newKey(String key, LegacyPeople people) {
		if (key == null) {
			return Optional.empty();
		}
		if (Coordinator.isKey(key)) {
			String member = key.substring(Coordinator.PREFIX.length());
			return people.isPersonId(member) ? Optional.empty()
					: people.personFor(member, true).map(id -> Coordinator.PREFIX + id);
		}
		return people.isPersonId(key) ? Optional.empty() : people.personFor(key, true);
	}
}
