package org.fieldnotes.hours;

import java.util.List;
import java.util.Map;

import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code hours} collection: the participant's own figures and notes. Exported to them (to an admin without the
 * notes), erased with them, purged with their placement.
 */
@Component
class HoursPersonalData implements PersonalData {

	static final String HOURS = HoursDay.COLLECTION;

	private final MongoTemplate mongo;

	HoursPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return WRITINGS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(HoursDay.class);
	}

	/** Every day with its figure; a day's note only to the participant (an admin's export counts the notes withheld). */
	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		List<org.bson.Document> days = mongo.find(Query.query(about(subject)), org.bson.Document.class, HOURS);
		if (reader == Reader.SUBJECT) {
			return List.of(Section.of(HOURS, days));
		}
		long notes = days.stream().filter(day -> day.remove("note") != null).count();
		return List.of(new Section(HOURS, days, notes == 0 ? Map.of() : Map.of("private", notes)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(HOURS, mongo.count(Query.query(about(subject)), HOURS));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(HOURS, mongo.remove(Query.query(about(subject)), HOURS).getDeletedCount());
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		return Map.of(HOURS, mongo.remove(Query.query(Criteria.where("placementId").is(placementId)), HOURS)
			.getDeletedCount());
	}

	@Override
	public List<String> purged() {
		return List.of(HOURS);
	}

	private static Criteria about(DataSubject subject) {
		return new Criteria().orOperator(Criteria.where("participantId").in(subject.personIds()),
				Criteria.where("placementId").in(subject.ownPlacementIds()));
	}
}
