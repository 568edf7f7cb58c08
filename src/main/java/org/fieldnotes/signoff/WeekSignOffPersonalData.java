package org.fieldnotes.signoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code week_signoffs} collection. A week's sign-off is about the participant: exported to them, erased with
 * them and purged with their placement. The manager who signed it off is named in it (their person id) and wrote its
 * comment: their export holds the sign-offs they gave; their erasure replaces their id by the pseudonym and removes
 * their comment, and the rating stays with the participant's placement.
 */
@Component
class WeekSignOffPersonalData implements PersonalData {

	static final String SIGNOFFS = WeekSignOff.COLLECTION;
	static final String SIGNED_BY = "week_signoffs_signed_by";

	private final MongoTemplate mongo;

	WeekSignOffPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return WRITINGS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(WeekSignOff.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(new Section(SIGNOFFS, mongo.find(Query.query(about(subject)), org.bson.Document.class, SIGNOFFS),
				Map.of()), new Section(SIGNED_BY, mongo.find(Query.query(signedBy(subject)), org.bson.Document.class,
						SIGNOFFS), Map.of()));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(SIGNOFFS, mongo.count(Query.query(about(subject)), SIGNOFFS));
		counts.put(SIGNED_BY, mongo.count(Query.query(signedBy(subject)), SIGNOFFS));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(SIGNOFFS, mongo.remove(Query.query(about(subject)), SIGNOFFS).getDeletedCount());
		counts.put(SIGNED_BY, mongo.updateMulti(Query.query(signedBy(subject)),
				new Update().set("by", pseudonym).unset("comment"), SIGNOFFS).getModifiedCount());
		return counts;
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		return Map.of(SIGNOFFS, mongo.remove(Query.query(Criteria.where("placementId").is(placementId)), SIGNOFFS)
			.getDeletedCount());
	}

	@Override
	public List<String> purged() {
		return List.of(SIGNOFFS);
	}

	/** Sign-offs of the subject's own weeks: as the participant, or of a placement of theirs. */
	private static Criteria about(DataSubject subject) {
		return new Criteria().orOperator(Criteria.where("participantId").in(subject.personIds()),
				Criteria.where("placementId").in(subject.ownPlacementIds()));
	}

	/** Sign-offs the subject gave as a manager (of someone else's weeks). */
	private static Criteria signedBy(DataSubject subject) {
		return new Criteria().andOperator(Criteria.where("by").in(subject.personIds()),
				Criteria.where("participantId").nin(subject.personIds()),
				Criteria.where("placementId").nin(subject.ownPlacementIds()));
	}
}
