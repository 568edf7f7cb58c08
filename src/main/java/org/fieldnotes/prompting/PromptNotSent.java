package org.fieldnotes.prompting;

/**
 * A prompt could not be sent now, for a reason the caller can act on (paused, nothing left to send).
 */
public class PromptNotSent extends RuntimeException {

	public PromptNotSent(String message) {
		super(message);
	}
}
