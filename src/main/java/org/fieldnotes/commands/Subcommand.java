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
}
