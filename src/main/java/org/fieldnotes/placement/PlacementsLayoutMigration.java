package org.fieldnotes.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.personaldata.LegacyLayoutMigration;
import org.fieldnotes.personaldata.LegacyPeople;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Placements and preferences from before people had ids: each person record a placement embedded (participant,
 * manager, coaches) becomes a reference to a person (found by their account or, without one, their address; made
 * when new; placements are taken oldest first, so a person's details end as their latest placement gave them, as an
 * enrolment does now), and preferences keyed by member id are keyed by person id. The indexes on the embedded
 * records' member ids are dropped (a real MongoDB kept them).
 */
@Component
class PlacementsLayoutMigration implements LegacyLayoutMigration {

	private static final List<String> ROLES = List.of("participant", "manager", "academicCoach", "businessCoach");
	/** The indexes the old layout declared on the embedded records. */
	private static final List<String> OLD_INDEXES = List.of("participant", "manager", "academic_coach", "business_coach");

	private final MongoTemplate mongo;

	PlacementsLayoutMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return PLACEMENTS;
	}

	@Override
	public String name() {
		return "placements";
	}

	@Override
	public long migrate(LegacyPeople people) {
		return placements(people) + preferences(people) + dropOldIndexes();
	}

	private long placements(LegacyPeople people) {
		String collection = mongo.getCollectionName(Placement.class);
		List<Criteria> embedded = new ArrayList<>();
		ROLES.forEach(role -> embedded.add(embedded(role)));
		Query old = Query.query(new Criteria().orOperator(embedded.toArray(new Criteria[0])))
			.with(Sort.by("createdAt"));
		long changed = 0;
		for (Document placement : mongo.find(old, Document.class, collection)) {
			Update update = new Update();
			List<Criteria> stillEmbedded = new ArrayList<>();
			for (String role : ROLES) {
				if (placement.get(role) instanceof Document record) {
					Optional<String> person = people.personFor(record);
					if (person.isPresent()) {
						update.set(role, person.get());
					}
					else {
						update.unset(role);
					}
					stillEmbedded.add(embedded(role));
				}
			}
			Query one = Query.query(new Criteria().andOperator(Criteria.where("_id").is(placement.get("_id")),
					new Criteria().orOperator(stillEmbedded.toArray(new Criteria[0]))));
			changed += mongo.updateFirst(one, update.inc("version", 1), collection).getModifiedCount();
		}
		return changed;
	}

	/** The role holds a person record (the old layout) rather than a person id. */
	private static Criteria embedded(String role) {
		return new Criteria().orOperator(Criteria.where(role + ".name").exists(true),
				Criteria.where(role + ".slackUserId").exists(true), Criteria.where(role + ".email").exists(true));
	}

	/** Preferences keyed by a member id: the same document under the person's id. */
	private long preferences(LegacyPeople people) {
		String collection = mongo.getCollectionName(PersonPreferences.class);
		long changed = 0;
		for (Document preferences : mongo.findAll(Document.class, collection)) {
			String key = String.valueOf(preferences.get("_id"));
			if (people.isPersonId(key)) {
				continue;
			}
			Optional<String> person = people.personFor(key, true);
			if (person.isEmpty()) {
				continue;
			}
			rekey(preferences, person.get(), collection);
			changed++;
		}
		return changed;
	}

	/** Stores the document under its new key (unless one is there already: a run cut short), then drops the old. */
	private void rekey(Document document, String newKey, String collection) {
		Object oldKey = document.get("_id");
		Document moved = new Document(document);
		moved.put("_id", newKey);
		if (!mongo.exists(Query.query(Criteria.where("_id").is(newKey)), collection)) {
			mongo.insert(moved, collection);
		}
		mongo.remove(Query.query(Criteria.where("_id").is(oldKey)), collection);
	}

	private long dropOldIndexes() {
		String collection = mongo.getCollectionName(Placement.class);
		long dropped = 0;
		for (IndexInfo index : mongo.indexOps(collection).getIndexInfo()) {
			if (OLD_INDEXES.contains(index.getName())
					&& index.getIndexFields().stream().anyMatch(f -> f.getKey().endsWith(".slackUserId"))) {
				mongo.indexOps(collection).dropIndex(index.getName());
				dropped++;
			}
		}
		return dropped;
	}
}
