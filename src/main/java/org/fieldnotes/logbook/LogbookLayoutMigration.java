package org.fieldnotes.logbook;

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
 * Entries, status updates and responses from before people had ids: their authors and responders (a member id, or
 * {@code email:<address>} for a responder by e-mail link) are named by person id. A response's natural key names its
 * responder too ({@code ack:<entry>:<responder>}), so it is renamed with them: an acknowledgement made before still
 * counts once.
 */
@Component
class LogbookLayoutMigration implements LegacyLayoutMigration {

	private final MongoTemplate mongo;

	LogbookLayoutMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return KEYS;
	}

	@Override
	public String name() {
		return "logbook";
	}

	@Override
	public long migrate(LegacyPeople people) {
		return authors(mongo.getCollectionName(LogbookEntry.class), people)
				+ authors(mongo.getCollectionName(StatusUpdate.class), people) + responders(people);
	}

	private long authors(String collection, LegacyPeople people) {
		Query fields = new Query();
		fields.fields().include("authorId");
		long changed = 0;
		for (Document item : mongo.find(fields, Document.class, collection)) {
			String author = item.getString("authorId");
			if (author == null || people.isPersonId(author)) {
				continue;
			}
			Optional<String> person = people.personFor(author, true);
			if (person.isPresent()) {
				changed += mongo.updateFirst(
						Query.query(Criteria.where("_id").is(item.get("_id")).and("authorId").is(author)),
						new Update().set("authorId", person.get()), collection).getModifiedCount();
			}
		}
		return changed;
	}

	private long responders(LegacyPeople people) {
		String collection = mongo.getCollectionName(EntryResponse.class);
		Query fields = new Query();
		fields.fields().include("responderKey").include("naturalKey").include("entryId");
		long changed = 0;
		for (Document response : mongo.find(fields, Document.class, collection)) {
			String responder = response.getString("responderKey");
			if (responder == null || people.isPersonId(responder)) {
				continue;
			}
			Optional<String> person = people.personFor(responder, true);
			if (person.isEmpty()) {
				continue;
			}
			Update update = new Update().set("responderKey", person.get());
			String naturalKey = response.getString("naturalKey");
			String named = ":" + response.getString("entryId") + ":" + responder;
			if (naturalKey != null && naturalKey.contains(named)) {
				update.set("naturalKey", naturalKey.replace(named, ":" + response.getString("entryId") + ":"
						+ person.get()));
			}
			changed += mongo.updateFirst(
					Query.query(Criteria.where("_id").is(response.get("_id")).and("responderKey").is(responder)),
					update, collection).getModifiedCount();
		}
		return changed;
	}
}
