package org.fieldnotes.admin;

import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.personaldata.LegacyLayoutMigration;
import org.fieldnotes.personaldata.LegacyPeople;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stored admins from before people had ids: keyed by member id, they are keyed by person id, and so is who added them. */
@Component
class AdminLayoutMigration implements LegacyLayoutMigration {

	private final MongoTemplate mongo;

	AdminLayoutMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return KEYS;
	}

	@Override
	public String name() {
		return "admins";
	}

	@Override
	public long migrate(LegacyPeople people) {
		String collection = mongo.getCollectionName(StoredAdmin.class);
		long changed = 0;
		for (Document admin : mongo.findAll(Document.class, collection)) {
			String key = String.valueOf(admin.get("_id"));
			String addedBy = admin.getString("addedBy");
			Optional<String> newAddedBy = addedBy == null || people.isPersonId(addedBy) ? Optional.empty()
					: people.personFor(addedBy, true);
			if (!people.isPersonId(key)) {
				Optional<String> person = people.personFor(key, true);
				if (person.isEmpty()) {
					continue;
				}
				Document moved = new Document(admin);
				moved.put("_id", person.get());
				newAddedBy.ifPresent(id -> moved.put("addedBy", id));
				if (!mongo.exists(Query.query(Criteria.where("_id").is(person.get())), collection)) {
					mongo.insert(moved, collection);
				}
				mongo.remove(Query.query(Criteria.where("_id").is(key)), collection);
				changed++;
			}
			else if (newAddedBy.isPresent()) {
				changed += mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
						new Update().set("addedBy", newAddedBy.get()), collection).getModifiedCount();
			}
		}
		return changed;
	}
}
