package org.fieldnotes.mail;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;

/**
 * An e-mail to one person: the message is rendered as HTML and plain text in the given language.
 *
 * @param toAddress the recipient's e-mail address
 * @param toName the recipient's display name, or {@literal null}
 * @param locale the language of the e-mail's own words (its {@code lang} and footer)
 * @param subject the subject line, already in the recipient's language
 */
public record Mail(String toAddress, String toName, Locale locale, String subject, ChatMessage message) {
}
