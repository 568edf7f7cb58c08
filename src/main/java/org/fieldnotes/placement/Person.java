package org.fieldnotes.placement;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * Someone in a placement: the participant, their manager or a coach.
 *
 * @param name display name
 * @param slackUserId Slack member id ({@code U…}), may be {@literal null} for someone outside the workspace
 * @param email may be {@literal null} when the person has a Slack id
 * @param timezone IANA time zone name, e.g. {@code Europe/Stockholm}
 * @param locale {@code en} or {@code sv}
 * @param country ISO 3166 code whose public holidays the person has off (e.g. {@code SE}); {@literal null} means
 * "derive it from the time zone"
 */
public record Person(String name, String slackUserId, String email, String timezone, String locale, String country) {

	@PersistenceCreator
	public Person {
	}

	public Person(String name, String slackUserId, String email, String timezone, String locale) {
		this(name, slackUserId, email, timezone, locale, null);
	}

	public ZoneId zone() {
		return ZoneId.of(timezone);
	}

	public Locale language() {
		return Locale.forLanguageTag(locale);
	}

	public boolean hasSlack() {
		return slackUserId != null && !slackUserId.isBlank();
	}

	/** A stable key for this person as a recipient: their Slack id, or else their e-mail address. */
	public String recipientKey() {
		return hasSlack() ? slackUserId : "email:" + email.toLowerCase(Locale.ROOT);
	}
}
