package org.fieldnotes.delivery;

import java.util.Optional;

import org.fieldnotes.chat.SentMessage;

/**
 * What became of a message handed to {@link Outbox#send}: sent now, queued (it will be retried or is being sent by
 * someone else), or given up.
 */
public record Delivery(String key, OutboxStatus status, SentMessage sent, String failure) {

	public Optional<SentMessage> sentMessage() {
		return Optional.ofNullable(sent);
	}

	public boolean isSent() {
		return status == OutboxStatus.SENT;
	}

	static Delivery of(OutboxMessage message) {
		SentMessage sent = message.channel() == null ? null
				: new SentMessage(message.account(), message.channel(), message.ts());
		return new Delivery(message.key(), message.status(), sent, message.failure());
	}
}
