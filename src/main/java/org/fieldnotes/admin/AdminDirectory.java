package org.fieldnotes.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.access.Admins;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.digest.CoordinatorsChanged;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who is an admin (a programme coordinator): the chat members named in {@code FIELDNOTES_ADMINS} (always, and they
 * cannot be removed by command; each is read by the chat adapter that recognises it, e.g. a Slack member id) and the
 * people added with {@code /fieldnotes admin add} (stored by person id).
 */
@Component
public class AdminDirectory implements Admins {

	private static final Logger log = LoggerFactory.getLogger(AdminDirectory.class);

	private final AdminSettings settings;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final People people;
	private final List<ChatAccount> configured;

	AdminDirectory(AdminSettings settings, MongoTemplate mongo, Clock clock, ApplicationEventPublisher events,
			People people, AccountReferences references) {
		this.settings = settings;
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
		this.people = people;
		this.configured = new ArrayList<>();
		for (String admin : settings.slackAdmins()) {
			Optional<ChatAccount> account = references.anyAccount(admin);
			if (account.isPresent()) {
				configured.add(account.get());
			}
			else {
				log.warn("FIELDNOTES_ADMINS names something no chat adapter reads as a member id; it is ignored");
			}
		}
	}

	@Override
	public boolean isAdmin(ChatAccount account) {
		if (account == null) {
			return false;
		}
		return isConfigured(account) || people.find(account).map(p -> isStored(p.id())).orElse(false);
	}

	/** Whether the person is an admin by any of their accounts, or stored. */
	public boolean isAdmin(PersonId person) {
		return isStored(person) || people.find(person).map(p -> p.accounts().stream().anyMatch(this::isConfigured))
			.orElse(false);
	}

	/** Named in {@code FIELDNOTES_ADMINS}: an admin whatever is stored. */
	public boolean isConfigured(ChatAccount account) {
		return configured.stream().anyMatch(a -> a.sameMember(account));
	}

	@Override
	public Set<String> programsOf(ChatAccount account) {
		if (account == null || isConfigured(account)) {
			return Set.of();
		}
		return people.find(account).map(p -> programsOf(p.id())).orElse(Set.of());
	}

	/** The programmes a stored admin coordinates (keys); empty for every programme, and for anyone else. */
	public Set<String> programsOf(PersonId person) {
		if (person == null) {
			return Set.of();
		}
		StoredAdmin stored = mongo.findById(person.value(), StoredAdmin.class);
		return stored == null ? Set.of() : stored.limitedTo();
	}

	private boolean isStored(PersonId person) {
		return person != null && mongo.exists(byId(person), StoredAdmin.class);
	}

	/** What adding an admin did. */
	public enum Added {
		ADDED, ALREADY_ADMIN,
		/** An admin limited to programmes now coordinates these as well. */
		PROGRAMS_ADDED
	}

	/** What removing an admin did. */
	public enum Removed {
		REMOVED, NOT_ADMIN, CONFIGURED
	}

	/** Stores the person as an admin of every programme. */
	public Added add(Person person, PersonId addedBy) {
		return add(person, addedBy, Set.of());
	}

	/**
	 * Stores the person as an admin of these programmes (names; none: every programme). Someone who is already an
	 * admin limited to programmes gets these as well (one atomic update); an admin of every programme stays one.
	 */
	public Added add(Person person, PersonId addedBy, Set<String> programs) {
		if (person.accounts().stream().anyMatch(this::isConfigured)) {
			return Added.ALREADY_ADMIN;
		}
		Set<String> keys = programs.stream().map(ProgramSettings::keyOf).collect(Collectors.toUnmodifiableSet());
		if (Claims.insertOnce(mongo, new StoredAdmin(person.id().value(), addedBy == null ? null : addedBy.value(),
				clock.instant(), keys.isEmpty() ? null : keys)).isEmpty()) {
			if (keys.isEmpty()) {
				return Added.ALREADY_ADMIN;
			}
			// only an admin who is limited already gets more programmes: one of every programme is not narrowed
			boolean widened = mongo.updateFirst(
					Query.query(Criteria.where("_id").is(person.id().value()).and("programs.0").exists(true)),
					new Update().addToSet("programs").each(keys.toArray()), StoredAdmin.class).getModifiedCount() > 0;
			if (!widened) {
				return Added.ALREADY_ADMIN;
			}
			events.publishEvent(new CoordinatorsChanged());
			return Added.PROGRAMS_ADDED;
		}
		events.publishEvent(new CoordinatorsChanged()); // they get the weekly cohort digest from now on
		return Added.ADDED;
	}

	/** Removes the stored admin with this account (one named in {@code FIELDNOTES_ADMINS} stays). */
	public Removed remove(ChatAccount account) {
		if (isConfigured(account)) {
			return Removed.CONFIGURED;
		}
		Optional<Person> person = people.find(account);
		if (person.isEmpty() || mongo.remove(byId(person.get().id()), StoredAdmin.class).getDeletedCount() == 0) {
			return Removed.NOT_ADMIN;
		}
		events.publishEvent(new CoordinatorsChanged());
		return Removed.REMOVED;
	}

	/**
	 * Every admin as a person: the configured ones first (recorded as people, by their account, the first time they
	 * are asked for), then the stored ones in the order they were added; each once.
	 */
	public List<Person> all() {
		Map<PersonId, Person> all = new LinkedHashMap<>();
		for (ChatAccount account : configured) {
			Person person = people.ensure(account);
			all.putIfAbsent(person.id(), person);
		}
		List<PersonId> stored = mongo.find(new Query().with(Sort.by("addedAt")), StoredAdmin.class).stream()
			.map(a -> new PersonId(a.personId()))
			.toList();
		Map<PersonId, Person> found = people.all(stored);
		stored.stream().map(found::get).filter(p -> p != null).forEach(p -> all.putIfAbsent(p.id(), p));
		return List.copyOf(all.values());
	}

	private static Query byId(PersonId person) {
		return Query.query(Criteria.where("_id").is(person.value()));
	}
}
