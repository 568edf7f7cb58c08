package org.fieldnotes.digest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The digest records' part of export and erasure. A person's records are those addressed to them (member id,
 * {@code email:<address>}, or {@code admin:<member id>} for a cohort digest). Other people's records stay (they
 * say what was sent to whom) but lose the ids of the erased person's placements, their entries and prompts; and
 * their digests still waiting in the outbox that cover one of those placements are named for withdrawal.
 */
@Component
class DigestRecordsPersonalData implements PersonalData {

	static final String DIGESTS = "digests";
	/** Far enough ahead to take every prompt of a placement. */
	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final MongoTemplate mongo;
	private final Logbook logbook;
	private final PromptHistory prompts;

	DigestRecordsPersonalData(MongoTemplate mongo, Logbook logbook, PromptHistory prompts) {
		this.mongo = mongo;
		this.logbook = logbook;
		this.prompts = prompts;
	}

	@Override
	public int order() {
		return RECORDS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(DigestRecord.class);
	}

	/** Others' digests not yet settled that cover one of their placements: to withdraw if still unsent. */
	@Override
	public DataSubject identify(DataSubject subject) {
		if (subject.ownPlacementIds().isEmpty()) {
			return subject;
		}
		Query covering = Query.query(Criteria.where("placementIds").in(subject.ownPlacementIds())
			.and("status").is(DigestStatus.CLAIMED));
		covering.fields().include("_id");
		return subject.quotedIn(mongo.find(covering, Document.class, collection()).stream()
			.map(d -> DigestOutbox.PREFIX + d.get("_id"))
			.toList());
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		// ids only, never words: the same for every reader
		return List.of(Section.of(DIGESTS, mongo.find(theirs(subject), Document.class, collection())));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(DIGESTS, mongo.count(theirs(subject), collection()));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		for (String placementId : subject.ownPlacementIds()) {
			Object[] entryIds = logbook.entries(placementId, true).stream().map(LogbookEntry::id).toArray();
			Object[] occurrenceIds = prompts.within(placementId, Instant.EPOCH, NEVER).stream()
				.map(PromptOccurrence::getId)
				.toArray();
			mongo.updateMulti(Query.query(Criteria.where("placementIds").is(placementId)),
					new Update().pull("placementIds", placementId)
						.pullAll("entryIds", entryIds)
						.pullAll("occurrenceIds", occurrenceIds),
					collection());
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(DIGESTS, mongo.remove(theirs(subject), collection()).getDeletedCount());
		return counts;
	}

	private Query theirs(DataSubject subject) {
		return Query.query(subject.isRecipient("recipientKey"));
	}

	private String collection() {
		return mongo.getCollectionName(DigestRecord.class);
	}
}
