package org.fieldnotes.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One answer to one survey question, for evaluators: the participant as their pseudonymous person id (as in
 * {@link EvaluationRow}), never a name.
 *
 * @param moment {@code start}, {@code mid}, {@code end}, {@code follow-up}, or {@code now} (sent by a coordinator)
 * @param type {@code likert}, {@code single}, {@code multiple} or {@code text}
 * @param value the likert number (1–5), the option id, the option ids joined by {@code ;}, or the free text when the
 * survey shares it ({@code shareText: true}); empty for free text it does not share
 * @param answered the day the answers were (last) sent, in the participant's time zone
 */
public record SurveyAnswerRow(String placementId, String participant, String programme, String survey,
		String moment, String question, String type, String value, LocalDate answered) {

	/** The CSV's header, in column order (documented in docs/admins.md). */
	public static final List<String> COLUMNS = List.of("placement_id", "participant", "programme", "survey",
			"moment", "question", "type", "value", "answered_date");

	List<Object> values() {
		return List.of(placementId, participant, programme, survey, moment, question, type, value,
				answered.toString());
	}
}
