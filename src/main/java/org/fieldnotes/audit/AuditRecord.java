package org.fieldnotes.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One admin action: who did what to whom, when, and how it went. Never holds what people wrote in their logbook.
 *
 * @param actor the admin's Slack member id, or {@code api} for the admin API
 * @param action e.g. {@code enrol}, {@code pause}, {@code admin-add}, {@code import}, {@code digests-send}
 * @param placementId the placement acted on, if any
 * @param person the member id (or e-mail address) of the person acted on, if any
 * @param outcome {@code done}, {@code refused} or {@code failed}
 * @param detail a short machine-made note (counts, field names, an error code); never free text from people
 */
@Document("audit")
@CompoundIndex(name = "at", def = "{'at': -1}")
public record AuditRecord(@Id String id, Instant at, String actor, String action, String placementId, String person,
		String outcome, String detail) {

	public static final String API = "api";

	@PersistenceCreator
	public AuditRecord {
	}
}
