package org.fieldnotes.teams;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conversation reference: where the bot can message one Teams user in their 1:1 chat with it, kept when they (or
 * an admin's policy) installed the app. Teams cannot message anyone before that, and the bot's user ids
 * ({@code 29:…}) are its own, so the user is also kept by their Entra object id.
 *
 * @param id {@code <tenant>/<user id>}
 * @param userId their Teams user id for this bot ({@code 29:…})
 * @param aadObjectId their Microsoft Entra object id, or {@literal null} when Teams did not send it
 * @param name their name as Teams gave it at install, or {@literal null}
 * @param serviceUrl where their conversation is reached; kept only from an authenticated activity
 * @param removedAt when they uninstalled the app (or removed the bot); {@literal null} while installed
 * @param locale the client language Teams named when Fieldnotes first heard from them (e.g. {@code sv-SE}): a hint
 *        only, for someone who has not chosen a language and was enrolled without one
 * @param homeActivityId the welcome card (their Home) in the chat, kept up to date in place; {@literal null} before one
 *        was sent
 */
@Document(TeamsConversation.COLLECTION)
record TeamsConversation(@Id String id, String tenantId, @Indexed String userId, @Indexed String aadObjectId,
		String name, @Indexed String conversationId, String serviceUrl, Instant installedAt, Instant updatedAt,
		Instant removedAt, String locale, String homeActivityId) {

	static final String COLLECTION = "teams_conversations";

	static String idOf(String tenantId, String userId) {
		return tenantId + "/" + userId;
	}

	boolean installed() {
		return removedAt == null;
	}
}
