package org.fieldnotes.commands;

import java.util.Locale;

/**
 * A parsed command: the subcommand (lower-case) and the rest of the text as typed. Who is mentioned in it is the
 * chat platform's to read ({@link org.fieldnotes.chat.AccountReferences}).
 */
public record CommandLine(String name, String rest) {

	static CommandLine parse(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.isEmpty()) {
			return new CommandLine("help", "");
		}
		int space = trimmed.indexOf(' ');
		String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
		String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
		return new CommandLine(name, rest);
	}
}
