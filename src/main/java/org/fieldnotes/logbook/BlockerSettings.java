package org.fieldnotes.logbook;

import java.time.Instant;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an admin set about blockers for a whole programme: after how long an unresolved blocker is escalated. One
 * document per programme, keyed as programme settings are (the name trimmed, in lower case).
 *
 * @param escalateAfter an ISO-8601 duration, e.g. {@code P10D}
 */
@Document("blocker_settings")
@NoPersonalData("a programme's name and escalation threshold, set by admins for everyone in it")
public record BlockerSettings(@Id String id, String name, String escalateAfter, Instant updatedAt) {
}
