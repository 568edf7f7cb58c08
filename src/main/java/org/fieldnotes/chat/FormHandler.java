package org.fieldnotes.chat;

import java.util.Set;

/**
 * Handles the submissions of the forms a feature module shows. Each platform adapter hands every submission of a
 * form whose {@link Form#id()} is one of {@link #formIds()} to its handler, and renders the outcome.
 */
public interface FormHandler {

	/** The ids of the forms this handler takes. */
	Set<String> formIds();

	/**
	 * Checks and stores a submission. Runs before the platform is answered, so it must be quick; slow work goes in
	 * {@link FormOutcome#then()}.
	 * @param member who submitted it: their account on the platform
	 */
	FormOutcome submit(ChatAccount member, FormSubmission submission);
}
