package org.fieldnotes.prompting;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Preferences;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a prompt as a chat message in the participant's language.
 */
@Component
class PromptComposer {

	private final MessageSource messages;
	private final Preferences preferences;

	PromptComposer(MessageSource messages, Preferences preferences) {
		this.messages = messages;
		this.preferences = preferences;
	}

	ChatMessage compose(Placement placement, Prompt prompt, Due due) {
		Locale locale = preferences.languageOf(placement.getParticipant());
		String title = prompt.title(locale);
		String context = due.phase() == PromptPhase.FOLLOW_UP
				? text("prompt.context.followUp", locale, placement.getHostOrganisation(), title)
				: text("prompt.context", locale, placement.weekOf(due.date()), placement.weeks(),
						placement.getHostOrganisation(), title);
		return ChatMessage.builder(title + ": " + prompt.intro(locale))
			.context(context)
			.paragraph(text("prompt.greeting", locale, firstName(placement.getParticipant().name()),
					prompt.intro(locale)))
			.items(prompt.questions().stream().map(q -> new Item(q.label(locale), q.text(locale))).toList())
			.context(text("prompt.howToAnswer", locale))
			.build();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String firstName(String name) {
		String trimmed = name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}
}
