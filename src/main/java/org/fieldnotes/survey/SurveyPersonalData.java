package org.fieldnotes.survey;

import java.util.LinkedHashMap;
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
 * Surveys' part of export, erasure and retention: the surveys sent to a participant's placements and their answers
 * (free text included). The answers are the participant's own words: the subject sees them all; an admin's export
 * shows the numbers and option ids, and withholds free text (counted), as the survey-answers export does unless a
 * survey shares it. Erasure and the retention sweep delete both.
 */
@Component
class SurveyPersonalData implements PersonalData {

	static final String SENDS = "survey_sends";
	static final String ANSWERS = "survey_answers";

	private final MongoTemplate mongo;

	SurveyPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return WRITINGS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(SurveySend.class, SurveyResponse.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		List<Document> answers = mongo.find(theirs(subject), Document.class, ANSWERS);
		long withheld = 0;
		if (reader != Reader.SUBJECT) {
			for (Document response : answers) {
				for (Object answer : response.getList("answers", Object.class, List.of())) {
					if (answer instanceof Document a && a.get("text") != null) {
						a.remove("text");
						withheld++;
					}
				}
			}
		}
		return List.of(Section.of(SENDS, mongo.find(theirs(subject), Document.class, SENDS)),
				new Section(ANSWERS, answers, withheld == 0 ? Map.of() : Map.of("free_text", withheld)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(SENDS, mongo.count(theirs(subject), SENDS));
		counts.put(ANSWERS, mongo.count(theirs(subject), ANSWERS));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(ANSWERS, mongo.remove(theirs(subject), ANSWERS).getDeletedCount());
		counts.put(SENDS, mongo.remove(theirs(subject), SENDS).getDeletedCount());
		return counts;
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(ANSWERS, Batches.delete(mongo, Criteria.where("placementId").is(placementId), SurveyResponse.class));
		counts.put(SENDS, Batches.delete(mongo, Criteria.where("placementId").is(placementId), SurveySend.class));
		return counts;
	}

	@Override
	public List<String> purged() {
		return List.of(ANSWERS, SENDS);
	}

	/** Surveys belong to a placement, and so to its participant; also found by the participant's person id. */
	private static Query theirs(DataSubject subject) {
		return Query.query(new Criteria().orOperator(Criteria.where("placementId").in(subject.ownPlacementIds()),
				Criteria.where("personId").in(subject.personIds())));
	}
}
