package org.fieldnotes.digest;

import java.time.ZoneId;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.springframework.stereotype.Component;

/**
 * Quotes logbook entries in a digest: the one place an entry's words are put into a digest (so whatever goes with
 * a quoted entry, such as buttons to acknowledge or answer it, is added here). The words go in as they were
 * written; the renderers escape them.
 */
@Component
class EntryQuotes {

	private final DigestTexts texts;
	private final EntryActions actions;

	EntryQuotes(DigestTexts texts, EntryActions actions) {
		this.texts = texts;
		this.actions = actions;
	}

	/**
	 * Quotes one entry the reader may read, with a line saying when it was written, what it answers and, for an
	 * entry confidential to the academic coach, that it is confidential to them.
	 * @throws IllegalArgumentException when the reader's role may not read the entry (a bug upstream)
	 */
	void quote(ChatMessage.Builder message, Recipient recipient, LogbookEntry entry, Role reader, Locale locale,
			ZoneId zone) {
		if (!entry.readableBy(reader)) {
			throw new IllegalArgumentException("Entry " + entry.id() + " is not readable by " + reader);
		}
		String when = texts.day(entry.createdAt(), zone, locale);
		String attribution = entry.source() == EntrySource.PROMPT_REPLY && entry.promptId() != null
				? texts.t("digest.entry.reply", locale, when, texts.promptTitle(entry.promptId(), locale))
				: texts.t("digest.entry.freeForm", locale, when);
		if (entry.visibility() == Visibility.CONFIDENTIAL) {
			attribution = texts.t("roles.entry.confidential", locale, attribution);
		}
		message.quote(attribution, entry.text());
		actions.addTo(message, recipient, entry, locale);
	}
}
