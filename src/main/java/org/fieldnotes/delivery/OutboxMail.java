package org.fieldnotes.delivery;

/**
 * Where an outbound message goes when it goes by e-mail: the address and name, the language of the e-mail's own
 * words (a BCP 47 tag, e.g. {@code sv}) and the subject. The body and inline images are the outbox message's.
 */
public record OutboxMail(String address, String name, String languageTag, String subject) {
}
