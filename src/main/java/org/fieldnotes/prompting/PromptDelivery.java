package org.fieldnotes.prompting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcome of sending one prompt: which prompt, for which due date, and whether it reached the participant.
 */
public record PromptDelivery(String occurrenceId, String placementId, String promptId, LocalDate dueDate,
		OccurrenceStatus status, Instant sentAt, String failure) {

	static PromptDelivery of(PromptOccurrence occurrence) {
		return new PromptDelivery(occurrence.getId(), occurrence.getPlacementId(), occurrence.getPromptId(),
				occurrence.getDueDate(), occurrence.getStatus(), occurrence.getSentAt(), occurrence.getFailure());
	}
}
