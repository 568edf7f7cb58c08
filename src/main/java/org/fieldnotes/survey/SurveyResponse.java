package org.fieldnotes.survey;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's answers to one sent survey, stored as data: one document per sent survey (its id is the
 * {@link SurveySend}'s), so that a second submission replaces the first in one atomic write and nothing is ever
 * half-saved.
 *
 * @param moment {@code start}, {@code mid}, {@code end}, {@code follow-up}, or {@code now}
 */
@Document("survey_answers")
public record SurveyResponse(@Id String id, @Indexed String placementId, String personId, String program,
		String surveyId, String moment, Instant answeredAt, List<Answer> answers) {

	@PersistenceCreator
	public SurveyResponse {
		answers = answers == null ? List.of() : List.copyOf(answers);
	}

	/**
	 * One question's answer.
	 *
	 * @param type {@code likert}, {@code single}, {@code multiple} or {@code text}
	 * @param number the likert value, 1–5; {@literal null} for other types
	 * @param options the option ids picked (one for single); empty for other types
	 * @param text the free text (type text); {@literal null} for other types
	 */
	public record Answer(String questionId, String type, Integer number, List<String> options, String text) {

		@PersistenceCreator
		public Answer {
			options = options == null ? List.of() : List.copyOf(options);
		}
	}
}
