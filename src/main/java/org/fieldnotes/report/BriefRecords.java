package org.fieldnotes.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code briefs} collection: when each placement's brief was generated. A placement's records are its
 * participant's (they say when their placement was discussed): exported to them and erased with them. Like the digest
 * records, they hold no words, so the retention sweep leaves them.
 */
@Component
class BriefRecords implements PersonalData {

	static final String BRIEFS = "briefs";

	private final MongoTemplate mongo;

	BriefRecords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void record(String placementId, String readerRole, LocalDate since, Instant at) {
		mongo.insert(new BriefRecord(UUID.randomUUID().toString(), placementId, readerRole, since, at));
	}

	/** The latest brief generated for the placement, if any. */
	Optional<BriefRecord> latest(String placementId) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("placementId").is(placementId))
			.with(Sort.by(Sort.Direction.DESC, "generatedAt")).limit(1), BriefRecord.class));
	}

	@Override
	public int order() {
		return RECORDS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(BriefRecord.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		// dates and roles only, never words: the same for every reader
		return List.of(Section.of(BRIEFS, mongo.find(theirs(subject), Document.class, BRIEFS)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(BRIEFS, mongo.count(theirs(subject), BRIEFS));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(BRIEFS, mongo.remove(theirs(subject), BRIEFS).getDeletedCount());
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(Criteria.where("placementId").in(subject.ownPlacementIds()));
	}
}
