package org.fieldnotes.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.People;
import org.fieldnotes.people.PersonId;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * People's own choices ({@link PersonPreferences}), by person id; every change is one atomic upsert of their
 * document. A change made from a chat account whose person is not known yet (someone not enrolled choosing a
 * language) records the person first, by that account.
 */
@Service
public class Preferences {

	private final MongoTemplate mongo;
	private final Clock clock;
	private final People people;

	Preferences(MongoTemplate mongo, Clock clock, People people) {
		this.mongo = mongo;
		this.clock = clock;
		this.people = people;
	}

	/** The person's preferences; all defaults when they never chose anything. */
	public PersonPreferences of(PersonId person) {
		if (person == null) {
			return PersonPreferences.none(null);
		}
		return Optional.ofNullable(mongo.findById(person.value(), PersonPreferences.class))
			.orElseGet(() -> PersonPreferences.none(person.value()));
	}

	/**
	 * The preferences of each of these people, read in one query (a digest run asks for thousands of recipients);
	 * all defaults for those who never chose anything.
	 */
	public Map<PersonId, PersonPreferences> of(Collection<PersonId> persons) {
		Map<PersonId, PersonPreferences> found = new HashMap<>();
		for (PersonId person : persons) {
			if (person != null) {
				found.put(person, PersonPreferences.none(person.value()));
			}
		}
		if (!found.isEmpty()) {
			mongo.find(Query.query(Criteria.where("_id").in(found.keySet().stream().map(PersonId::value).toList())),
					PersonPreferences.class)
				.forEach(stored -> found.put(new PersonId(stored.personId()), stored));
		}
		return found;
	}

	/** The preferences of the person with this chat account; all defaults when they are not known. */
	public PersonPreferences of(ChatAccount account) {
		return people.find(account).map(p -> of(p.id())).orElseGet(() -> PersonPreferences.none(null));
	}

	/** @param language {@code en} or {@code sv} */
	public PersonPreferences setLanguage(ChatAccount account, String language) {
		return upsert(account, new Update().set("language", language));
	}

	public PersonPreferences setRemindersOff(ChatAccount account, boolean off) {
		return upsert(account, new Update().set("remindersOff", off));
	}

	/** Away from {@code from} to {@code to}, inclusive, replacing any earlier absence. */
	public PersonPreferences setAway(ChatAccount account, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("An absence cannot end (" + to + ") before it starts (" + from + ")");
		}
		return upsert(account, new Update().set("awayFrom", from).set("awayTo", to));
	}

	/** Who may read the person's new entries and status updates, unless they choose otherwise for one. */
	public PersonPreferences setVisibility(ChatAccount account, Visibility visibility) {
		return upsert(account, new Update().set("visibility", visibility));
	}

	public PersonPreferences clearAway(ChatAccount account) {
		return upsert(account, new Update().unset("awayFrom").unset("awayTo"));
	}

	private PersonPreferences upsert(ChatAccount account, Update update) {
		return upsert(people.ensure(account).id(), update);
	}

	private PersonPreferences upsert(PersonId person, Update update) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(person.value())),
				update.set("updatedAt", clock.instant()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), PersonPreferences.class);
	}
}
