package org.fieldnotes.chat;

/**
 * What a person's action opens: a form, or instead a short answer for that person only, saying why there is none
 * (e.g. "This prompt is closed").
 */
public record FormOpening(Form form, ChatMessage instead) {

	public static FormOpening of(Form form) {
		return new FormOpening(form, null);
	}

	public static FormOpening instead(ChatMessage answer) {
		return new FormOpening(null, answer);
	}

	/** Whether there is a form to open. */
	public boolean opens() {
		return form != null;
	}
}
