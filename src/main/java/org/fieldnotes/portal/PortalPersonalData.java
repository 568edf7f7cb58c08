package org.fieldnotes.portal;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The portal's part of export and erasure: the sign-in links mailed to a person in the last hour
 * ({@link SignInLink}: when each was asked for, expires and was used; never the token). Erasing deletes them, which
 * also ends their use; nothing of a placement is kept here, so the retention sweep has nothing to do.
 */
@Component
class PortalPersonalData implements PersonalData {

	private final MongoTemplate mongo;

	PortalPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return RECORDS + 50;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(SignInLink.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(SignInLink.COLLECTION, mongo.find(theirs(subject), Document.class, SignInLink.COLLECTION)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(SignInLink.COLLECTION, mongo.count(theirs(subject), SignInLink.class));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(SignInLink.COLLECTION, mongo.remove(theirs(subject), SignInLink.class).getDeletedCount());
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(subject.isPerson("personId"));
	}
}
