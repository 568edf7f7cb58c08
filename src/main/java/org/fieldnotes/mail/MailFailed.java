package org.fieldnotes.mail;

/**
 * An e-mail was not sent. {@link #reason()} is the class name of what went wrong (e.g. {@code MailSendException}),
 * never an address or a person's words, so it can be stored and shown.
 */
public class MailFailed extends RuntimeException {

	private final String reason;
	private final boolean retryable;

	public MailFailed(String reason, Throwable cause) {
		this(reason, false, cause);
	}

	/** @param retryable the mail server could not be reached or did not take the message now; later it may */
	public MailFailed(String reason, boolean retryable, Throwable cause) {
		super("E-mail not sent: " + reason, cause);
		this.reason = reason;
		this.retryable = retryable;
	}

	public String reason() {
		return reason;
	}

	public boolean retryable() {
		return retryable;
	}
}
