package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Image;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.MessageDelivered;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.MessageUndeliverable;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.OutboxStatus;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Digests, on Slack or by e-mail, go through the outbox under the key {@code digest:<record id>}: one message per
 * recipient and week, whatever retries, restarts or second instances do. The delivery is written back on the digest
 * record: channel {@code email} and the Message-ID for an e-mail.
 */
@Component
class DigestOutbox {

	private static final Logger log = LoggerFactory.getLogger(DigestOutbox.class);
	static final String PREFIX = "digest:";

	private final Outbox outbox;
	private final DigestRecords records;
	private final Clock clock;

	DigestOutbox(Outbox outbox, DigestRecords records, Clock clock) {
		this.outbox = outbox;
		this.records = records;
		this.clock = clock;
	}

	/** Sends the digest of a claimed record now (retried by the outbox when Slack is down or busy). */
	Delivery send(DigestRecord record, Person recipient, ChatMessage digest, List<Image> charts) {
		return outbox.send(
				Outgoing.to(recipient, PREFIX + record.id(), MessageKind.DIGEST, record.id(), digest, charts));
	}

	/** Sends a claimed record's digest ({@link #chat} or {@link #email}) now, retried by the outbox as need be. */
	Delivery send(Outgoing digest) {
		return outbox.send(digest);
	}

	/** Queues a claimed record's digest for the outbox's worker, which sends it at the platform's pace. */
	Delivery queue(Outgoing digest) {
		return outbox.enqueue(digest);
	}

	/**
	 * Queues the digests of many claimed records for the outbox's worker in one write (see
	 * {@link #chat}/{@link #email}); a record whose digest is already there keeps that one.
	 */
	void queueAll(List<Outgoing> digests) {
		outbox.enqueueAll(digests);
	}

	/** The chat digest of a claimed record, to be queued with {@link #queueAll}. */
	static Outgoing chat(DigestRecord record, Person recipient, ChatMessage digest, List<Image> charts) {
		return Outgoing.to(recipient, PREFIX + record.id(), MessageKind.DIGEST, record.id(), digest, charts);
	}

	/** The e-mail digest of a claimed record, to be queued with {@link #queueAll}. */
	static Outgoing email(DigestRecord record, OutboxMail to, ChatMessage digest, List<Image> charts) {
		return Outgoing.email(PREFIX + record.id(), MessageKind.DIGEST, record.id(), to, digest, charts);
	}

	/** Outbound messages of any kind given up since then, for the coordinators' cohort digest. */
	List<Outbox.FailedDelivery> undeliverableSince(Instant since) {
		return outbox.failedSince(since);
	}

	/**
	 * A record claimed but not settled: whether the outbox ever got its digest (a crash between the claim and the
	 * outbox). When it did, the record is brought up to date and nothing is to be sent.
	 */
	boolean neverQueued(DigestRecord record) {
		Optional<Delivery> known = outbox.find(PREFIX + record.id());
		known.ifPresent(delivery -> record(record.id(), delivery));
		return known.isEmpty();
	}

	private void record(String recordId, Delivery delivery) {
		if (delivery.status() == OutboxStatus.SENT) {
			delivery.sentMessage().ifPresent(sent -> records.finish(recordId, sent(sent.channel(), sent.ts())));
		}
		else if (delivery.status() == OutboxStatus.FAILED) {
			records.finish(recordId, failed(delivery.failure()));
		}
	}

	@EventListener
	void delivered(MessageDelivered event) {
		if (event.kind() == MessageKind.DIGEST && event.key().startsWith(PREFIX)) {
			records.finish(event.ref(), sent(event.sent().channel(), event.sent().ts()));
		}
	}

	@EventListener
	void undeliverable(MessageUndeliverable event) {
		if (event.kind() == MessageKind.DIGEST && event.key().startsWith(PREFIX)) {
			records.finish(event.ref(), failed(event.reason()));
			log.warn("Digest record {} not delivered: {}", event.ref(), event.reason());
		}
	}

	private Update sent(String channel, String ts) {
		return new Update().set("status", DigestStatus.SENT)
			.set("sentAt", clock.instant())
			.set("channel", channel)
			.set("ts", ts);
	}

	private static Update failed(String reason) {
		return new Update().set("status", DigestStatus.FAILED).set("failure", reason);
	}
}
