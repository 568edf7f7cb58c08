package org.fieldnotes.slack.views;

import java.util.Locale;

import org.fieldnotes.placement.PlacementManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** UI texts for Slack views and answers, in the language of the person who sees them. */
@Component
public class SlackTexts {

	private final MessageSource messages;
	private final PlacementManagement placements;

	SlackTexts(MessageSource messages, PlacementManagement placements) {
		this.messages = messages;
		this.placements = placements;
	}

	public String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** The person's language as their placement records it (English when they have none). */
	public Locale localeOf(String userId) {
		return placements.languageOf(userId).orElse(Locale.ENGLISH);
	}
}
