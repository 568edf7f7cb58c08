package org.fieldnotes.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The {@code people} collection: finds people by id, by chat account or by address, and records who they are when
 * they are enrolled. A chat account belongs to one person at most and so does the address of someone reached only
 * by e-mail (a unique index on {@link Person#lookupKeys()}), so two enrolments or first contacts at once still make
 * one person.
 */
@Service
public class People implements PersonLookup {

	private static final Logger log = LoggerFactory.getLogger(People.class);

	private final MongoTemplate mongo;
	private final Clock clock;
	private final AccountReferences references;

	People(MongoTemplate mongo, Clock clock, AccountReferences references) {
		this.mongo = mongo;
		this.clock = clock;
		this.references = references;
	}

	/** What an enrolment (an API body, a CSV row, a chat form) says about a person; {@literal null}: not said. */
	public record Details(String name, List<ChatAccount> accounts, String email, String timezone, String locale,
			String country) {

		public Details {
			accounts = accounts == null ? List.of() : List.copyOf(accounts);
		}
	}

	public Optional<Person> find(PersonId id) {
		return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id.value(), Person.class));
	}

	/** The person; throws {@link IllegalArgumentException} when there is nobody with that id. */
	public Person get(PersonId id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("No person " + id));
	}

	/** These people, by id (those that exist). */
	public Map<PersonId, Person> all(Collection<PersonId> ids) {
		Map<PersonId, Person> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		mongo.find(Query.query(Criteria.where("_id").in(ids.stream().map(PersonId::value).toList())), Person.class)
			.forEach(p -> found.put(p.id(), p));
		return found;
	}

	@Override
	public Optional<Person> find(ChatAccount account) {
		if (account == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("lookupKeys").is(account.key())),
				Person.class));
	}

	/**
	 * The person with this account, as on first contact: when their account's workspace was not known (an enrolment
	 * by member id, or data from before workspaces were recorded) it is recorded now, once.
	 */
	public Optional<Person> contact(ChatAccount account) {
		Optional<Person> found = find(account);
		if (found.isPresent() && account.workspace() != null) {
			Optional<ChatAccount> stored = found.get().account(account);
			if (stored.isPresent() && stored.get().workspace() == null) {
				return Optional.of(recordWorkspace(found.get(), account));
			}
		}
		return found;
	}

	private Person recordWorkspace(Person person, ChatAccount account) {
		// one conditional update: only while that account still has no workspace (the accounts are set whole, as
		// positional updates are not what every store supports)
		Query query = Query.query(Criteria.where("_id").is(person.id().value())
			.and("accounts").elemMatch(Criteria.where("platform").is(account.platform())
				.and("memberId").is(account.memberId()).and("workspace").is(null)));
		Person updated = mongo.findAndModify(query,
				new Update().set("accounts", person.withAccount(account).accounts()).set("updatedAt", clock.instant()),
				FindAndModifyOptions.options().returnNew(true), Person.class);
		if (updated != null) {
			log.info("Recorded the workspace of a {} account on first contact", account.platform());
			return updated;
		}
		return find(person.id()).orElse(person);
	}

	/**
	 * The person a key names as the rest of Fieldnotes wrote it: a person id, or, as it was written before people had
	 * ids (and still is in links already sent and in data not yet migrated), a member id that a chat adapter reads
	 * (e.g. a Slack {@code U…}) or {@code email:<address>} for someone reached only by e-mail. Empty for anything
	 * else, and for someone Fieldnotes does not know.
	 */
	public Optional<Person> byKey(String key) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		Optional<PersonId> id = PersonId.parse(key);
		if (id.isPresent()) {
			return find(id.get());
		}
		if (key.regionMatches(true, 0, "email:", 0, "email:".length())) {
			return withAddressOnly(key.substring("email:".length()));
		}
		return references.anyAccount(key).flatMap(this::find);
	}

	/** The person reached only by e-mail at this address (in any case); empty when there is none. */
	public Optional<Person> withAddressOnly(String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("lookupKeys").is(Person.addressKey(address))), Person.class));
	}

	/** Everyone who has this address (in any case), with or without chat accounts. */
	public List<Person> withAddress(String address) {
		if (address == null || address.isBlank()) {
			return List.of();
		}
		Pattern exact = Pattern.compile("^" + Pattern.quote(address.strip()) + "$", Pattern.CASE_INSENSITIVE);
		return mongo.find(Query.query(Criteria.where("emails").regex(exact)), Person.class);
	}

	/** The person with this account, made now (known by the account alone) when there is nobody yet. */
	public Person ensure(ChatAccount account) {
		Optional<Person> found = contact(account);
		if (found.isPresent()) {
			return found.get();
		}
		Instant now = clock.instant();
		Person person = new Person(PersonId.random(), null, List.of(account), List.of(), null, null, null, now, now);
		try {
			return mongo.insert(person);
		}
		catch (DuplicateKeyException madeMeanwhile) {
			return find(account).orElseThrow(() -> madeMeanwhile);
		}
	}

	/** The person reached only by e-mail at this address, made now (named by the address) when there is none. */
	public Person ensureAddress(String address) {
		Optional<Person> found = withAddressOnly(address);
		if (found.isPresent()) {
			return found.get();
		}
		Instant now = clock.instant();
		Person person = new Person(PersonId.random(), null, List.of(), List.of(address.strip()), null, null, null,
				now, now);
		try {
			return mongo.insert(person);
		}
		catch (DuplicateKeyException madeMeanwhile) {
			return withAddressOnly(address).orElseThrow(() -> madeMeanwhile);
		}
	}

	/**
	 * The people an enrolment's details name: whoever has one of its accounts, or, for someone given by address
	 * alone, whoever is reached only by e-mail there. More than one means the accounts belong to different people.
	 */
	public List<Person> matching(Details details) {
		List<Person> found = new ArrayList<>();
		for (ChatAccount account : details.accounts()) {
			find(account).filter(p -> found.stream().noneMatch(f -> f.id().equals(p.id()))).ifPresent(found::add);
		}
		if (details.accounts().isEmpty()) {
			withAddressOnly(details.email()).ifPresent(found::add);
		}
		return found;
	}

	/**
	 * Records an enrolled person: the one the details name ({@link #matching}), brought up to date with what the
	 * details say (name, and time zone, language and country where given; their accounts and address added, the
	 * address first), or a new person. What the details leave out keeps its known value, else the default given.
	 * @throws IllegalArgumentException when the details name two different people
	 */
	public Person enrol(Details details, String defaultZone, String defaultLocale) {
		for (int attempt = 0; ; attempt++) {
			List<Person> found = matching(details);
			if (found.size() > 1) {
				throw new IllegalArgumentException("The accounts belong to different people");
			}
			Instant now = clock.instant();
			Person person = found.isEmpty()
					? new Person(PersonId.random(), details.name(), List.of(), List.of(), null, null, null, now, now)
					: found.get(0);
			for (ChatAccount account : details.accounts()) {
				person = person.withAccount(account);
			}
			if (details.email() != null) {
				person = person.withEmailFirst(details.email());
			}
			person = person.withDetails(details.name(), details.timezone(), details.locale(), details.country(), now);
			person = person.withDetails(null, person.timezone() == null ? defaultZone : null,
					person.locale() == null ? defaultLocale : null, null, now);
			try {
				return mongo.save(person);
			}
			catch (DuplicateKeyException takenMeanwhile) {
				// someone else enrolled one of these accounts at this moment: take theirs, once
				if (attempt > 0) {
					throw takenMeanwhile;
				}
			}
		}
	}

	/** Stores the person as given (a migration, a test). */
	public Person save(Person person) {
		return mongo.save(person);
	}
}
