package org.fieldnotes.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.fieldnotes.people.People;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Placements' and preferences' part of export and erasure: the placements they take part in as participant are
 * theirs, with everything in them (the people in a placement are stored by person id, so who they are is the
 * {@code people} module's to say).
 * <p>
 * Erasure deletes their preferences, empties the roles they hold in other people's placements (the field is
 * removed: the participant's logbook is the participant's, and an empty role is what a placement without a
 * business coach already looks like), then deletes their own placements: last of all, because a placement is how
 * everything in it is found. Each changed or deleted placement is announced ({@link PlacementChanged}), so its
 * schedules are rebuilt or removed.
 */
@Component
class PlacementPersonalData implements PersonalData {

	static final String PLACEMENTS = "placements";
	static final String FOLLOWED = "followed_placements";
	static final String PREFERENCES = "person_preferences";
	static final String ROLES_REMOVED = "placement_roles_removed";
	/** The fields of a placement that hold a follower. */
	private static final List<String> FOLLOWER_FIELDS = List.of("manager", "academicCoach", "businessCoach");

	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final People people;

	private final PlacementChangeLog changeLog;

	PlacementPersonalData(MongoTemplate mongo, ApplicationEventPublisher events, People people,
			PlacementChangeLog changeLog) {
		this.mongo = mongo;
		this.events = events;
		this.people = people;
		this.changeLog = changeLog;
	}

	@Override
	public int order() {
		return PersonalData.PLACEMENTS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(Placement.class, PersonPreferences.class);
	}

	/** Their placements as participant. */
	@Override
	public DataSubject identify(DataSubject subject) {
		if (subject.personIds().isEmpty()) {
			return subject;
		}
		List<String> own = new ArrayList<>();
		mongo.find(Query.query(subject.isPerson("participant")), Document.class, collection(Placement.class))
			.forEach(p -> own.add(String.valueOf(p.get("_id"))));
		return subject.withPlacements(own);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(
				Section.of(PLACEMENTS, mongo.find(own(subject), Document.class, collection(Placement.class))),
				Section.of(FOLLOWED, followed(subject)),
				Section.of(PREFERENCES, mongo.find(preferences(subject), Document.class,
						collection(PersonPreferences.class))));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(PLACEMENTS, mongo.count(own(subject), Placement.class));
		long roles = 0;
		for (String field : FOLLOWER_FIELDS) {
			roles += mongo.count(followedAs(field, subject), Placement.class);
		}
		counts.put(ROLES_REMOVED, roles);
		counts.put(PREFERENCES, mongo.count(preferences(subject), PersonPreferences.class));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(PREFERENCES, mongo.remove(preferences(subject), PersonPreferences.class).getDeletedCount());
		Set<String> changed = new LinkedHashSet<>();
		long roles = 0;
		for (String field : FOLLOWER_FIELDS) {
			Query followed = followedAs(field, subject);
			mongo.find(followed, Placement.class).forEach(p -> changed.add(p.getId()));
			roles += mongo.updateMulti(followed, new Update().unset(field).inc("version", 1), Placement.class)
				.getModifiedCount();
		}
		counts.put(ROLES_REMOVED, roles);
		changed.forEach(id -> events.publishEvent(new PlacementChanged(id)));
		long placements = 0;
		for (String placementId : subject.ownPlacementIds()) {
			placements += mongo.remove(Query.query(Criteria.where("_id").is(placementId)), Placement.class)
				.getDeletedCount();
			events.publishEvent(new PlacementChanged(placementId));
		}
		// the schedule change log named them for the other instances; their ids must not outlive them (a stale
		// trigger elsewhere cancels itself when it fires and finds no placement)
		changeLog.forget(subject.ownPlacementIds());
		counts.put(PLACEMENTS, placements);
		return counts;
	}

	/** Their part of the placements they follow: the role, who they are in it, and the placement's frame. */
	private List<Map<String, Object>> followed(DataSubject subject) {
		List<Map<String, Object>> followed = new ArrayList<>();
		for (String field : FOLLOWER_FIELDS) {
			for (Document placement : mongo.find(followedAs(field, subject), Document.class, collection(Placement.class))) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("placementId", placement.get("_id"));
				item.put("role", field);
				item.put("program", placement.get("program"));
				item.put("hostOrganisation", placement.get("hostOrganisation"));
				item.put("startDate", placement.get("startDate"));
				item.put("endDate", placement.get("endDate"));
				item.put("status", placement.get("status"));
				item.put("person", person(placement.get(field)));
				followed.add(item);
			}
		}
		return followed;
	}

	/** Their person record as the role refers to it: the id, and who it is (the people module's record). */
	private Map<String, Object> person(Object personId) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("personId", personId);
		if (personId instanceof String id) {
			people.find(new PersonId(id)).ifPresent(p -> {
				person.put("name", p.name());
				person.put("emails", p.emails());
				person.put("timezone", p.timezone());
				person.put("locale", p.locale());
			});
		}
		return person;
	}

	private static Query own(DataSubject subject) {
		return Query.query(Criteria.where("_id").in(subject.ownPlacementIds()));
	}

	private static Query followedAs(String field, DataSubject subject) {
		return Query.query(subject.isPerson(field));
	}

	private static Query preferences(DataSubject subject) {
		return Query.query(subject.isPerson("_id"));
	}

	private String collection(Class<?> type) {
		return mongo.getCollectionName(type);
	}
}
