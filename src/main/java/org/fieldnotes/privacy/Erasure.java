package org.fieldnotes.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.placement.PlacementChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Erases a person: every document about them is deleted, and the audit trail keeps only a pseudonym.
 *
 * <ul>
 * <li>Their placements as participant go, with everything in them (entries, status updates, prompts, notices, the
 * replies to their entries), and their prompt triggers with them ({@link PlacementChanged}).</li>
 * <li>Other people's digest records stay (they say what was sent to whom) but lose the ids of the erased
 * placement, its entries and its prompts.</li>
 * <li>What they wrote elsewhere (entries, status updates, acknowledgements, replies), their preferences, digest
 * settings, the digests addressed to them and their stored-admin record go.</li>
 * <li>In a placement they only follow (manager or coach) their role is left empty (the field removed): the
 * participant's logbook is the participant's and survives. An empty role is what every reader already knows from
 * placements without a business coach: nobody gets that role's digest, nothing else changes. A pseudonymous person
 * in the role would look like someone to send digests to.</li>
 * <li>Audit records they did or that were about them keep everything but the person: {@code actor} and
 * {@code person} become {@code erased:<random UUID>}, a pseudonym recorded nowhere else, so nobody can tell whose
 * it was, yet one erasure's records still belong together. Then one {@code erase} record with the counts.</li>
 * </ul>
 *
 * There are no transactions, so the order is what makes it safe: the documents that lead to others (a placement
 * leads to its entries; an audit record names the person) are changed last, so a crash midway leaves everything
 * still findable, and running the erasure again finishes it. Running it on someone already erased changes nothing
 * and answers zeros (and records one more {@code erase} with zeros).
 */
@Service
public class Erasure {

	/** The count of follower roles removed from placements that stay. */
	public static final String ROLES_REMOVED = "placement_roles_removed";
	/** The count of audit records whose person became a pseudonym (they stay). */
	public static final String AUDIT_PSEUDONYMISED = "audit_pseudonymised";
	public static final String PSEUDONYM_PREFIX = "erased:";
	/** The counts' keys, in the order they are reported. */
	static final List<String> KEYS = List.of(PersonalData.PLACEMENTS, PersonalData.ENTRIES, PersonalData.STATUS_UPDATES,
			PersonalData.RESPONSES, PersonalData.OCCURRENCES, PersonalData.NOTICES, PersonalData.RETENTION_RECORDS,
			PersonalData.PREFERENCES,
			PersonalData.DIGEST_PREFERENCES, PersonalData.DIGESTS, PersonalData.OUTBOX, PersonalData.ADMINS, ROLES_REMOVED,
			AUDIT_PSEUDONYMISED);
	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	private final PersonalData data;
	private final MongoTemplate mongo;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	Erasure(PersonalData data, MongoTemplate mongo, AuditLog audit, ApplicationEventPublisher events) {
		this.data = data;
		this.mongo = mongo;
		this.audit = audit;
		this.events = events;
	}

	/** What {@link #erase} would do now, by collection (zeros included), changing nothing. */
	public Map<String, Long> preview(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		List<String> own = data.ownPlacementIds(subject);
		counts.put(PersonalData.PLACEMENTS, (long) own.size());
		counts.put(PersonalData.ENTRIES, data.count(PersonalData.ENTRIES, data.authoredOrIn(subject, own)));
		counts.put(PersonalData.STATUS_UPDATES, data.count(PersonalData.STATUS_UPDATES, data.authoredOrIn(subject, own)));
		counts.put(PersonalData.RESPONSES, data.count(PersonalData.RESPONSES, data.responses(subject, own)));
		counts.put(PersonalData.OCCURRENCES, data.count(PersonalData.OCCURRENCES, data.ofPlacements(own)));
		counts.put(PersonalData.NOTICES, data.count(PersonalData.NOTICES, data.ofPlacements(own)));
		counts.put(PersonalData.RETENTION_RECORDS,
				data.count(PersonalData.RETENTION_RECORDS, new Query(Criteria.where("_id").in(own))));
		counts.put(PersonalData.PREFERENCES, data.count(PersonalData.PREFERENCES, data.keyed(subject)));
		counts.put(PersonalData.DIGEST_PREFERENCES, data.count(PersonalData.DIGEST_PREFERENCES, data.keyed(subject)));
		counts.put(PersonalData.DIGESTS, data.count(PersonalData.DIGESTS, data.digests(subject)));
		counts.put(PersonalData.OUTBOX, data.count(PersonalData.OUTBOX, data.outbox(subject)));
		counts.put(PersonalData.ADMINS, data.count(PersonalData.ADMINS, data.keyed(subject)));
		long roles = 0;
		for (String role : PersonalData.FOLLOWER_ROLES) {
			roles += data.count(PersonalData.PLACEMENTS, data.followed(subject, role));
		}
		counts.put(ROLES_REMOVED, roles);
		counts.put(AUDIT_PSEUDONYMISED, data.count(PersonalData.AUDIT, data.audit(subject)));
		return counts;
	}

	/** Whether {@link #preview} finds anything at all. */
	public static boolean anything(Map<String, Long> counts) {
		return counts.values().stream().anyMatch(n -> n > 0);
	}

