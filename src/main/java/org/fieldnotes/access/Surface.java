package org.fieldnotes.access;

/** Where an {@link Operation} comes in. */
public enum Surface {
	/** The slash command itself, {@code /fieldnotes}. */
	SLASH_COMMAND,
	/** A {@code /fieldnotes} subcommand, by name (e.g. {@code log}); a few variants are named by their usage. */
	SUBCOMMAND,
	/** A Bolt block action, by action id (a regular expression where Bolt registers one). */
	ACTION,
	/** A Bolt view submission, by callback id. */
	VIEW_SUBMISSION,
	/** A message shortcut, by callback id. */
	SHORTCUT,
	/** An Events API event, by Bolt's key: {@code type} or {@code type:subtype}. */
	EVENT,
	/** An HTTP endpoint, as {@code METHOD /path/{pattern}}. */
	HTTP,
	/** Not a request: something the app does for a person (e.g. showing them an entry). */
	INTERNAL
}
