package org.fieldnotes.prompting;

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
 * Prompting's part of export, erasure and retention: the prompts of a participant's placements (one occurrence per
 * due prompt, with whether and when it was sent and answered) and the end-of-placement notices. They hold no words,
 * so every reader sees them alike. The retention sweep deletes a placement's prompts; its notice stays.
 */
@Component
class PromptingPersonalData implements PersonalData {

	static final String OCCURRENCES = "prompt_occurrences";
	static final String NOTICES = "placement_notices";

	private final MongoTemplate mongo;

	PromptingPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return SCHEDULES;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(PromptOccurrence.class, PlacementNotice.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(OCCURRENCES, find(subject, PromptOccurrence.class)),
				Section.of(NOTICES, find(subject, PlacementNotice.class)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(OCCURRENCES, mongo.count(theirs(subject), PromptOccurrence.class));
		counts.put(NOTICES, mongo.count(theirs(subject), PlacementNotice.class));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(OCCURRENCES, mongo.remove(theirs(subject), PromptOccurrence.class).getDeletedCount());
		counts.put(NOTICES, mongo.remove(theirs(subject), PlacementNotice.class).getDeletedCount());
		return counts;
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		return Map.of(OCCURRENCES,
				Batches.delete(mongo, Criteria.where("placementId").is(placementId), PromptOccurrence.class));
	}

	@Override
	public List<String> purged() {
		return List.of(OCCURRENCES);
	}

	/** Prompts and notices belong to a placement, and so to its participant. */
	private static Query theirs(DataSubject subject) {
		return Query.query(Criteria.where("placementId").in(subject.ownPlacementIds()));
	}

	private List<Document> find(DataSubject subject, Class<?> type) {
		return mongo.find(theirs(subject), Document.class, mongo.getCollectionName(type));
	}
}
