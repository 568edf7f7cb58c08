package org.fieldnotes.commands;

import java.util.Locale;
import java.util.Set;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Preferences;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes language sv|en}: the language Fieldnotes uses for everything it writes to this person
 * (command answers, prompts, reminders, digests), whatever their placement says.
 */
@Component
class LanguageCommand implements Subcommand {

	private static final Set<String> LANGUAGES = Set.of("en", "sv");

	private final Preferences preferences;
	private final Replies replies;

	LanguageCommand(Preferences preferences, Replies replies) {
		this.preferences = preferences;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "language";
	}

	@Override
	public int helpOrder() {
		return 50;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		String language = invocation.rest().strip().toLowerCase(Locale.ROOT);
		if (language.isEmpty()) {
			return replies.usage(replies.t("language.current", invocation.locale()), name(), invocation.locale());
		}
		if (!LANGUAGES.contains(language)) {
			return replies.usage(replies.t("language.unknown", invocation.locale(), invocation.rest().strip()),
					name(), invocation.locale());
		}
		preferences.setLanguage(invocation.caller(), language);
		return replies.text("language.set", Locale.forLanguageTag(language));
	}
}
