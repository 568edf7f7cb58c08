package org.fieldnotes.hours;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The hours a participant logged for one day of a placement: one document per placement-day (the id is
 * {@code <placement id>:<date>}), so logging the same day again replaces the figure instead of adding to it.
 *
 * @param minutes the time worked that day, in whole minutes (more than 0, at most a day)
 * @param note the participant's own words about the day, or {@literal null}; shown to nobody else
 * @param via the surface it was logged on: {@code slack}, {@code teams} or {@code web}
 */
@Document(HoursDay.COLLECTION)
public record HoursDay(@Id String id, @Indexed String placementId, String participantId, LocalDate date, int minutes,
		String note, Instant at, String via) {

	static final String COLLECTION = "hours";

	static String idOf(String placementId, LocalDate date) {
		return placementId + ":" + date;
	}
}
