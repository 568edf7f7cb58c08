package org.fieldnotes.commands;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Span;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts for command answers, in the person's language, and the shape of an answer to bad input: what was wrong,
 * then the usage line.
 */
@Component
public class Replies {

	private final MessageSource messages;

	Replies(MessageSource messages) {
		this.messages = messages;
	}

	public String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	public ChatMessage text(String key, Locale locale, Object... args) {
		return ChatMessage.text(t(key, locale, args));
	}

	/** "⚠ {problem}" and the subcommand's usage line. */
	public ChatMessage usage(String problem, String command, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(t("command.usage", locale, t("help." + command + ".usage", locale)))
			.build();
	}
}
