package org.fieldnotes.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.fieldnotes.prompting.PromptHistory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The digest's own words and dates in the reader's language (texts in {@code i18n/digest} and {@code i18n/roles}). */
@Component
class DigestTexts {

	private final MessageSource messages;
	private final PromptHistory prompts;

	DigestTexts(MessageSource messages, PromptHistory prompts) {
		this.messages = messages;
		this.prompts = prompts;
	}

	String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** A prompt's title in the reader's language, or its id when the library no longer has it. */
	String promptTitle(String promptId, Locale locale) {
		return prompts.prompt(promptId).map(p -> p.title(locale)).orElse(promptId);
	}

	/** e.g. "Fri 27 Nov", in the reader's time zone. */
	String day(Instant at, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofPattern("EEE d MMM", locale).format(at.atZone(zone));
	}

	/** e.g. "16 Nov". */
	String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofPattern("d MMM", locale).format(date);
	}
}
