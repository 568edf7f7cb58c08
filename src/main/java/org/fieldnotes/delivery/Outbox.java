package org.fieldnotes.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Where every message Fieldnotes sends on its own goes: into the {@code outbox} first, under its idempotency key,
 * then out. {@link #send} delivers at once in the caller's thread when it can (so a prompt sent from a job or an
 * admin's command is out before the call returns) and leaves retries to the worker; {@link #enqueue} leaves it all
 * to the worker (for bulk sends). While a rate limit is in force for the message's platform workspace both only
 * queue (other workspaces are not held up). Either way the message is
 * in MongoDB before anything is sent, so a crash loses nothing, and the key makes a second enqueue of the same
 * thing a no-op.
 */
@Service
public class Outbox {

	private final OutboxStore store;
	private final OutboxWorker worker;
	private final Clock clock;

	Outbox(OutboxStore store, OutboxWorker worker, Clock clock) {
		this.store = store;
		this.worker = worker;
		this.clock = clock;
	}

	/**
	 * Writes the message to the outbox and sends it now. When a message with the same key is already there (sent,
	 * queued, or being sent by another thread or instance), nothing is sent and that one's state is returned.
	 * A store failure throws (as {@link #enqueue} does); if the message was written by then, it stays in the outbox
	 * under this instance's lease, and the worker takes it over and sends it when the lease runs out.
	 */
	public Delivery send(Outgoing outgoing) {
		String scope = scope(outgoing);
		if (worker.paused(scope)) {
			// rate limited: queue it for when the limit has passed, rather than make the platform say no again
			return queue(outgoing, worker.pausedUntil(scope));
		}
		Instant now = clock.instant();
		OutboxMessage claimed = message(outgoing, OutboxStatus.SENDING, 1, now, now, worker.owner(), worker.leaseFrom(now));
		Optional<OutboxMessage> inserted = store.insertOnce(claimed);
		if (inserted.isEmpty()) {
			return find(outgoing.key()).orElseThrow();
		}
		return Delivery.of(worker.deliver(inserted.get()));
	}

	/** Writes the message to the outbox for the worker to send; a no-op when its key is already there. */
	public Delivery enqueue(Outgoing outgoing) {
		return queue(outgoing, clock.instant());
	}

	/**
	 * {@link #enqueue} for many messages at once, in one write to the store (one commit and sync on a store that
	 * makes each write durable before it answers, rather than one per message). A message whose key is already there
	 * is left as it is, as {@link #enqueue} leaves it.
	 * @return the keys of the messages this call queued
	 */
	public List<String> enqueueAll(List<Outgoing> outgoing) {
		Instant now = clock.instant();
		return store.insertEach(outgoing.stream()
			.map(o -> message(o, OutboxStatus.PENDING, 0, now, now, null, null))
			.toList()).stream().map(OutboxMessage::key).toList();
	}

	private Delivery queue(Outgoing outgoing, Instant notBefore) {
		return store.insertOnce(message(outgoing, OutboxStatus.PENDING, 0, clock.instant(), notBefore, null, null))
			.map(Delivery::of)
			.orElseGet(() -> find(outgoing.key()).orElseThrow());
	}

	/** The state of the message with this key, if it was ever enqueued. */
	public Optional<Delivery> find(String key) {
		return store.find(key).map(Delivery::of);
	}

	/** The newest messages that were given up, for admins. */
	public List<FailedDelivery> failed(int limit) {
		return store.withStatus(OutboxStatus.FAILED, limit)
			.stream()
			.map(Outbox::failure)
			.toList();
	}

	/** The messages given up since then, oldest first. */
	public List<FailedDelivery> failedSince(Instant since) {
		return store.failedSince(since)
			.stream()
			.sorted(java.util.Comparator.comparing(OutboxMessage::failedAt))
			.map(Outbox::failure)
			.toList();
	}

	/**
	 * How many messages (of those still on record: 30 days after they were settled) had an attempt whose outcome is
	 * unknown — a send that got no answer, an error after which Slack may have posted it, a message cut off after its
	 * first part, a claim taken over after its lease ran out. Each may have reached the person once more than its
	 * status shows; every duplicate is among them.
	 */
	public long possiblyDuplicated() {
		return store.possiblyDuplicated();
	}

	/** How many messages are in each state. */
	public Map<OutboxStatus, Long> counts() {
		return store.counts();
	}

	private static FailedDelivery failure(OutboxMessage m) {
		boolean chat = m.account() != null;
		return new FailedDelivery(m.key(), m.kind(), m.ref(), chat ? m.account().memberId() : m.recipient(),
				chat ? m.recipient() : null, chat ? m.account().platform() : OutboxWorker.EMAIL_CHANNEL, m.failure(),
				m.attempts(), m.createdAt(), m.failedAt(), m.recipientGone());
	}

	private static OutboxMessage message(Outgoing outgoing, OutboxStatus status, int attempts, Instant now,
			Instant notBefore, String owner, Instant leaseUntil) {
		return new OutboxMessage(UUID.randomUUID().toString(), outgoing.key(), outgoing.kind(), outgoing.ref(),
				outgoing.recipient(), outgoing.account(), outgoing.message(), outgoing.images(), status, attempts, now,
				notBefore, owner, leaseUntil, null, null, null, null, null, outgoing.mail(), false);
	}

	private static String scope(Outgoing outgoing) {
		return outgoing.account() == null ? OutboxWorker.EMAIL_CHANNEL : outgoing.account().scope();
	}

	/**
	 * A message that was given up: what, to whom, why.
	 * @param recipient where it went: the member id of a chat account, or {@code email:<address>}
	 * @param personId the person a chat message was for; {@literal null} for an e-mail
	 * @param platform the chat platform, or {@code email}
	 */
	public record FailedDelivery(String key, MessageKind kind, String ref, String recipient, String personId,
			String platform, String reason, int attempts, Instant createdAt, Instant failedAt, boolean recipientGone) {
	}
}
