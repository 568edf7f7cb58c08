package org.fieldnotes.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.fieldnotes.prompting.PromptHistory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The reports' own words (bundle {@code i18n/report}) and dates, in the reader's language. */
@Component
public class ReportTexts {

	private final MessageSource messages;
	private final PromptHistory prompts;

	ReportTexts(MessageSource messages, PromptHistory prompts) {
		this.messages = messages;
		this.prompts = prompts;
	}

	public String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** A prompt's title in the reader's language, or its id when the library no longer has it. */
	public String promptTitle(String promptId, Locale locale) {
		return prompts.prompt(promptId).map(p -> p.title(locale)).orElse(promptId);
	}

	/** e.g. "4 Dec 2026". */
	public String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date);
	}
}
