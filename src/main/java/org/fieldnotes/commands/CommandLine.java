package org.fieldnotes.commands;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed command: the subcommand (lower-case) and the rest of the text as typed.
 */
public record CommandLine(String name, String rest) {

	private static final Pattern MENTION = Pattern.compile("@([UW][A-Z0-9]{2,})");

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

	/** The member id of the one person mentioned, e.g. {@code @U012ABC}. */
	public Optional<String> mention() {
		Matcher matcher = MENTION.matcher(rest);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}
}
