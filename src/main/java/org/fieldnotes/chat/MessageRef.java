package org.fieldnotes.chat;

/**
 * A message's natural key on its platform: the conversation and the message timestamp. Slack may deliver the same
 * message under several event ids, but (channel, ts) is always the same.
 */
public record MessageRef(String platform, String channel, String ts) {

	/** One string that is unique per message across platforms, e.g. {@code slack:D012:1700000000.000100}. */
	public String key() {
		return platform + ":" + channel + ":" + ts;
	}
}
