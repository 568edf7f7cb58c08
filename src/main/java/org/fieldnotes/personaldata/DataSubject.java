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
 * was asked for (a Slack member id, or {@code email:<address>} for someone outside Slack); before anything is
 * exported or erased, each module adds what it knows ({@link PersonalData#identify}): the addresses in their
 * placements and digest settings, the member id an address belongs to, their names, and the placements they take
 * part in as participant. Addresses are kept in lower case and compared without regard to case.
 *
 * @param key what was asked for: {@code U012ADA} or {@code email:anders@university.example}
 * @param memberIds their chat member ids
 * @param emails their e-mail addresses, lower case
 * @param names their names as placements record them (used only to find messages that name them)
 * @param ownPlacementIds the placements they take part in as participant: everything in them is theirs
 * @param quotedIn the keys of messages to other people that quote or name them (e.g. a coach's digest quoting
 * their entries): while not yet sent, these are withdrawn when they are erased
 */
public record DataSubject(String key, Set<String> memberIds, Set<String> emails, Set<String> names,
		Set<String> ownPlacementIds, Set<String> quotedIn) {

	public static final String EMAIL_PREFIX = "email:";
	/** How a coordinator's cohort digest is keyed: {@code admin:<member id>}. */
	public static final String ADMIN_PREFIX = "admin:";
	private static final Pattern MEMBER = Pattern.compile("[UW][A-Z0-9]{2,30}");
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,255}");

	public DataSubject {
		memberIds = sorted(memberIds);
		emails = sorted(emails == null ? null : emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
		names = sorted(names);
		ownPlacementIds = sorted(ownPlacementIds);
		quotedIn = sorted(quotedIn);
	}

	/**
	 * Reads {@code U012ADA} or {@code email:anders@university.example} (the prefix and the address in any case);
	 * empty for anything else.
	 */
	public static Optional<DataSubject> parse(String id) {
		if (id == null) {
			return Optional.empty();
		}
		String value = id.strip();
		if (MEMBER.matcher(value).matches()) {
			return Optional.of(new DataSubject(value, Set.of(value), Set.of(), Set.of(), Set.of(), Set.of()));
		}
		if (value.regionMatches(true, 0, EMAIL_PREFIX, 0, EMAIL_PREFIX.length())) {
			String address = value.substring(EMAIL_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
			if (EMAIL.matcher(address).matches()) {
				return Optional.of(new DataSubject(EMAIL_PREFIX + address, Set.of(), Set.of(address), Set.of(), Set.of(), Set.of()));
			}
		}
		return Optional.empty();
	}

	/** A chat member, by their member id (as the chat platform gave it). */
	public static DataSubject member(String memberId) {
		return new DataSubject(memberId, Set.of(memberId), Set.of(), Set.of(), Set.of(), Set.of());
	}

	/** The same person with more identifiers; blank values are ignored. */
	public DataSubject with(Collection<String> moreMemberIds, Collection<String> moreEmails,
			Collection<String> moreNames, Collection<String> morePlacementIds) {
		return new DataSubject(key, union(memberIds, moreMemberIds), union(emails, moreEmails),
				union(names, moreNames), union(ownPlacementIds, morePlacementIds), quotedIn);
	}

	/** The same person, quoted in more messages to others (their keys). */
	public DataSubject quotedIn(Collection<String> messageKeys) {
		return new DataSubject(key, memberIds, emails, names, ownPlacementIds, union(quotedIn, messageKeys));
	}

	/** The member id the person was asked for by, if it was one (where their own copy is sent). */
	public Optional<String> askedMemberId() {
		return key.startsWith(EMAIL_PREFIX) ? Optional.empty() : Optional.of(key);
	}

	/** How the rest of Fieldnotes keys this person ({@code Person.recipientKey()}): member ids and {@code email:…}. */
	public Set<String> personKeys() {
		return sorted(Stream.concat(memberIds.stream(), emails.stream().map(e -> EMAIL_PREFIX + e)).toList());
	}

	/** {@link #personKeys()} and their cohort-digest keys ({@code admin:<member id>}). */
	public Set<String> recipientKeys() {
		return sorted(Stream.concat(personKeys().stream(), memberIds.stream().map(id -> ADMIN_PREFIX + id)).toList());
	}

	// ------------------------------------------------------------------------------------------ queries

	/** {@code field} holds one of their {@link #personKeys()} (an address in any case). */
	public Criteria isPerson(String field) {
		return anyOf(field, memberIds, EMAIL_PREFIX, false);
	}

	/** {@code field} holds one of their {@link #recipientKeys()} (an address in any case). */
	public Criteria isRecipient(String field) {
		return anyOf(field, recipientKeysWithoutEmail(), EMAIL_PREFIX, false);
	}

	/** {@code field} holds a person key, or a bare address: how the audit trail has named people. */
	public Criteria isNamedInAudit(String field) {
		return anyOf(field, memberIds, EMAIL_PREFIX, true);
	}

	/**
	 * {@code path} is a stored person ({@code path.slackUserId}, {@code path.email}) who is them: one of their
	 * member ids, or one of their addresses on a person without a member id. A record with another member id is
	 * someone else, whatever its address says (two people may share an address).
	 */
	public Criteria isPersonRecord(String path) {
		List<Criteria> any = new ArrayList<>();
		if (!memberIds.isEmpty()) {
			any.add(Criteria.where(path + ".slackUserId").in(memberIds));
		}
		emailPattern("", false).ifPresent(p -> any.add(new Criteria().andOperator(
				Criteria.where(path + ".email").regex(p),
				new Criteria().orOperator(Criteria.where(path + ".slackUserId").is(null),
						Criteria.where(path + ".slackUserId").is("")))));
		return or(any);
	}

	/** {@code field} is one of their addresses, in any case. */
	public Criteria isAddress(String field) {
		return or(emailPattern("", false).map(p -> List.of(Criteria.where(field).regex(p))).orElse(List.of()));
	}

	/** {@code field} is text that contains one of their member ids or addresses (in any case) somewhere. */
	public Criteria mentions(String field) {
		List<String> alternatives = new ArrayList<>();
		memberIds.forEach(id -> alternatives.add(Pattern.quote(id)));
		emails.forEach(address -> alternatives.add("(?i:" + Pattern.quote(address) + ")"));
		return or(alternatives.isEmpty() ? List.of()
				: List.of(Criteria.where(field).regex(Pattern.compile(String.join("|", alternatives)))));
	}

	/**
	 * Whether the text names them: one of their member ids or addresses (in any case) or their names. For messages
	 * and notes written by Fieldnotes, never for people's own words.
	 */
	public boolean mentionedIn(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return memberIds.stream().anyMatch(text::contains) || emails.stream().anyMatch(lower::contains)
				|| names.stream().filter(n -> !n.isBlank()).anyMatch(text::contains);
	}

	/** The text with each of their member ids and addresses replaced by {@code pseudonym}. */
	public String pseudonymise(String text, String pseudonym) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String address : emails) {
			result = Pattern.compile("(" + Pattern.quote(EMAIL_PREFIX) + ")?" + Pattern.quote(address),
					Pattern.CASE_INSENSITIVE).matcher(result).replaceAll(java.util.regex.Matcher.quoteReplacement(pseudonym));
		}
		for (String id : memberIds) {
			result = result.replace(id, pseudonym);
		}
		return result;
	}

	@Override
	public String toString() {
		return key;
	}

	private Set<String> recipientKeysWithoutEmail() {
		return sorted(Stream.concat(memberIds.stream(), memberIds.stream().map(id -> ADMIN_PREFIX + id)).toList());
	}

	private Criteria anyOf(String field, Set<String> exact, String emailPrefix, boolean bareAddressToo) {
		List<Criteria> any = new ArrayList<>();
		if (!exact.isEmpty()) {
			any.add(Criteria.where(field).in(exact));
		}
		emailPattern(emailPrefix, bareAddressToo).ifPresent(p -> any.add(Criteria.where(field).regex(p)));
		return or(any);
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
