package org.fieldnotes.survey;

/**
 * The action id of a survey message's button. Its value is the id of the sent survey; chat adapters route on the
 * id and hand the value to {@link SurveyForms#open}.
 */
public final class SurveyButtons {

	/** "Answer the survey": opens the survey's form. */
	public static final String OPEN = "survey_open";

	private SurveyButtons() {
	}
}
