package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;

/**
 * One {@code /fieldnotes} subcommand, e.g. {@code log}. Each is a Spring bean of its own; {@link Commands} finds it
 * by {@link #name()} and lists it in the help (texts {@code help.<name>.usage} and {@code help.<name>}).
 */
public interface Subcommand {

	/** What follows {@code /fieldnotes}, lower case. */
	String name();

	/** Only for admins (programme coordinators); others get a polite refusal and do not see it in the help. */
	default boolean adminOnly() {
		return false;
	}

	/** Position in the help: lower first. */
	int helpOrder();

	ChatMessage run(Invocation invocation);
}
