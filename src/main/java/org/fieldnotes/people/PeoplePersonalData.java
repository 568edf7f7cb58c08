package org.fieldnotes.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The person records' part of export and erasure, and where a person is recognised: the records that are theirs
 * (by id, by chat account, or by address for someone reached only by e-mail) add their ids, accounts, addresses and
 * names. An address leads to someone with a chat account only when it is unambiguous: when one such person, and
 * only one, has it (an address two people share leads to neither). Erased last: a person record is how everything
 * else about them is found.
 */
@Component
class PeoplePersonalData implements PersonalData {

	static final String PEOPLE = "people";

	private final MongoTemplate mongo;

	PeoplePersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return PersonalData.PEOPLE;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(Person.class);
	}

	@Override
	public DataSubject identify(DataSubject subject) {
		List<Person> theirs = new ArrayList<>(mongo.find(Query.query(recorded(subject)), Person.class));
		boolean chatPersonKnown = !subject.accountKeys().isEmpty() || theirs.stream().anyMatch(Person::hasChat);
		if (!chatPersonKnown && !subject.emails().isEmpty()) {
			List<Person> withAddress = mongo.find(Query.query(subject.isAddress("emails")), Person.class).stream()
				.filter(Person::hasChat)
				.toList();
			if (withAddress.size() == 1) {
				theirs.addAll(withAddress);
			}
		}
		List<String> ids = new ArrayList<>();
		List<String> accounts = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Person person : theirs) {
			ids.add(person.id().value());
			person.accounts().stream().map(ChatAccount::key).forEach(accounts::add);
			emails.addAll(person.emails());
			if (person.name() != null) {
				names.add(person.name());
			}
		}
		return subject.with(ids, accounts, emails, names, List.of());
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(PEOPLE, mongo.find(byId(subject), Document.class, collection())));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(PEOPLE, mongo.count(byId(subject), collection()));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(PEOPLE, mongo.remove(byId(subject), collection()).getDeletedCount());
		return counts;
	}

	/** Records that are theirs: by id, by one of their accounts, or by their address when it is all a record has. */
	private static Criteria recorded(DataSubject subject) {
		List<Criteria> any = new ArrayList<>();
		if (!subject.personIds().isEmpty()) {
			any.add(Criteria.where("_id").in(subject.personIds()));
		}
		List<String> keys = new ArrayList<>(subject.accountKeys());
		subject.emails().forEach(e -> keys.add(Person.addressKey(e)));
		if (!keys.isEmpty()) {
			any.add(Criteria.where("lookupKeys").in(keys));
		}
		return any.isEmpty() ? Criteria.where("_id").exists(false)
				: new Criteria().orOperator(any.toArray(new Criteria[0]));
	}

	private static Query byId(DataSubject subject) {
		return Query.query(subject.isPerson("_id"));
	}

	private String collection() {
		return mongo.getCollectionName(Person.class);
	}
}
