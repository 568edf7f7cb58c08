package org.fieldnotes.audit;

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
 * Audit records from before people had ids: the member who acted is named by person id (they acted, so they are
 * someone); the person acted on too, when Fieldnotes knows them (someone named in a refused command and never known
 * keeps the id as it was typed, which erasure still finds). {@code api} and erasure pseudonyms stay as they are.
 */
@Component
class AuditLayoutMigration implements LegacyLayoutMigration {

	private final MongoTemplate mongo;

	AuditLayoutMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return KEYS;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public long migrate(LegacyPeople people) {
		String collection = mongo.getCollectionName(AuditRecord.class);
		Query fields = new Query();
		fields.fields().include("actor").include("person");
		long changed = 0;
		for (Document record : mongo.find(fields, Document.class, collection)) {
			Update update = new Update();
			Criteria unchanged = Criteria.where("_id").is(record.get("_id"));
			String actor = record.getString("actor");
			Optional<String> newActor = named(actor, people) ? people.personFor(actor, true) : Optional.empty();
			if (newActor.isPresent()) {
				update.set("actor", newActor.get());
				unchanged.and("actor").is(actor);
			}
			String person = record.getString("person");
			Optional<String> newPerson = named(person, people) ? people.personFor(person, false) : Optional.empty();
			if (newPerson.isPresent()) {
				update.set("person", newPerson.get());
				unchanged.and("person").is(person);
			}
			if (newActor.isPresent() || newPerson.isPresent()) {
				changed += mongo.updateFirst(Query.query(unchanged), update, collection).getModifiedCount();
			}
		}
		return changed;
	}

	/** Whether the value may name someone by an old key: not empty, not the API, not a pseudonym, not a person id. */
	private static boolean named(String value, LegacyPeople people) {
		return value != null && !value.isBlank() && !AuditRecord.API.equals(value) && !value.startsWith("erased:")
				&& !people.isPersonId(value);
	}
}
