package org.fieldnotes.slack.views;

import java.util.Locale;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.placement.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** UI texts for Slack views and answers, in the language of the person who sees them. */
@Component
public class SlackTexts {

	private final MessageSource messages;
	private final Languages languages;

	SlackTexts(MessageSource messages, Languages languages) {
		this.messages = messages;
		this.languages = languages;
	}

	public String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** The language of whoever has this account (see {@link Languages}). */
	public Locale localeOf(ChatAccount account) {
		return languages.of(account);
	}
}
