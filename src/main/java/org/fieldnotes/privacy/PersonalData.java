package org.fieldnotes.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where a person's data lives: for every collection, the query that finds the documents about them. Export and
 * erasure both ask this one catalogue, on the stored documents themselves (not the feature modules' views of them,
 * which filter by reader), so that "everything stored" means every field, including ones added later.
 * {@code PersonalDataCatalogueTests} fails when a new {@code @Document} collection is in neither list below.
 */
@Component
class PersonalData {

	static final String PLACEMENTS = "placements";
	static final String ENTRIES = "logbook_entries";
	static final String STATUS_UPDATES = "status_updates";
	static final String RESPONSES = "entry_responses";
	static final String OCCURRENCES = "prompt_occurrences";
	static final String NOTICES = "placement_notices";
	static final String PREFERENCES = "person_preferences";
	static final String DIGEST_PREFERENCES = "digest_preferences";
	static final String DIGESTS = "digests";
	static final String AUDIT = "audit";
	static final String ADMINS = "admins";
	/** What the retention sweep kept of a placement whose logbook it deleted: counts and dates, keyed by placement. */
	static final String RETENTION_RECORDS = "retention_records";
	/** Messages to the person waiting to be sent, and the record (no body) of those sent or given up. */
	static final String OUTBOX = "outbox";

	/** Every collection that can hold something about a person. */
	static final List<String> COLLECTIONS = List.of(PLACEMENTS, ENTRIES, STATUS_UPDATES, RESPONSES, OCCURRENCES,
			NOTICES, RETENTION_RECORDS, PREFERENCES, DIGEST_PREFERENCES, DIGESTS, OUTBOX, AUDIT, ADMINS);
	/**
	 * Collections that hold nothing about any one person: a programme's default visibility, the retention sweep's
	 * daily claims, API tokens (a name and a hash, owned by the installation).
	 */
	static final Set<String> NO_PERSONAL_DATA = Set.of("programs", "retention_sweeps", "api_tokens",
			"outbox_pauses");
	/** The fields of a placement that name a follower. */
	static final List<String> FOLLOWER_ROLES = List.of("manager", "academicCoach", "businessCoach");

	private final MongoTemplate mongo;

	PersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The placements the person is the participant of: everything in them is theirs. */
	Query ownPlacements(DataSubject subject) {
		return new Query(person("participant", subject));
	}

	List<String> ownPlacementIds(DataSubject subject) {
		return find(PLACEMENTS, ownPlacements(subject)).stream().map(d -> d.getString("_id")).toList();
	}

	/** Placements the person follows in the given role ({@link #FOLLOWER_ROLES}). */
	Query followed(DataSubject subject, String role) {
		return new Query(person(role, subject));
	}

	/** Entries or status updates they wrote, or that belong to their own placements. */
	Query authoredOrIn(DataSubject subject, List<String> placementIds) {
		return new Query(new Criteria().orOperator(Criteria.where("authorId").is(subject.key()),
				Criteria.where("placementId").in(placementIds)));
	}

	/** Acknowledgements and replies they wrote, or that answer entries of their own placements. */
	Query responses(DataSubject subject, List<String> placementIds) {
		return new Query(new Criteria().orOperator(Criteria.where("responderKey").is(subject.key()),
				Criteria.where("placementId").in(placementIds)));
	}

	Query ofPlacements(List<String> placementIds) {
		return new Query(Criteria.where("placementId").in(placementIds));
	}

	Query keyed(DataSubject subject) {
		return new Query(Criteria.where("_id").is(subject.key()));
	}

	Query digests(DataSubject subject) {
		return new Query(Criteria.where("recipientKey").is(subject.key()));
	}

	/** Audit records they did ({@code actor}) or that were about them ({@code person}). */
	Query audit(DataSubject subject) {
		return new Query(new Criteria().orOperator(auditField("actor", subject), auditField("person", subject)));
	}

	Criteria auditField(String field, DataSubject subject) {
		if (subject.hasSlack()) {
			return Criteria.where(field).is(subject.slackUserId());
		}
		return Criteria.where(field)
			.regex("^(" + Pattern.quote(DataSubject.EMAIL_PREFIX) + ")?" + Pattern.quote(subject.email()) + "$", "i");
	}

	/** Outbound messages addressed to the person: to their member id, or by e-mail ({@code email:<address>}). */
	Query outbox(DataSubject subject) {
		List<Criteria> to = new ArrayList<>();
		if (subject.hasSlack()) {
			to.add(Criteria.where("recipient").is(subject.slackUserId()));
		}
		if (subject.email() != null && !subject.email().isBlank()) {
			to.add(Criteria.where("recipient").regex("^email:" + Pattern.quote(subject.email()) + "$", "i"));
		}
		return new Query(to.isEmpty() ? Criteria.where("_id").exists(false)
				: new Criteria().orOperator(to.toArray(new Criteria[0])));
	}

	/** Stored admins: the person as an admin ({@code _id}), or as the one who added an admin. */
	Query admins(DataSubject subject) {
		return new Query(new Criteria().orOperator(Criteria.where("_id").is(subject.key()),
				Criteria.where("addedBy").is(subject.key())));
	}

	List<Document> find(String collection, Query query) {
		return new ArrayList<>(mongo.find(query, Document.class, collection));
	}

	long count(String collection, Query query) {
		return mongo.count(query, collection);
	}

	/** Everything about the person, collection by collection, as stored (placements they follow excluded). */
	Map<String, Query> queries(DataSubject subject) {
		List<String> own = ownPlacementIds(subject);
		Map<String, Query> queries = new java.util.LinkedHashMap<>();
		queries.put(PLACEMENTS, ownPlacements(subject));
		queries.put(ENTRIES, authoredOrIn(subject, own));
		queries.put(STATUS_UPDATES, authoredOrIn(subject, own));
		queries.put(RESPONSES, responses(subject, own));
		queries.put(OCCURRENCES, ofPlacements(own));
		queries.put(NOTICES, ofPlacements(own));
		queries.put(RETENTION_RECORDS, new Query(Criteria.where("_id").in(own)));
		queries.put(PREFERENCES, keyed(subject));
		queries.put(DIGEST_PREFERENCES, keyed(subject));
		queries.put(DIGESTS, digests(subject));
		queries.put(OUTBOX, outbox(subject));
		queries.put(AUDIT, audit(subject));
		queries.put(ADMINS, admins(subject));
		return queries;
	}

	/** The person in a placement's {@code field} (participant or a follower role), by member id or address. */
	private static Criteria person(String field, DataSubject subject) {
		if (subject.hasSlack()) {
			return Criteria.where(field + ".slackUserId").is(subject.slackUserId());
		}
		return Criteria.where(field + ".email").regex("^" + Pattern.quote(subject.email()) + "$", "i");
	}
}
