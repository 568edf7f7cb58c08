package org.fieldnotes.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A closure window: the days of a programme (or of every programme) on which no prompt is sent ("closed 6–31 July"),
 * set by an admin with {@code POST /api/v1/placements:pause}. A prompt or reminder due on one of its days (the
 * participant's date) is recorded as skipped ({@code closed}), not missed; the placements resume by themselves after
 * {@code to}. Their status does not change.
 *
 * @param program the programme ({@literal null}: every programme), compared as programmes are everywhere
 * @param from the first closed day
 * @param to the last closed day; {@literal null} until resumed ({@code POST /api/v1/placements:resume})
 * @param reason why, as the admin wrote it (shown to the participants, escaped as every text)
 * @param cancelled ended before it began (a resume before {@code from})
 */
@Document("closures")
@NoPersonalData("a programme's name, the days it is closed and the admin's reason, set for everyone in it")
public record Closure(@Id String id, String program, LocalDate from, LocalDate to, String reason, Instant createdAt,
		boolean cancelled) {

	@PersistenceCreator
	public Closure {
	}

	/** Whether it closes this day for a placement of this programme. */
	public boolean closes(String placementProgram, LocalDate day) {
		return !cancelled && covers(placementProgram) && !day.isBefore(from) && (to == null || !day.isAfter(to));
	}

	/** Whether it is for this programme (or for every programme). */
	public boolean covers(String placementProgram) {
		return program == null || placementProgram != null && normal(program).equals(normal(placementProgram));
	}

	static String normal(String program) {
		return program.strip().toLowerCase(Locale.ROOT);
	}
}
