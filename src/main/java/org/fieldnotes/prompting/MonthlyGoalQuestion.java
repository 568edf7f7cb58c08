package org.fieldnotes.prompting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.goals.GoalButtons;
import org.fieldnotes.placement.Placement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Once a calendar month, "Which goal moved?": the first prompt that goes out in a month (on the participant's date)
 * to a placement with learning goals carries the button, whatever the programme's rhythm, and keeps it when it is
 * snoozed (the reminder) or answered (the answered card). A prompt skipped after it went out no longer counts, so the
 * month's next prompt carries the button instead; a month in which no prompt goes out asks nothing.
 */
@Component
class MonthlyGoalQuestion {

	private final PromptOccurrences occurrences;
	private final MessageSource messages;

	MonthlyGoalQuestion(PromptOccurrences occurrences, MessageSource messages) {
		this.occurrences = occurrences;
		this.messages = messages;
	}

	/**
	 * The button, when this occurrence is the first to go out in its month (of two that went out at the same instant,
	 * the one due first).
	 * @param sentAt when it went out (or goes out now)
	 */
	Optional<ChatMessage.Button> button(Placement placement, String occurrenceId, LocalDate dueDate, Instant sentAt,
			Locale locale) {
		if (placement.getLearningGoals().isEmpty()) {
			return Optional.empty();
		}
		YearMonth month = YearMonth.from(placement.dateAt(sentAt));
		boolean earlier = occurrences.goingOutBetween(placement.getId(), sentAt.minus(Duration.ofDays(32)), sentAt)
			.stream()
			.filter(o -> !o.getId().equals(occurrenceId) && YearMonth.from(placement.dateAt(wentOut(o))).equals(month))
			.anyMatch(o -> wentOut(o).isBefore(sentAt) || o.getDueDate().isBefore(dueDate));
		if (earlier) {
			return Optional.empty();
		}
		return Optional.of(ChatMessage.Button.of(GoalButtons.MOVED,
				messages.getMessage("goalProgress.button", null, locale), GoalButtons.value(placement.getId(), month)));
	}

	/** When it went out; when it is still in the outbox, when it was claimed. */
	private static Instant wentOut(PromptOccurrence occurrence) {
		return occurrence.getSentAt() != null ? occurrence.getSentAt() : occurrence.getClaimedAt();
	}
}
