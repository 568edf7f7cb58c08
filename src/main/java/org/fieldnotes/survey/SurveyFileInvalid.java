package org.fieldnotes.survey;

/**
 * A survey file is malformed; start-up stops with this message, which names the file and what is wrong.
 */
public class SurveyFileInvalid extends RuntimeException {

	SurveyFileInvalid(String file, String problem) {
		super("Survey file " + file + ": " + problem);
	}
}
