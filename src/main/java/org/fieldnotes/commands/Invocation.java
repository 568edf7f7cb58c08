package org.fieldnotes.commands;

import java.util.Locale;
import java.util.Optional;

/**
 * A subcommand as someone typed it: who, what, and the language to answer in.
 *
 * @param userId the sender's member id
 * @param line the parsed command line
 * @param locale the sender's language
 */
public record Invocation(String userId, CommandLine line, Locale locale) {

	/** The text after the subcommand's name. */
	public String rest() {
		return line.rest();
	}

	/** The member id of the one person mentioned ({@code @U…}), if any. */
	public Optional<String> mention() {
		return line.mention();
	}
}
