package org.fieldnotes.prompting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One moment a placement's prompt is due: the participant's local date and time, the instant that is, and the
 * placement phase that decides which prompt goes out.
 */
public record Due(LocalDate date, LocalDateTime local, Instant instant, PromptPhase phase) {
}
