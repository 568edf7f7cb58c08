package org.fieldnotes.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * People's own choices ({@link PersonPreferences}); every change is one atomic upsert of their document.
 */
@Service
public class Preferences {

	private final MongoTemplate mongo;
	private final Clock clock;

	Preferences(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The person's preferences; all defaults when they never chose anything. */
	public PersonPreferences of(String userId) {
		if (userId == null) {
			return PersonPreferences.none(null);
		}
		return Optional.ofNullable(mongo.findById(userId, PersonPreferences.class))
			.orElseGet(() -> PersonPreferences.none(userId));
	}

	/** The language to write to this person in: their own choice, else the one their placement gives. */
	public Locale languageOf(Person person) {
		return Optional.ofNullable(person.slackUserId()).map(this::of).map(PersonPreferences::locale)
			.orElse(person.language());
	}

	/** @param language {@code en} or {@code sv} */
	public PersonPreferences setLanguage(String userId, String language) {
		return upsert(userId, new Update().set("language", language));
	}

	public PersonPreferences setRemindersOff(String userId, boolean off) {
		return upsert(userId, new Update().set("remindersOff", off));
	}

	/** Away from {@code from} to {@code to}, inclusive, replacing any earlier absence. */
	public PersonPreferences setAway(String userId, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("An absence cannot end (" + to + ") before it starts (" + from + ")");
		}
		return upsert(userId, new Update().set("awayFrom", from).set("awayTo", to));
	}

	/** Who may read the person's new entries and status updates, unless they choose otherwise for one. */
	public PersonPreferences setVisibility(String userId, Visibility visibility) {
		return upsert(userId, new Update().set("visibility", visibility));
	}

	public PersonPreferences clearAway(String userId) {
		return upsert(userId, new Update().unset("awayFrom").unset("awayTo"));
	}

	private PersonPreferences upsert(String userId, Update update) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(userId)),
				update.set("updatedAt", clock.instant()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), PersonPreferences.class);
	}
}
