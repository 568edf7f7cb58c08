package org.fieldnotes.digest;

/**
 * How a recipient gets their digest: a direct message on their chat platform (stored as {@code SLACK} before
 * people could have other platforms; migrated), or an e-mail.
 */
public enum DigestChannel {
	CHAT, EMAIL
}
