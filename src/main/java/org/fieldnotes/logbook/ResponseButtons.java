package org.fieldnotes.logbook;

/**
 * The action ids of the buttons under an entry quoted in a digest; each button's value is the entry id. Chat
 * adapters route these to {@link Responses}.
 */
public final class ResponseButtons {

	/** "✓ Acknowledge": {@link Responses#acknowledge}. */
	public static final String ACKNOWLEDGE = "entry_acknowledge";
	/** "Reply": opens a form, then {@link Responses#reply}. */
	public static final String REPLY = "entry_reply";

	private ResponseButtons() {
	}
}
