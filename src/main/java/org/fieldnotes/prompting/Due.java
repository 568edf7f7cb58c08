package org.fieldnotes.prompting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One moment a placement's prompt is due: the participant's local date and time, the instant that is, and the
 * placement phase that decides which prompt goes out.
 *
 * @param scheduled the date the schedule put it on, before it moved off a day off; phase and rotation follow it
 * @param skipReason why this prompt is recorded as skipped instead of sent ({@code "holiday"}: moving it off days
 * off would have reached the next week's), {@literal null} when it is to be sent
 * @param promptId the prompt the calendar chose for it (by the programme's prompt set and cadence); {@literal null}
 * when made elsewhere, and {@link PromptCalendar#promptFor} then chooses by phase and week
 */
public record Due(LocalDate date, LocalDateTime local, Instant instant, PromptPhase phase, LocalDate scheduled,
		String skipReason, String promptId) {

	public Due(LocalDate date, LocalDateTime local, Instant instant, PromptPhase phase, LocalDate scheduled,
			String skipReason) {
		this(date, local, instant, phase, scheduled, skipReason, null);
	}

	/** A prompt due on its scheduled date. */
	public Due(LocalDate date, LocalDateTime local, Instant instant, PromptPhase phase) {
		this(date, local, instant, phase, date, null);
	}

	public boolean isSkipped() {
		return skipReason != null;
	}
}
