package org.fieldnotes.prompting;

/**
 * The action ids of a prompt's buttons. Each button's value is the id of the prompt occurrence it acts on; chat
 * adapters route on these ids and hand the value to {@link PromptResponses}.
 */
public final class PromptButtons {

	/** Opens the reflection form: one text field per question. */
	public static final String WRITE = "prompt_write";
	/** Opens the status-update form (the primary button of a {@value #STATUS_CHECK_KIND} prompt). */
	public static final String STATUS = "prompt_status";
	/** Brings the prompt back in {@link PromptResponses#SNOOZE}. */
	public static final String SNOOZE = "prompt_snooze";
	/** Skips this week's prompt. */
	public static final String SKIP = "prompt_skip";
	/** The prompt kind that is answered with a status update instead of a reflection. */
	public static final String STATUS_CHECK_KIND = "status-check";

	private PromptButtons() {
	}
}
