package org.fieldnotes.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Placements' and preferences' part of export and erasure, and where a person is recognised: every person record
 * in a placement that is them (by member id or address) adds its member id, address and name, and the placements
 * they take part in as participant are theirs, with everything in them.
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
	/** The fields of a placement that hold a person. */
	private static final List<String> ROLE_FIELDS = List.of("participant", "manager", "academicCoach", "businessCoach");

	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;

	PlacementPersonalData(MongoTemplate mongo, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.events = events;
	}

	@Override
	public int order() {
		return PersonalData.PLACEMENTS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(Placement.class, PersonPreferences.class);
	}

	/**
	 * Every person record that is them adds its address and name; their placements as participant are theirs. An
	 * address leads to a member id only when it is unambiguous: when one member id, and only one, has it in any
	 * placement (an address two members share leads to neither).
	 */
	@Override
	public DataSubject identify(DataSubject subject) {
		Set<String> memberIds = new LinkedHashSet<>();
		Set<String> emails = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		Set<String> own = new LinkedHashSet<>();
		Map<String, Set<String>> membersByAddress = new LinkedHashMap<>();
		for (Placement placement : mongo.find(Query.query(anyRoleHas(subject)), Placement.class)) {
			List<Person> people = new ArrayList<>(placement.followers().values());
			people.add(placement.getParticipant());
			for (Person person : people) {
				if (isThem(person, subject)) {
					if (person.hasSlack()) {
						memberIds.add(person.slackUserId());
					}
					emails.add(person.email());
					names.add(person.name());
					if (person == placement.getParticipant()) {
						own.add(placement.getId());
					}
				}
				else if (person != null && person.hasSlack() && hasTheirAddress(person, subject)) {
					membersByAddress.computeIfAbsent(address(person), a -> new LinkedHashSet<>()).add(person.slackUserId());
				}
			}
		}
		if (subject.memberIds().isEmpty() && memberIds.isEmpty()) {
			Set<String> candidates = new LinkedHashSet<>();
			membersByAddress.values().forEach(candidates::addAll);
			if (candidates.size() == 1) {
				memberIds.addAll(candidates);
			}
		}
		return subject.with(memberIds, emails, names, own);
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
		counts.put(PLACEMENTS, placements);
		return counts;
	}

	/** Their part of the placements they follow: the role, their person record, and the placement's frame. */
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
				item.put("person", placement.get(field));
				followed.add(item);
			}
		}
		return followed;
	}

	private static Query own(DataSubject subject) {
		return Query.query(Criteria.where("_id").in(subject.ownPlacementIds()));
	}

	private static Query followedAs(String field, DataSubject subject) {
		return Query.query(subject.isPersonRecord(field));
	}

	private static Query preferences(DataSubject subject) {
		return Query.query(subject.isPerson("_id"));
	}

	/** Placements where any person record has one of their member ids or addresses. */
	private static Criteria anyRoleHas(DataSubject subject) {
		List<Criteria> any = new ArrayList<>();
		for (String field : ROLE_FIELDS) {
			if (!subject.memberIds().isEmpty()) {
				any.add(Criteria.where(field + ".slackUserId").in(subject.memberIds()));
			}
			any.add(subject.isAddress(field + ".email"));
		}
		return new Criteria().orOperator(any.toArray(new Criteria[0]));
	}

	/** The same test as {@link DataSubject#isPersonRecord}: their member id, or their address without a member id. */
	private static boolean isThem(Person person, DataSubject subject) {
		if (person == null) {
			return false;
		}
		return person.hasSlack() ? subject.memberIds().contains(person.slackUserId()) : hasTheirAddress(person, subject);
	}

	private static boolean hasTheirAddress(Person person, DataSubject subject) {
		return person.email() != null && subject.emails().contains(address(person));
	}

	private static String address(Person person) {
		return person.email().strip().toLowerCase(Locale.ROOT);
	}

	private String collection(Class<?> type) {
		return mongo.getCollectionName(type);
	}
}
