package org.fieldnotes.mail;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Image;

/**
 * An e-mail to one person: the message is rendered as HTML and plain text in the given language, with its images
 * inline (after the message, each with its alt text; the plain text carries the alt text instead).
 *
 * @param toAddress the recipient's e-mail address
 * @param toName the recipient's display name, or {@literal null}
 * @param locale the language of the e-mail's own words (its {@code lang} and footer)
 * @param subject the subject line, already in the recipient's language
 * @param images pictures to show inline, in order, e.g. charts; may be empty
 */
public record Mail(String toAddress, String toName, Locale locale, String subject, ChatMessage message,
		List<Image> images) {

	public Mail {
		images = images == null ? List.of() : List.copyOf(images);
	}

	/** An e-mail without images. */
	public Mail(String toAddress, String toName, Locale locale, String subject, ChatMessage message) {
		this(toAddress, toName, locale, subject, message, List.of());
	}
}
