package org.fieldnotes.mail;

/** @param messageId the {@code Message-ID} header of the sent e-mail, or {@literal null} if unknown */
public record SentMail(String messageId) {
}
