package org.fieldnotes.survey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A survey sent to a placement's participant. Inserting it is the claim: its id is the placement, the survey and the
 * moment (and the day, for one sent now), so each is sent once, whichever instance or retry gets there first. The
 * outbox has it as {@code survey:<id>}; the "Answer the survey" button's value is the id.
 */
@Document("survey_sends")
record SurveySend(@Id String id, @Indexed String placementId, String personId, String program, String surveyId,
		String moment, Instant sentAt) {

	@PersistenceCreator
	SurveySend {
	}

	static String idOf(String placementId, String surveyId, SurveyMoment moment, String day) {
		return placementId + ":" + surveyId + ":" + moment.fileName() + (day == null ? "" : ":" + day);
	}
}
