package org.fieldnotes.digest;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.links.ResponseLinks;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.ResponseButtons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What follows an entry quoted in a digest so its reader can close the loop: Acknowledge and Reply buttons for a
 * recipient on chat; for a recipient by e-mail, a link to the signed page where they can do the same (none when
 * {@code FIELDNOTES_PUBLIC_URL} is not set).
 */
@Component
class EntryActions {

	private final MessageSource messages;
	private final ResponseLinks links;

	EntryActions(MessageSource messages, ResponseLinks links) {
		this.messages = messages;
		this.links = links;
	}

	void addTo(ChatMessage.Builder message, Recipient recipient, LogbookEntry entry, Locale locale) {
		if (!recipient.byEmail()) {
			message.buttons(Button.of(ResponseButtons.ACKNOWLEDGE, text("replies.button.acknowledge", locale), entry.id()),
					Button.of(ResponseButtons.REPLY, text("replies.button.reply", locale), entry.id()));
			return;
		}
		links.linkFor(entry.id(), recipient.key()).ifPresent(url -> message.link(
				messages.getMessage("replies.link", new Object[] { links.validDays() }, locale), url));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
