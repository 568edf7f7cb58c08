package org.fieldnotes.signoff;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A placement week signed off by its host manager: one document per placement-week (the id is
 * {@code <placement id>:<week start>}, so a second sign-off of the same week cannot be stored).
 *
 * @param week the placement's week number (week 1 starts on the placement's first day)
 * @param weekStart the first day of that week
 * @param comment the manager's words, or {@literal null}
 * @param by the manager's person id
 * @param via the surface: {@code slack}, {@code web}, {@code teams} or {@code email}
 */
@Document(WeekSignOff.COLLECTION)
public record WeekSignOff(@Id String id, String placementId, String participantId, int week, LocalDate weekStart,
		Rating rating, String comment, String by, Instant at, String via) {

	static final String COLLECTION = "week_signoffs";

	static String idOf(String placementId, LocalDate weekStart) {
		return placementId + ":" + weekStart;
	}
}
