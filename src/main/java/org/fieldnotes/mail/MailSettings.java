package org.fieldnotes.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every e-mail ({@code FIELDNOTES_MAIL_FROM}), e.g. {@code Fieldnotes <fieldnotes@example.org>}
 */
@ConfigurationProperties("fieldnotes.mail")
record MailSettings(@DefaultValue("Fieldnotes <fieldnotes@localhost>") String from) {
}
