package org.fieldnotes.personaldata;

import java.util.Optional;

import org.bson.Document;

/**
 * How people were named before they had person ids, for the modules that convert their own collections at start
 * ({@link LegacyLayoutMigration}): a chat member id (e.g. a Slack {@code U…}, read by that platform's adapter),
 * {@code email:<address>} for someone reached only by e-mail, and person records embedded in placements. The people
 * module answers.
 */
public interface LegacyPeople {

	/** Whether a stored value is already a person id (the current layout). */
	boolean isPersonId(String value);

	/**
	 * The person id for a key as it was stored: a member id or {@code email:<address>}; a person id stays itself.
	 * @param create whether to record the person (by that account or address) when nobody has it yet; without it, a
	 * key nobody has gives empty
	 * @return empty for anything else ({@code api}, {@code erased:…}, a name)
	 */
	Optional<String> personFor(String key, boolean create);

	/**
	 * The person id of a person record as placements embedded it ({@code name}, {@code slackUserId}, {@code email},
	 * {@code timezone}, {@code locale}, {@code country}): the person with that account (or, without one, reached
	 * only at that address), brought up to date with the record, or recorded now. Empty for a record with neither.
	 */
	Optional<String> personFor(Document embedded);
}