	/**
	 * Erases the person now (see the class comment for what and in which order).
	 * @param actor who asked: an admin's member id, or {@code api}
	 */
	public Erased erase(DataSubject subject, String actor) {
		Map<String, Long> counts = new LinkedHashMap<>();
		KEYS.forEach(key -> counts.put(key, 0L));
		// 1. their own placements, contents first, the placement itself last (it is how the contents are found)
		for (String placementId : data.ownPlacementIds(subject)) {
			List<String> one = List.of(placementId);
			// other people's digest records keep what was sent to them, without the ids of what is erased
			mongo.updateMulti(new Query(Criteria.where("placementIds").is(placementId)),
					new Update().pull("placementIds", placementId)
						.pullAll("entryIds", ids(PersonalData.ENTRIES, data.ofPlacements(one)))
						.pullAll("occurrenceIds", ids(PersonalData.OCCURRENCES, data.ofPlacements(one))),
					PersonalData.DIGESTS);
			add(counts, PersonalData.RESPONSES, delete(PersonalData.RESPONSES, data.ofPlacements(one)));
			add(counts, PersonalData.ENTRIES, delete(PersonalData.ENTRIES, data.ofPlacements(one)));
			add(counts, PersonalData.STATUS_UPDATES, delete(PersonalData.STATUS_UPDATES, data.ofPlacements(one)));
			add(counts, PersonalData.OCCURRENCES, delete(PersonalData.OCCURRENCES, data.ofPlacements(one)));
			add(counts, PersonalData.NOTICES, delete(PersonalData.NOTICES, data.ofPlacements(one)));
			add(counts, PersonalData.RETENTION_RECORDS,
					delete(PersonalData.RETENTION_RECORDS, new Query(Criteria.where("_id").is(placementId))));
			add(counts, PersonalData.PLACEMENTS,
					delete(PersonalData.PLACEMENTS, new Query(Criteria.where("_id").is(placementId))));
			events.publishEvent(new PlacementChanged(placementId));
		}
		// 2. what they wrote anywhere else, and what is keyed by them
		List<String> none = List.of();
		add(counts, PersonalData.ENTRIES, delete(PersonalData.ENTRIES, data.authoredOrIn(subject, none)));
		add(counts, PersonalData.STATUS_UPDATES, delete(PersonalData.STATUS_UPDATES, data.authoredOrIn(subject, none)));
		add(counts, PersonalData.RESPONSES, delete(PersonalData.RESPONSES, data.responses(subject, none)));
		add(counts, PersonalData.PREFERENCES, delete(PersonalData.PREFERENCES, data.keyed(subject)));
		add(counts, PersonalData.DIGEST_PREFERENCES, delete(PersonalData.DIGEST_PREFERENCES, data.keyed(subject)));
		add(counts, PersonalData.DIGESTS, delete(PersonalData.DIGESTS, data.digests(subject)));
		add(counts, PersonalData.OUTBOX, delete(PersonalData.OUTBOX, data.outbox(subject)));
		add(counts, PersonalData.ADMINS, delete(PersonalData.ADMINS, data.keyed(subject)));
		// 3. their roles in placements that stay
		Set<String> changed = new LinkedHashSet<>();
		long roles = 0;
		for (String role : PersonalData.FOLLOWER_ROLES) {
			Query followed = data.followed(subject, role);
			List<String> ids = data.find(PersonalData.PLACEMENTS, followed).stream().map(d -> d.getString("_id")).toList();
			roles += mongo.updateMulti(followed, new Update().unset(role).inc("version", 1), PersonalData.PLACEMENTS)
				.getModifiedCount();
			changed.addAll(ids);
		}
		counts.put(ROLES_REMOVED, roles);
		changed.forEach(id -> events.publishEvent(new PlacementChanged(id)));
		// 4. the audit trail and who-added-whom keep a pseudonym; last, because they are how the person is found
		String pseudonym = PSEUDONYM_PREFIX + UUID.randomUUID();
		long pseudonymised = data.count(PersonalData.AUDIT, data.audit(subject));
		for (String field : List.of("actor", "person")) {
			mongo.updateMulti(new Query(data.auditField(field, subject)), Update.update(field, pseudonym),
					PersonalData.AUDIT);
		}
		mongo.updateMulti(new Query(Criteria.where("addedBy").is(subject.key())), Update.update("addedBy", pseudonym),
				PersonalData.ADMINS);
		counts.put(AUDIT_PSEUDONYMISED, pseudonymised);
		audit.record(actor, "erase", null, pseudonym, AuditLog.DONE, summary(counts));
		log.info("Erased a person as {}: {}", pseudonym, summary(counts));
		return new Erased(counts, pseudonym);
	}

	private Object[] ids(String collection, Query query) {
		return data.find(collection, query).stream().map(d -> d.get("_id")).toArray();
	}

	private long delete(String collection, Query query) {
		return mongo.remove(query, Document.class, collection).getDeletedCount();
	}

	private static void add(Map<String, Long> counts, String key, long n) {
		counts.merge(key, n, Long::sum);
	}

	/** {@code placements=1 logbook_entries=4 …}: the counts that are not zero, for the audit record and the log. */
	static String summary(Map<String, Long> counts) {
		List<String> parts = new ArrayList<>();
		counts.forEach((k, v) -> {
			if (v > 0) {
				parts.add(k + "=" + v);
			}
		});
		return parts.isEmpty() ? "nothing" : parts.stream().collect(Collectors.joining(" "));
	}

	/**
	 * What an erasure did.
	 * @param counts documents deleted by collection, plus {@link #ROLES_REMOVED} and {@link #AUDIT_PSEUDONYMISED}
	 * @param pseudonym what the audit trail calls the person now
	 */
	public record Erased(Map<String, Long> counts, String pseudonym) {
	}
}
