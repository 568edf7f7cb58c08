package org.fieldnotes.personaldata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The person whose data is exported or erased, with every identifier Fieldnotes knows for them. It starts as what
 * was asked for (a person id, a chat account, or an address); before anything is exported or erased, each module
 * adds what it knows ({@link PersonalData#identify}): the person records that are theirs (their ids, accounts,
 * addresses and names), the addresses in their digest settings, and the placements they take part in as
 * participant. Addresses are kept in lower case and compared without regard to case.
 *
 * @param key what was asked for, as it was written: {@code U012ADA}, {@code email:anders@university.example} or a
 * person id
 * @param personIds their person ids: how every module refers to them
 * @param accountKeys their chat accounts, as {@code platform:memberId}
 * @param emails their e-mail addresses, lower case
 * @param names their names (used only to find messages that name them)
 * @param ownPlacementIds the placements they take part in as participant: everything in them is theirs
 * @param quotedIn the keys of messages to other people that quote or name them (e.g. a coach's digest quoting
 * their entries): while not yet sent, these are withdrawn when they are erased
 */
public record DataSubject(String key, Set<String> personIds, Set<String> accountKeys, Set<String> emails,
		Set<String> names, Set<String> ownPlacementIds, Set<String> quotedIn) {

	public static final String EMAIL_PREFIX = "email:";
	/** How a coordinator's cohort digest is keyed: {@code admin:<person id>}. */
	public static final String ADMIN_PREFIX = "admin:";

	public DataSubject {
		personIds = sorted(personIds);
		accountKeys = sorted(accountKeys);
		emails = sorted(emails == null ? null : emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
		names = sorted(names);
		ownPlacementIds = sorted(ownPlacementIds);
		quotedIn = sorted(quotedIn);
	}

	/**
	 * Someone asked for by what was typed ({@code key}): a person id, a chat account ({@code platform:memberId}) or an
	 * address, whichever are known; blank values are ignored.
	 */
	public static DataSubject asked(String key, Collection<String> personIds, Collection<String> accountKeys,
			Collection<String> emails) {
		return new DataSubject(key, set(personIds), set(accountKeys), set(emails), Set.of(), Set.of(), Set.of());
	}

	/** Someone by their person id. */
	public static DataSubject person(String personId) {
		return asked(personId, List.of(personId), List.of(), List.of());
	}

	/** The same person with more identifiers; blank values are ignored. */
	public DataSubject with(Collection<String> morePersonIds, Collection<String> moreAccountKeys,
			Collection<String> moreEmails, Collection<String> moreNames, Collection<String> morePlacementIds) {
		return new DataSubject(key, union(personIds, morePersonIds), union(accountKeys, moreAccountKeys),
				union(emails, moreEmails), union(names, moreNames), union(ownPlacementIds, morePlacementIds), quotedIn);
	}

	/** The same person with more addresses. */
	public DataSubject withAddresses(Collection<String> moreEmails) {
		return with(List.of(), List.of(), moreEmails, List.of(), List.of());
	}

	/** The same person with more placements of their own. */
	public DataSubject withPlacements(Collection<String> morePlacementIds) {
		return with(List.of(), List.of(), List.of(), List.of(), morePlacementIds);
	}

	/** The same person, quoted in more messages to others (their keys). */
	public DataSubject quotedIn(Collection<String> messageKeys) {
		return new DataSubject(key, personIds, accountKeys, emails, names, ownPlacementIds,
				union(quotedIn, messageKeys));
	}

	/** The member ids of their chat accounts (what follows {@code platform:}). */
	public Set<String> memberIds() {
		return sorted(accountKeys.stream().map(k -> k.substring(k.indexOf(':') + 1)).toList());
	}

	/**
	 * How messages and digests are addressed to them: their person ids, their cohort-digest keys
	 * ({@code admin:<person id>}) and {@code email:<address>}.
	 */
	public Set<String> recipientKeys() {
		return sorted(Stream.of(personIds.stream(), personIds.stream().map(id -> ADMIN_PREFIX + id),
				emails.stream().map(e -> EMAIL_PREFIX + e)).flatMap(s -> s).toList());
	}

	// ------------------------------------------------------------------------------------------ queries

	/** {@code field} holds one of their person ids. */
	public Criteria isPerson(String field) {
		return or(personIds.isEmpty() ? List.of() : List.of(Criteria.where(field).in(personIds)));
	}

	/** {@code field} holds one of their {@link #recipientKeys()} (an address in any case). */
	public Criteria isRecipient(String field) {
		List<Criteria> any = new ArrayList<>();
		if (!personIds.isEmpty()) {
			any.add(Criteria.where(field).in(Stream.concat(personIds.stream(),
					personIds.stream().map(id -> ADMIN_PREFIX + id)).toList()));
		}
		emailPattern(EMAIL_PREFIX, false).ifPresent(p -> any.add(Criteria.where(field).regex(p)));
		return or(any);
	}

	/**
	 * {@code field} holds a person id, an account ({@code platform:memberId}), a member id as typed, {@code
	 * email:<address>} or a bare address: how the audit trail names people (someone not enrolled by what was typed).
	 */
	public Criteria isNamedInAudit(String field) {
		List<Criteria> any = new ArrayList<>();
		Set<String> exact = union(union(personIds, accountKeys), memberIds());
		if (!exact.isEmpty()) {
			any.add(Criteria.where(field).in(exact));
		}
		emailPattern(EMAIL_PREFIX, true).ifPresent(p -> any.add(Criteria.where(field).regex(p)));
		return or(any);
	}

	/** {@code field} is one of their addresses, in any case. */
	public Criteria isAddress(String field) {
		return or(emailPattern("", false).map(p -> List.of(Criteria.where(field).regex(p))).orElse(List.of()));
	}

	/** {@code field} is text that contains one of their person ids, member ids or addresses (in any case) somewhere. */
	public Criteria mentions(String field) {
		List<String> alternatives = new ArrayList<>();
		union(personIds, memberIds()).forEach(id -> alternatives.add(Pattern.quote(id)));
		emails.forEach(address -> alternatives.add("(?i:" + Pattern.quote(address) + ")"));
		return or(alternatives.isEmpty() ? List.of()
				: List.of(Criteria.where(field).regex(Pattern.compile(String.join("|", alternatives)))));
	}

	/**
	 * Whether the text names them: one of their person ids, member ids or addresses (in any case) or their names.
	 * For messages and notes written by Fieldnotes, never for people's own words.
	 */
	public boolean mentionedIn(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return personIds.stream().anyMatch(text::contains) || memberIds().stream().anyMatch(text::contains)
				|| emails.stream().anyMatch(lower::contains)
				|| names.stream().filter(n -> !n.isBlank()).anyMatch(text::contains);
	}

	/** The text with each of their person ids, member ids and addresses replaced by {@code pseudonym}. */
	public String pseudonymise(String text, String pseudonym) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String address : emails) {
			result = Pattern.compile("(" + Pattern.quote(EMAIL_PREFIX) + ")?" + Pattern.quote(address),
					Pattern.CASE_INSENSITIVE).matcher(result).replaceAll(java.util.regex.Matcher.quoteReplacement(pseudonym));
		}
		for (String id : union(personIds, memberIds())) {
			result = result.replace(id, pseudonym);
		}
		return result;
	}

	@Override
	public String toString() {
		return key;
	}

	/** {@code ^prefix(a|b)$}, case-insensitive; empty when no address is known. */
	private Optional<Pattern> emailPattern(String prefix, boolean prefixOptional) {
		if (emails.isEmpty()) {
			return Optional.empty();
		}
		String alternatives = emails.stream().map(Pattern::quote).collect(Collectors.joining("|"));
		String start = prefix.isEmpty() ? "" : "(" + Pattern.quote(prefix) + ")" + (prefixOptional ? "?" : "");
		return Optional.of(Pattern.compile("^" + start + "(" + alternatives + ")$", Pattern.CASE_INSENSITIVE));
	}

	private static Criteria or(List<Criteria> any) {
		if (any.isEmpty()) {
			// matches nothing: every document has an _id
			return Criteria.where("_id").exists(false);
		}
		return any.size() == 1 ? any.get(0) : new Criteria().orOperator(any.toArray(new Criteria[0]));
	}

	private static Set<String> set(Collection<String> values) {
		return sorted(values);
	}

	private static Set<String> union(Set<String> known, Collection<String> more) {
		List<String> all = new ArrayList<>(known);
		if (more != null) {
			all.addAll(more);
		}
		return sorted(all);
	}

	private static Set<String> sorted(Collection<String> values) {
		if (values == null) {
			return Set.of();
		}
		TreeSet<String> sorted = new TreeSet<>();
		values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(sorted::add);
		return java.util.Collections.unmodifiableSet(sorted);
	}
}
