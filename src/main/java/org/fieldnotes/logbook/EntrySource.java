package org.fieldnotes.logbook;

/** How an entry came in. */
public enum EntrySource {
	/** A reply to a prompt. */
	PROMPT_REPLY,
	/** Written without a prompt: a DM with no recent prompt, or {@code /fieldnotes log}. */
	FREE_FORM
}
