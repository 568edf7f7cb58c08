package org.fieldnotes.people;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.chat.ChatAccount;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone Fieldnotes knows: a participant, their manager, a coach, an admin, or someone who chose a setting. One
 * document per person in {@code people}; placements, preferences, digests, the audit trail and the outbox refer to
 * them by {@link #id()}.
 *
 * <p>What it holds: its id; a display name ({@literal null} for someone known only by an account, e.g. an admin
 * added by command whose name the platform did not give); chat accounts, the one messages go to first
 * ({@link #chatAccount()}), none for someone reached only by e-mail; e-mail addresses, the one e-mail goes to first;
 * an IANA time zone and a language ({@code en}/{@code sv}) as enrolled, {@literal null} while not known; a country
 * whose public holidays they have off ({@literal null}: derived from the time zone); and {@code lookupKeys}, how
 * the person is found, unique across people and derived, never set by hand: each account's
 * {@link ChatAccount#key()}, or, for someone with no chat account, {@code email:<address>} for each address.
 *
 * <p>A class rather than a record so that its id is a {@link PersonId} in Java and a plain string in the store.
 */
@Document("people")
public final class Person {

	@Id
	private final String id;
	private final String name;
	private final List<ChatAccount> accounts;
	private final List<String> emails;
	private final String timezone;
	private final String locale;
	private final String country;
	private final Instant createdAt;
	private final Instant updatedAt;
	@Indexed(unique = true, sparse = true)
	private final List<String> lookupKeys;

	/** The lookup key of an address, for someone reached only by e-mail. */
	public static String addressKey(String address) {
		return "email:" + address.strip().toLowerCase(Locale.ROOT);
	}

	@PersistenceCreator
	Person(String id, String name, List<ChatAccount> accounts, List<String> emails, String timezone, String locale,
			String country, Instant createdAt, Instant updatedAt, List<String> lookupKeys) {
		this.id = id;
		this.name = name;
		this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
		this.emails = emails == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(emails.stream().filter(e -> e != null && !e.isBlank())
					.map(String::strip).toList()));
		this.timezone = timezone;
		this.locale = locale;
		this.country = country;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.lookupKeys = keys(this.accounts, this.emails);
	}

	public Person(PersonId id, String name, List<ChatAccount> accounts, List<String> emails, String timezone,
			String locale, String country, Instant createdAt, Instant updatedAt) {
		this(id.value(), name, accounts, emails, timezone, locale, country, createdAt, updatedAt, null);
	}

	/** A person as enrolled, without timestamps. */
	public Person(PersonId id, String name, List<ChatAccount> accounts, List<String> emails, String timezone,
			String locale, String country) {
		this(id, name, accounts, emails, timezone, locale, country, null, null);
	}

	private static List<String> keys(List<ChatAccount> accounts, List<String> emails) {
		Set<String> keys = new LinkedHashSet<>();
		if (!accounts.isEmpty()) {
			accounts.forEach(a -> keys.add(a.key()));
		}
		else {
			emails.forEach(e -> keys.add(addressKey(e)));
		}
		return keys.isEmpty() ? null : List.copyOf(keys);
	}

	public PersonId id() {
		return new PersonId(id);
	}

	public String name() {
		return name;
	}

	public List<ChatAccount> accounts() {
		return accounts;
	}

	public List<String> emails() {
		return emails;
	}

	public String timezone() {
		return timezone;
	}

	public String locale() {
		return locale;
	}

	public String country() {
		return country;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public List<String> lookupKeys() {
		return lookupKeys;
	}

	/** Their time zone; UTC while it is not known. */
	public ZoneId zone() {
		return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
	}

	/** The language they were enrolled with; {@literal null} while not known. */
	public Locale language() {
		return locale == null ? null : Locale.forLanguageTag(locale);
	}

	/** The address e-mail goes to; {@literal null} when they have none. */
	public String email() {
		return emails.isEmpty() ? null : emails.get(0);
	}

	/** Whether they have a chat account at all (else they are reached by e-mail only). */
	public boolean hasChat() {
		return !accounts.isEmpty();
	}

	/** The account their messages go to: the first; {@literal null} when they have none. */
	public ChatAccount chatAccount() {
		return accounts.isEmpty() ? null : accounts.get(0);
	}

	/** Their account on that platform (the first, should they have several). */
	public Optional<ChatAccount> account(String platform) {
		return accounts.stream().filter(a -> a.platform().equals(platform)).findFirst();
	}

	/** Their stored account that is this member, whatever the workspace. */
	public Optional<ChatAccount> account(ChatAccount member) {
		return accounts.stream().filter(a -> a.sameMember(member)).findFirst();
	}

	/** Whether the account is one of theirs. */
	public boolean has(ChatAccount account) {
		return account(account).isPresent();
	}

	/** Whether the address is one of theirs (in any case). */
	public boolean hasAddress(String address) {
		return address != null && emails.stream().anyMatch(e -> e.equalsIgnoreCase(address.strip()));
	}

	/** Their name, else their first account's member id or address: never {@literal null}. */
	public String displayName() {
		if (name != null && !name.isBlank()) {
			return name;
		}
		if (!accounts.isEmpty()) {
			return accounts.get(0).memberId();
		}
		return emails.isEmpty() ? id : emails.get(0);
	}

	/** The same person with this account too (the workspace filled in when it was not known), last. */
	public Person withAccount(ChatAccount account) {
		List<ChatAccount> more = new ArrayList<>();
		boolean known = false;
		for (ChatAccount a : accounts) {
			if (a.key().equals(account.key())) {
				more.add(a.workspace() == null && account.workspace() != null ? account : a);
				known = true;
			}
			else {
				more.add(a);
			}
		}
		if (!known) {
			more.add(account);
		}
		return new Person(id, name, more, emails, timezone, locale, country, createdAt, updatedAt, null);
	}

	/** The same person with this address first (e-mail goes there from now on). */
	public Person withEmailFirst(String address) {
		List<String> more = new ArrayList<>();
		more.add(address.strip());
		emails.stream().filter(e -> !e.equalsIgnoreCase(address.strip())).forEach(more::add);
		return new Person(id, name, accounts, more, timezone, locale, country, createdAt, updatedAt, null);
	}

	/** The same person with these details; {@literal null} keeps the one known. */
	public Person withDetails(String name, String timezone, String locale, String country, Instant now) {
		return new Person(id, name != null ? name : this.name, accounts, emails,
				timezone != null ? timezone : this.timezone, locale != null ? locale : this.locale,
				country != null ? country : this.country, createdAt == null ? now : createdAt, now, null);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Person p && Objects.equals(id, p.id) && Objects.equals(name, p.name)
				&& accounts.equals(p.accounts) && emails.equals(p.emails) && Objects.equals(timezone, p.timezone)
				&& Objects.equals(locale, p.locale) && Objects.equals(country, p.country)
				&& Objects.equals(createdAt, p.createdAt) && Objects.equals(updatedAt, p.updatedAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(id, name, accounts, emails, timezone, locale, country);
	}

	@Override
	public String toString() {
		return "Person[" + id + "]";
	}
}
