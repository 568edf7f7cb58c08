package org.fieldnotes.logbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.store.Batches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The logbook's part of export, erasure and retention: entries, status updates, acknowledgements and replies, and
 * blocker items (which follow their status update's visibility).
 * A person's are those they wrote and everything in their own placements (a participant's logbook is theirs
 * whoever answered in it). The person gets all of it, whatever its visibility; an admin gets what an admin may
 * read ({@link Visibility#readableByAdmins()}): private and confidential items, and the replies to them, are
 * counted by visibility and never shown.
 */
@Component
class LogbookPersonalData implements PersonalData {

	static final String ENTRIES = "logbook_entries";
	static final String STATUS_UPDATES = "status_updates";
	static final String RESPONSES = "entry_responses";
	static final String BLOCKERS = "blockers";

	private final MongoTemplate mongo;

	LogbookPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return WRITINGS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(LogbookEntry.class, StatusUpdate.class, EntryResponse.class, Blocker.class);
	}

	/**
	 * Their replies in other people's placements: the notices telling those participants quote them. Their blockers:
	 * the escalations to their business coach and manager quote them.
	 */
	@Override
	public DataSubject identify(DataSubject subject) {
		Query replies = Query.query(new Criteria().andOperator(subject.isPerson("responderKey"),
				Criteria.where("placementId").nin(subject.ownPlacementIds())));
		replies.fields().include("_id");
		List<String> quoted = new ArrayList<>(mongo.find(replies, Document.class, collection(EntryResponse.class))
			.stream()
			.map(d -> ResponseNotices.PREFIX + d.get("_id"))
			.toList());
		Query blockers = written(subject, "authorId");
		blockers.fields().include("_id");
		for (Document blocker : mongo.find(blockers, Document.class, collection(Blocker.class))) {
			for (org.fieldnotes.placement.Role role : org.fieldnotes.placement.Role.values()) {
				quoted.add(BlockerEscalation.PREFIX + blocker.get("_id") + ":" + role.name());
			}
		}
		return subject.quotedIn(quoted);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		List<Document> entries = find(written(subject, "authorId"), LogbookEntry.class);
		List<Document> updates = find(written(subject, "authorId"), StatusUpdate.class);
		List<Document> responses = find(written(subject, "responderKey"), EntryResponse.class);
		List<Document> blockers = find(written(subject, "authorId"), Blocker.class);
		if (reader == Reader.SUBJECT) {
			return List.of(Section.of(ENTRIES, entries), Section.of(STATUS_UPDATES, updates),
					Section.of(RESPONSES, responses), Section.of(BLOCKERS, blockers));
		}
		return List.of(readable(ENTRIES, entries), readable(STATUS_UPDATES, updates), readableResponses(responses),
				readable(BLOCKERS, blockers));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(ENTRIES, mongo.count(written(subject, "authorId"), LogbookEntry.class));
		counts.put(STATUS_UPDATES, mongo.count(written(subject, "authorId"), StatusUpdate.class));
		counts.put(RESPONSES, mongo.count(written(subject, "responderKey"), EntryResponse.class));
		counts.put(BLOCKERS, mongo.count(written(subject, "authorId"), Blocker.class));
		return counts;
	}

	/** The replies first, then what they answer. */
	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		long responses = mongo.remove(written(subject, "responderKey"), EntryResponse.class).getDeletedCount();
		counts.put(ENTRIES, mongo.remove(written(subject, "authorId"), LogbookEntry.class).getDeletedCount());
		counts.put(STATUS_UPDATES, mongo.remove(written(subject, "authorId"), StatusUpdate.class).getDeletedCount());
		counts.put(RESPONSES, responses);
		counts.put(BLOCKERS, mongo.remove(written(subject, "authorId"), Blocker.class).getDeletedCount());
		return counts;
	}

	/** Replies first, then what they answer. */
	@Override
	public Map<String, Long> purge(String placementId) {
		Criteria in = Criteria.where("placementId").is(placementId);
		Map<String, Long> deleted = new LinkedHashMap<>();
		deleted.put(RESPONSES, Batches.delete(mongo, in, EntryResponse.class));
		deleted.put(ENTRIES, Batches.delete(mongo, in, LogbookEntry.class));
		deleted.put(STATUS_UPDATES, Batches.delete(mongo, in, StatusUpdate.class));
		deleted.put(BLOCKERS, Batches.delete(mongo, in, Blocker.class));
		return deleted;
	}

	@Override
	public List<String> purged() {
		return List.of(RESPONSES, ENTRIES, STATUS_UPDATES, BLOCKERS);
	}

	/** What they wrote ({@code authorField} is theirs), or anything in their own placements. */
	private static Query written(DataSubject subject, String authorField) {
		return Query.query(new Criteria().orOperator(subject.isPerson(authorField),
				Criteria.where("placementId").in(subject.ownPlacementIds())));
	}

	/** The items an admin may read; the others counted by visibility. */
	private static Section readable(String name, List<Document> items) {
		List<Document> shown = new ArrayList<>();
		Map<String, Long> withheld = new LinkedHashMap<>();
		for (Document item : items) {
			Visibility visibility = visibilityOf(item);
			if (visibility.readableByAdmins()) {
				shown.add(item);
			}
			else {
				withheld.merge(visibility.key(), 1L, Long::sum);
			}
		}
		return new Section(name, shown, withheld);
	}

	/** Replies and acknowledgements to entries an admin may read; the others counted by the entry's visibility. */
	private Section readableResponses(List<Document> responses) {
		Set<Object> entryIds = responses.stream().map(r -> r.get("entryId")).collect(Collectors.toSet());
		Map<Object, Visibility> entries = new LinkedHashMap<>();
		Query query = Query.query(Criteria.where("_id").in(entryIds));
		query.fields().include("_id").include("visibility");
		find(query, LogbookEntry.class).forEach(e -> entries.put(e.get("_id"), visibilityOf(e)));
		List<Document> shown = new ArrayList<>();
		Map<String, Long> withheld = new LinkedHashMap<>();
		for (Document response : responses) {
			// an answer to an entry that no longer exists reveals nothing more than itself
			Visibility visibility = entries.getOrDefault(response.get("entryId"), Visibility.DEFAULT);
			if (visibility.readableByAdmins()) {
				shown.add(response);
			}
			else {
				withheld.merge(visibility.key(), 1L, Long::sum);
			}
		}
		return new Section(RESPONSES, shown, withheld);
	}

	/** As stored; items stored before visibility existed count as the default. */
	private static Visibility visibilityOf(Document item) {
		Object stored = item.get("visibility");
		return stored == null ? Visibility.DEFAULT : Visibility.valueOf(stored.toString());
	}

	private List<Document> find(Query query, Class<?> type) {
		return mongo.find(query, Document.class, collection(type));
	}

	private String collection(Class<?> type) {
		return mongo.getCollectionName(type);
	}
}
