package org.fieldnotes.prompting;

/**
 * A prompt file is malformed; start-up stops with this message, which names the file and what is wrong.
 */
public class PromptFileInvalid extends RuntimeException {

	PromptFileInvalid(String file, String problem) {
		super("Prompt file " + file + ": " + problem);
	}
}
