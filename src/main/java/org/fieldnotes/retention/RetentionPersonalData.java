package org.fieldnotes.retention;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The retention records' part of export and erasure: what the sweep kept of a participant's placement (programme,
 * dates, counts) is theirs and goes with their placement.
 */
@Component
class RetentionPersonalData implements PersonalData {

	private final MongoTemplate mongo;

	RetentionPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return RETENTION;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(RetentionRecord.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(RetentionSweep.RECORDS, mongo.find(theirs(subject), Document.class, RetentionSweep.RECORDS)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(RetentionSweep.RECORDS, mongo.count(theirs(subject), RetentionRecord.class));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(RetentionSweep.RECORDS, mongo.remove(theirs(subject), RetentionRecord.class).getDeletedCount());
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(Criteria.where("_id").in(subject.ownPlacementIds()));
	}
}
