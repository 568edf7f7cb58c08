package org.fieldnotes.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One placement-week of a programme, for evaluators: counts and colours, never anyone's words or name.
 *
 * @param participant the participant's Fieldnotes person id: a pseudonym (an opaque id, not the name)
 * @param week the placement week (1 = the start date and the six days after it)
 * @param weekStart the first day of that week
 * @param promptsSent prompts due that week that were delivered
 * @param promptsAnswered of those, how many were answered
 * @param response whether the participant answered a prompt that week
 * @param status the colour ({@code green}, {@code amber}, {@code red}) of the week's latest status update the reader
 * may read; {@literal null} when there is none (or none shared with coordinators)
 * @param mood that update's mood (1–5), under the same rule
 * @param flags the needs-attention flags the digest would have raised at the end of the week, by kind
 * @param followUp the placement's follow-up (the "effects" question some months after the end), on its last row
 * only; {@literal null} on the others, so that a column's sum counts each placement once
 * @param signOff the host manager's rating of the week ({@code green}, {@code amber}, {@code red}) where it was
 * signed off, else {@literal null}; never the comment
 * @param hours the hours logged for the week's days, in decimal hours; {@literal null} when the programme counts
 * no time and the placement logged none
 */
public record EvaluationRow(String placementId, String participant, String programme, String host, int week,
		LocalDate weekStart, int promptsSent, int promptsAnswered, boolean response, String status, Integer mood,
		List<String> flags, FollowUp followUp, String signOff, BigDecimal hours) {

	/** The CSV's header, in column order (documented in docs/admins.md). */
	public static final List<String> COLUMNS = List.of("placement_id", "participant", "programme", "host", "week",
			"week_start", "prompts_sent", "prompts_answered", "response", "status", "mood", "flags",
			"follow_up_sent", "follow_up_answered", "follow_up_shared", "signoff", "hours");

	public EvaluationRow {
		flags = List.copyOf(flags);
	}

	/** A row that is not its placement's last (no follow-up figures). */
	public EvaluationRow(String placementId, String participant, String programme, String host, int week,
			LocalDate weekStart, int promptsSent, int promptsAnswered, boolean response, String status, Integer mood,
			List<String> flags) {
		this(placementId, participant, programme, host, week, weekStart, promptsSent, promptsAnswered, response,
				status, mood, flags, null, null, null);
	}

	/** The same row with the week's sign-off rating, if any. */
	EvaluationRow withSignOff(String rating) {
		return new EvaluationRow(placementId, participant, programme, host, week, weekStart, promptsSent,
				promptsAnswered, response, status, mood, flags, followUp, rating, hours);
	}

	/** The same row with the hours logged in the week. */
	EvaluationRow withHours(BigDecimal weekHours) {
		return new EvaluationRow(placementId, participant, programme, host, week, weekStart, promptsSent,
				promptsAnswered, response, status, mood, flags, followUp, signOff, weekHours);
	}

	/** The same row with the placement's follow-up figures (its last row). */
	EvaluationRow withFollowUp(FollowUp followUp) {
		return new EvaluationRow(placementId, participant, programme, host, week, weekStart, promptsSent,
				promptsAnswered, response, status, mood, flags, followUp, signOff, hours);
	}

	List<Object> values() {
		return List.of(placementId, participant, programme, host, week, weekStart.toString(), promptsSent,
				promptsAnswered, response ? "yes" : "no", status == null ? "" : status, mood == null ? "" : mood,
				String.join(";", flags), followUp == null ? "" : followUp.sent(),
				followUp == null ? "" : followUp.answered(), followUp == null ? "" : followUp.shared(),
				signOff == null ? "" : signOff, hours == null ? "" : hours.toPlainString());
	}

	/**
	 * A placement's follow-up in numbers, never its words.
	 *
	 * @param sent follow-up prompts delivered (0 or 1; 0 until some months after the end)
	 * @param answered of those, how many were answered (whatever the answer's visibility, as {@code prompts_answered})
	 * @param shared answers to them the reader may read (for a coordinator: shared with the coaches or the whole
	 * placement; never a private or confidential one)
	 */
	public record FollowUp(int sent, int answered, int shared) {
	}
}
