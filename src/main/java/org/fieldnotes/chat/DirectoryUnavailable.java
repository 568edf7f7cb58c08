package org.fieldnotes.chat;

/**
 * The chat platform could not tell who someone is. {@link #reason()} is the platform's short error code, safe to log.
 */
public class DirectoryUnavailable extends RuntimeException {

	private final String reason;

	public DirectoryUnavailable(String reason, Throwable cause) {
		super("People directory unavailable: " + reason, cause);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}
}
