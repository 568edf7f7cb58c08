package org.fieldnotes.delivery;

/** What an outbound message is. */
public enum MessageKind {
	PROMPT, PROMPT_AGAIN, REMINDER, DIGEST, NOTICE
}
