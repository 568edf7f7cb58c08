package org.fieldnotes.prompting;

/** Someone acted on a prompt that was sent to another participant. */
public class NotYourPrompt extends RuntimeException {

	public NotYourPrompt() {
		super("This prompt belongs to another participant");
	}
}
