package org.fieldnotes.delivery;

import java.time.Instant;
import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Image;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One outbound message in the {@code outbox}. Its {@code key} is unique: enqueuing the same thing twice (a retried
 * job, a second instance) finds the first. The body is kept only until it is delivered or given up.
 *
 * @param key what the message is, e.g. {@code prompt:<occurrence id>}; the idempotency key
 * @param kind what sort of message, for the sender's bookkeeping and the figures
 * @param ref the id of the thing it is about (an occurrence, a digest record), handed back in the delivery events
 * @param recipient who it is for: a person id, or {@code email:<address>} for an e-mail
 * @param account the chat account it goes to; {@literal null} for an e-mail
 * @param message the body; {@literal null} once delivered or given up
 * @param images pictures shared in the message's thread after it (e.g. a digest's charts); best effort
 * @param attempts how many times a send was started
 * @param nextAttemptAt a {@link OutboxStatus#PENDING} message is not sent before this
 * @param owner the instance holding the lease of a {@link OutboxStatus#SENDING} message
 * @param leaseUntil when that lease runs out and another instance may take the message over
 * @param failedAt when it was given up
 * @param mail set when it goes by e-mail instead of chat; then {@code recipient} is {@code email:<address>}
 * @param recipientGone given up because the person's account is deleted or deactivated
 * @param ambiguousAttempts attempts whose outcome is unknown, so that the message may have reached the person once
 * more than its status shows: a send that failed after the request went out (no answer, or an error after which
 * the platform may have acted), a message cut off after its first part, or a claim taken over when its lease ran
 * out (its holder may have sent it). Kept when the message is settled.
 */
@Document("outbox")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "lease", def = "{'status': 1, 'leaseUntil': 1}")
record OutboxMessage(@Id String id, @Indexed(unique = true) String key, MessageKind kind, String ref,
		@Indexed String recipient, ChatAccount account, ChatMessage message, List<Image> images, OutboxStatus status,
		int attempts,
		Instant createdAt, Instant nextAttemptAt, String owner, Instant leaseUntil, Instant sentAt, String channel,
		String ts, String failure, Instant failedAt, OutboxMail mail, Boolean recipientGone,
		Integer ambiguousAttempts) {

	@PersistenceCreator
	OutboxMessage {
		images = images == null ? List.of() : List.copyOf(images);
		// absent on messages that were never given up (and on those stored before it existed)
		recipientGone = Boolean.TRUE.equals(recipientGone);
		// absent on messages stored before it existed
		ambiguousAttempts = ambiguousAttempts == null ? 0 : ambiguousAttempts;
	}

	/**
	 * Where a rate limit on this message holds: its account's platform and workspace ({@code slack/T012}), or
	 * {@code email}.
	 */
	String scope() {
		return account == null ? OutboxWorker.EMAIL_CHANNEL : account.scope();
	}

	/** A message none of whose attempts had an unknown outcome (yet). */
	OutboxMessage(String id, String key, MessageKind kind, String ref, String recipient, ChatAccount account,
			ChatMessage message, List<Image> images, OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
			String owner, Instant leaseUntil, Instant sentAt, String channel, String ts, String failure,
			Instant failedAt, OutboxMail mail, Boolean recipientGone) {
		this(id, key, kind, ref, recipient, account, message, images, status, attempts, createdAt, nextAttemptAt,
				owner, leaseUntil, sentAt, channel, ts, failure, failedAt, mail, recipientGone, 0);
	}

	/** This message as it is once claimed: being sent by {@code owner} until {@code leaseUntil}, one attempt more. */
	OutboxMessage claimedBy(String owner, Instant leaseUntil) {
		return new OutboxMessage(id, key, kind, ref, recipient, account, message, images, OutboxStatus.SENDING,
				attempts + 1,
				createdAt, nextAttemptAt, owner, leaseUntil, sentAt, channel, ts, failure, failedAt, mail,
				recipientGone, ambiguousAttempts);
	}

	/** The same message with one more attempt of unknown outcome. */
	OutboxMessage withAmbiguousAttempt() {
		return new OutboxMessage(id, key, kind, ref, recipient, account, message, images, status, attempts, createdAt,
				nextAttemptAt, owner, leaseUntil, sentAt, channel, ts, failure, failedAt, mail, recipientGone,
				ambiguousAttempts + 1);
	}
}
