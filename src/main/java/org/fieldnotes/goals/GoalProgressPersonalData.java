package org.fieldnotes.goals;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.store.Batches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Goal progress's part of export, erasure and retention. The notes are the participant's own words: the subject
 * sees them all; an admin's export shows which goals moved and withholds the notes (counted), as it withholds entry
 * text. Erasure and the retention sweep delete the months.
 */
@Component
class GoalProgressPersonalData implements PersonalData {

	static final String COLLECTION = "goal_progress";

	private final MongoTemplate mongo;

	GoalProgressPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return WRITINGS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(GoalProgress.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		List<Document> months = mongo.find(theirs(subject), Document.class, COLLECTION);
		long withheld = 0;
		if (reader != Reader.SUBJECT) {
			for (Document month : months) {
				for (Object goal : month.getList("goals", Object.class, List.of())) {
					if (goal instanceof Document g && g.get("note") != null) {
						g.remove("note");
						withheld++;
					}
				}
			}
		}
		return List.of(new Section(COLLECTION, months, withheld == 0 ? Map.of() : Map.of("notes", withheld)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(COLLECTION, mongo.count(theirs(subject), COLLECTION));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(COLLECTION, mongo.remove(theirs(subject), COLLECTION).getDeletedCount());
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		return Map.of(COLLECTION, Batches.delete(mongo, Criteria.where("placementId").is(placementId), GoalProgress.class));
	}

	@Override
	public List<String> purged() {
		return List.of(COLLECTION);
	}

	/** Goal progress belongs to a placement, and so to its participant; also found by the participant's person id. */
	private static Query theirs(DataSubject subject) {
		return Query.query(new Criteria().orOperator(Criteria.where("placementId").in(subject.ownPlacementIds()),
				Criteria.where("personId").in(subject.personIds())));
	}
}
