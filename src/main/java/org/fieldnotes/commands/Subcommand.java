package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;

/**
 * One {@code /fieldnotes} subcommand, e.g. {@code log}. Each is a Spring bean of its own; {@link Commands} finds it
 * by {@link #name()} and lists it in the help (texts {@code help.<name>.usage} and {@code help.<name>}). Who may run
 * it is {@link org.fieldnotes.access.AccessPolicy}'s to decide, by the {@link org.fieldnotes.access.Operation} of
 * the same name; others get a polite refusal and do not see it in the help.
 */
public interface Subcommand {

	/** What follows {@code /fieldnotes}, lower case. */
	String name();

	/** Position in the help: lower first. */
	int helpOrder();

	ChatMessage run(Invocation invocation);

	/**
	 * Whether running it may take long because it calls the chat platform (e.g. sends a message), so that the chat
	 * adapter should acknowledge the command first (Slack wants an answer within 3 seconds) and deliver the answer
	 * afterwards. A refusal is answered at once either way.
	 */
	default boolean answersAfterAck() {
		return false;
	}
}
