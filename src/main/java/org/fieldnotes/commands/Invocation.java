package org.fieldnotes.commands;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;

/**
 * A subcommand as someone typed it: who, what, and the language to answer in.
 *
 * @param caller the sender's chat account
 * @param actor the sender as the audit trail names them (their person id, else their account)
 * @param line the parsed command line
 * @param locale the sender's language
 * @param mentions the members mentioned in the text, in order (read by the caller's platform adapter)
 */
public record Invocation(ChatAccount caller, String actor, CommandLine line, Locale locale,
		List<ChatAccount> mentions) {

	public Invocation {
		mentions = mentions == null ? List.of() : List.copyOf(mentions);
	}

	/** The text after the subcommand's name. */
	public String rest() {
		return line.rest();
	}

	/** The one person mentioned (the first), if any. */
	public Optional<ChatAccount> mention() {
		return mentions.stream().findFirst();
	}
}
