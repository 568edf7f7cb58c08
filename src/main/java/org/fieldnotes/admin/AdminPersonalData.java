package org.fieldnotes.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.digest.CoordinatorsChanged;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The admin module's part of export and erasure: a person's stored-admin record (erased: they stop being an admin,
 * unless {@code FIELDNOTES_ADMINS} names them), the admins they added, and the API tokens they created. Who added an
 * admin and who created a token stay on record as the erasure's pseudonym. Token hashes are never exported.
 */
@Component
class AdminPersonalData implements PersonalData {

	static final String ADMINS = "admins";
	static final String TOKENS = "api_tokens";
	static final String TOKENS_PSEUDONYMISED = "api_tokens_pseudonymised";

	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;

	AdminPersonalData(MongoTemplate mongo, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.events = events;
	}

	@Override
	public int order() {
		return ROLES;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(StoredAdmin.class, ApiToken.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		Query admins = Query.query(new Criteria().orOperator(subject.isPerson("_id"), subject.isPerson("addedBy")));
		Query tokens = createdBy(subject);
		tokens.fields().exclude("hash").exclude("activeName");
		return List.of(Section.of(ADMINS, mongo.find(admins, Document.class, mongo.getCollectionName(StoredAdmin.class))),
				Section.of(TOKENS, mongo.find(tokens, Document.class, mongo.getCollectionName(ApiToken.class))));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(ADMINS, mongo.count(admin(subject), StoredAdmin.class));
		counts.put(TOKENS_PSEUDONYMISED, mongo.count(createdBy(subject), ApiToken.class));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		long removed = mongo.remove(admin(subject), StoredAdmin.class).getDeletedCount();
		if (removed > 0) {
			events.publishEvent(new CoordinatorsChanged()); // no more cohort digests for them
		}
		counts.put(ADMINS, removed);
		mongo.updateMulti(Query.query(subject.isPerson("addedBy")), Update.update("addedBy", pseudonym),
				StoredAdmin.class);
		counts.put(TOKENS_PSEUDONYMISED, mongo.updateMulti(createdBy(subject), Update.update("createdBy", pseudonym),
				ApiToken.class).getModifiedCount());
		return counts;
	}

	private static Query admin(DataSubject subject) {
		return Query.query(subject.isPerson("_id"));
	}

	private static Query createdBy(DataSubject subject) {
		return Query.query(subject.isPerson("createdBy"));
	}
}
