package org.fieldnotes.privacy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The person whose data is exported or erased: a Slack member id, or (for someone outside Slack, e.g. an academic
 * coach with e-mail digests) an e-mail address. Exactly one of the two is set.
 *
 * @param slackUserId a Slack member id ({@code U…} or {@code W…}), or {@literal null}
 * @param email an e-mail address in lower case, or {@literal null}
 */
public record DataSubject(String slackUserId, String email) {

	private static final Pattern MEMBER = Pattern.compile("[UW][A-Z0-9]{2,30}");
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,255}");
	public static final String EMAIL_PREFIX = "email:";

	/**
	 * Reads {@code U012ADA} or {@code email:anders@university.example}; empty for anything else.
	 */
	public static Optional<DataSubject> parse(String id) {
		if (id == null) {
			return Optional.empty();
		}
		String value = id.strip();
		if (MEMBER.matcher(value).matches()) {
			return Optional.of(new DataSubject(value, null));
		}
		if (value.regionMatches(true, 0, EMAIL_PREFIX, 0, EMAIL_PREFIX.length())) {
			String address = value.substring(EMAIL_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
			if (EMAIL.matcher(address).matches()) {
				return Optional.of(new DataSubject(null, address));
			}
		}
		return Optional.empty();
	}

	public boolean hasSlack() {
		return slackUserId != null;
	}

	/** How the rest of Fieldnotes keys this person (a {@code Person.recipientKey()}): the member id or {@code email:…}. */
	public String key() {
		return hasSlack() ? slackUserId : EMAIL_PREFIX + email;
	}

	@Override
	public String toString() {
		return key();
	}
}
