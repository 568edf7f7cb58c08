package org.fieldnotes.slack.listeners.commands;

import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;

/**
 * A {@code /fieldnotes} subcommand that opens a Slack form (a modal) instead of answering in text, e.g. {@code enroll}
 * with no arguments. Checked before the command goes to the platform-neutral dispatcher, because only the slash
 * command carries the {@code trigger_id} that {@code views.open} needs (valid for 3 seconds).
 */
public interface SlashCommandForm {

	/** Whether this form answers what the person typed after {@code /fieldnotes} (mentions as {@code @U…}). */
	boolean opens(ChatAccount member, String text);

	/**
	 * Opens the form.
	 * @return an answer to show instead when the form could not be opened; empty when it is open
	 */
	Optional<ChatMessage> open(String triggerId, ChatAccount member);
}
