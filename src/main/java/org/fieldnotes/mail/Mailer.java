package org.fieldnotes.mail;

/**
 * Sends e-mail. Without a mail server configured it sends nothing: callers ask {@link #configured()} first.
 */
public interface Mailer {

	/** Whether a mail server is configured ({@code SPRING_MAIL_HOST}). */
	boolean configured();

	/**
	 * Sends one e-mail with an HTML and a plain-text part.
	 * @throws MailFailed when the mail server is unreachable, refuses the message or the address is invalid
	 */
	SentMail send(Mail mail);
}
