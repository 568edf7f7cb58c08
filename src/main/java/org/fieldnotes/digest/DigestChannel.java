package org.fieldnotes.digest;

/** How a recipient gets their digest: a direct message on the chat platform, or an e-mail. */
public enum DigestChannel {
	SLACK, EMAIL
}
