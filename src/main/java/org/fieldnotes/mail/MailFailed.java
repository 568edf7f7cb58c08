package org.fieldnotes.mail;

/**
 * An e-mail was not sent. {@link #reason()} is the class name of what went wrong (e.g. {@code MailSendException}),
 * never an address or a person's words, so it can be stored and shown.
 */
public class MailFailed extends RuntimeException {

	private final String reason;

	public MailFailed(String reason, Throwable cause) {
		super("E-mail not sent: " + reason, cause);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}
}
