package org.fieldnotes.chat;

/**
 * A delivered message: the account it went to (its platform routes what follows: an update, a picture in its
 * thread), its conversation and its platform timestamp/id.
 *
 * @param account the account it was sent to, or {@literal null} for an e-mail
 */
public record SentMessage(ChatAccount account, String channel, String ts) {

	/** The platform it was sent on, or {@literal null} for an e-mail. */
	public String platform() {
		return account == null ? null : account.platform();
	}
}
