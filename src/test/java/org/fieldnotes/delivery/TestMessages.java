package org.fieldnotes.delivery;

import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;

/** Outbound messages for tests of the outbox, addressed straight to a Slack member (their id as the recipient). */
public final class TestMessages {

	private TestMessages() {
	}

	/** A chat message to the Slack member with this id (the recipient is recorded as that id). */
	public static Outgoing toMember(String key, MessageKind kind, String ref, String memberId, ChatMessage message) {
		return new Outgoing(key, kind, ref, memberId, new ChatAccount("slack", null, memberId), message, List.of(),
				null);
	}

	/** The same, to a member of a given workspace. */
	public static Outgoing toMember(String key, MessageKind kind, String ref, String workspace, String memberId,
			ChatMessage message) {
		return new Outgoing(key, kind, ref, memberId, new ChatAccount("slack", workspace, memberId), message,
				List.of(), null);
	}
}
