package org.fieldnotes.survey;

import java.util.Arrays;
import java.util.Optional;

/** When a survey is sent: with a placement's prompt of a phase, or now, by a coordinator. */
public enum SurveyMoment {
	/** With the first week's prompt. */
	START("start"),
	/** With the midpoint prompt, or the first review's in a placement that has reviews instead. */
	MID("mid"),
	/** With the last week's prompt. */
	END("end"),
	/** With the follow-up prompt, months after the end. */
	FOLLOW_UP("follow-up"),
	/** Sent by a coordinator ({@code POST …/surveys/{id}:send}, {@code /fieldnotes survey}); not a file value. */
	NOW("now");

	private final String fileName;

	SurveyMoment(String fileName) {
		this.fileName = fileName;
	}

	/** As written in a survey file's {@code when} and in the export. */
	public String fileName() {
		return fileName;
	}

	/** The moment a survey file may name ({@link #NOW} is not one). */
	static Optional<SurveyMoment> fromFileName(String name) {
		return Arrays.stream(values()).filter(m -> m != NOW && m.fileName.equals(name)).findFirst();
	}
}
