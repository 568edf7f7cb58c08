package org.fieldnotes.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.store.Claims;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code outbox} collection. Every change of state is one conditional update on one document, atomic on any
 * MongoDB (no transactions): a claim only succeeds on a message that is due or whose lease ran out, and only the
 * lease holder can finish a message.
 */
@Component
class OutboxStore {

	/**
	 * One document per platform workspace that said to wait (a 429), keyed by its scope ({@code slack/T012}; the
	 * platform alone, e.g. {@code slack}, for accounts whose workspace is not known yet): until when.
	 */
	static final String PAUSES = "outbox_pauses";

	private final MongoOperations mongo;

	OutboxStore(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** Inserts the message, or returns empty when one with the same key already exists. */
	Optional<OutboxMessage> insertOnce(OutboxMessage message) {
		return Claims.insertOnce(mongo, message);
	}

	/**
	 * Inserts the messages in one write (see {@link Claims#insertEach}); those whose key is already there are left
	 * out of the answer, the others are in.
	 */
	List<OutboxMessage> insertEach(List<OutboxMessage> messages) {
		return Claims.insertEach(mongo, OutboxMessage.class, messages);
	}

	Optional<OutboxMessage> find(String key) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("key").is(key)), OutboxMessage.class));
	}

	/**
	 * Claims the message that has waited longest among those due now: pending and due, or being sent under a lease
	 * that has run out (its holder died). The claim is a lease for {@code owner} until {@code leaseUntil}. A message
	 * taken over from a lease that ran out counts an attempt of unknown outcome: its holder may have sent it.
	 */
	Optional<OutboxMessage> claimNext(String owner, Instant now, Instant leaseUntil) {
		Criteria due = new Criteria().orOperator(
				Criteria.where("status").is(OutboxStatus.PENDING).and("nextAttemptAt").lte(now),
				Criteria.where("status").is(OutboxStatus.SENDING).and("leaseUntil").lt(now));
		List<Criteria> paused = pausedAt(now).stream().map(OutboxStore::inScope).toList();
		Query query = Query.query(paused.isEmpty() ? due
				: new Criteria().andOperator(due, new Criteria().norOperator(paused.toArray(new Criteria[0]))))
			.with(Sort.by("nextAttemptAt"));
		Update claim = new Update().set("status", OutboxStatus.SENDING)
			.set("owner", owner)
			.set("leaseUntil", leaseUntil)
			.inc("attempts", 1);
		// the document as it was, to see whether it was taken over; the claim itself is the update above
		OutboxMessage before = mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(false),
				OutboxMessage.class);
		if (before == null) {
			return Optional.empty();
		}
		OutboxMessage claimed = before.claimedBy(owner, leaseUntil);
		if (before.status() == OutboxStatus.SENDING) {
			// not in the claim itself (an update cannot depend on the old status); should this fail, the claim's
			// lease runs out and the next one to take it over counts it
			mongo.updateFirst(held(claimed, owner), new Update().inc("ambiguousAttempts", 1), OutboxMessage.class);
			claimed = claimed.withAmbiguousAttempt();
		}
		return Optional.of(claimed);
	}

	/** Records the delivery and drops the body; false when the lease was lost to another instance. */
	boolean markSent(OutboxMessage message, String owner, SentMessage sent, Instant now) {
		Update update = new Update().set("status", OutboxStatus.SENT)
			.set("sentAt", now)
			.set("channel", sent.channel())
			.set("ts", sent.ts())
			.unset("message")
			.unset("images")
			.unset("mail")
			.unset("owner")
			.unset("leaseUntil")
			.unset("failure");
		return mongo.updateFirst(held(message, owner), update, OutboxMessage.class).getModifiedCount() == 1;
	}

	/**
	 * Puts the message back in the queue, to be tried again not before {@code next}; {@code ambiguous} when the
	 * failed attempt's outcome is unknown (the message may have arrived).
	 */
	boolean retryLater(OutboxMessage message, String owner, Instant next, String reason, boolean ambiguous) {
		Update update = new Update().set("status", OutboxStatus.PENDING)
			.set("nextAttemptAt", next)
			.set("failure", reason)
			.unset("owner")
			.unset("leaseUntil");
		countAmbiguous(update, ambiguous);
		return mongo.updateFirst(held(message, owner), update, OutboxMessage.class).getModifiedCount() == 1;
	}

	/** Gives the message up and drops the body; {@code ambiguous} as for {@link #retryLater}. */
	boolean markFailed(OutboxMessage message, String owner, String reason, boolean recipientGone, boolean ambiguous,
			Instant now) {
		Update update = new Update().set("status", OutboxStatus.FAILED)
			.set("failure", reason)
			.set("recipientGone", recipientGone)
			.set("failedAt", now)
			.unset("message")
			.unset("images")
			.unset("mail")
			.unset("owner")
			.unset("leaseUntil");
		countAmbiguous(update, ambiguous);
		return mongo.updateFirst(held(message, owner), update, OutboxMessage.class).getModifiedCount() == 1;
	}

	private static void countAmbiguous(Update update, boolean ambiguous) {
		if (ambiguous) {
			update.inc("ambiguousAttempts", 1);
		}
	}

	/** How many messages had an attempt of unknown outcome: each may have arrived once more than its status says. */
	long possiblyDuplicated() {
		return mongo.count(Query.query(Criteria.where("ambiguousAttempts").gt(0)), OutboxMessage.class);
	}

	List<OutboxMessage> withStatus(OutboxStatus status, int limit) {
		return mongo.find(Query.query(Criteria.where("status").is(status))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit), OutboxMessage.class);
	}

	List<OutboxMessage> failedSince(Instant since) {
		return mongo.find(Query.query(Criteria.where("status").is(OutboxStatus.FAILED).and("failedAt").gte(since)),
				OutboxMessage.class);
	}

	/** Deletes the record of messages settled before then (sent, or given up); returns how many. */
	long deleteSettledBefore(Instant cutoff) {
		Criteria settled = new Criteria().orOperator(
				Criteria.where("status").is(OutboxStatus.SENT).and("sentAt").lt(cutoff),
				Criteria.where("status").is(OutboxStatus.FAILED).and("failedAt").lt(cutoff));
		return mongo.remove(Query.query(settled), OutboxMessage.class).getDeletedCount();
	}

	Map<OutboxStatus, Long> counts() {
		Map<OutboxStatus, Long> counts = new TreeMap<>();
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, mongo.count(Query.query(Criteria.where("status").is(status)), OutboxMessage.class));
		}
		return counts;
	}

	/**
	 * Records a rate limit a platform announced, for every instance: it holds for the whole workspace (the scope),
	 * and for no other. Only ever moved later ({@code $max}), so instances that learn of limits at once agree on the
	 * latest.
	 */
	void pauseUntil(String scope, Instant until) {
		int slash = scope.indexOf('/');
		mongo.upsert(Query.query(Criteria.where("_id").is(scope)),
				new Update().max("until", until)
					.set("platform", slash < 0 ? scope : scope.substring(0, slash))
					.set("workspace", slash < 0 ? null : scope.substring(slash + 1)),
				PAUSES);
	}

	/** Until when sends to this scope wait for a rate limit; {@link Instant#MIN} when none was announced. */
	Instant pausedUntil(String scope) {
		org.bson.Document pause = mongo.findById(scope, org.bson.Document.class, PAUSES);
		return pause == null || pause.getDate("until") == null ? Instant.MIN : pause.getDate("until").toInstant();
	}

	/** The scopes whose pause is still in force at {@code now}. */
	List<String> pausedAt(Instant now) {
		return mongo.find(Query.query(Criteria.where("until").gt(now)), org.bson.Document.class, PAUSES).stream()
			.map(d -> String.valueOf(d.get("_id")))
			.toList();
	}

	/** Messages whose account is in this scope ({@code slack/T012}, or {@code slack}: workspace not known). */
	private static Criteria inScope(String scope) {
		int slash = scope.indexOf('/');
		String platform = slash < 0 ? scope : scope.substring(0, slash);
		return Criteria.where("account.platform").is(platform).and("account.workspace")
			.is(slash < 0 ? null : scope.substring(slash + 1));
	}

	/**
	 * Puts a claimed message back unsent, to be claimed again not before {@code next}, without counting the claim as
	 * an attempt (nothing was sent): for a send whose scope was paused while it waited for its turn.
	 */
	boolean putBack(OutboxMessage message, String owner, Instant next) {
		Update update = new Update().set("status", OutboxStatus.PENDING)
			.set("nextAttemptAt", next)
			.inc("attempts", -1)
			.unset("owner")
			.unset("leaseUntil");
		return mongo.updateFirst(held(message, owner), update, OutboxMessage.class).getModifiedCount() == 1;
	}

	/** Each workspace's pacing budget, kept in the store so that every instance over it shares one. */
	PaceBudgets paceBudgets() {
		return new SharedPaceBudgets(mongo);
	}

	/**
	 * Extends this claim's lease, just before the send: false when the claim is no longer held (its lease ran out
	 * while it waited and someone took the message over), and then it must not be sent.
	 */
	boolean renew(OutboxMessage message, String owner, Instant leaseUntil) {
		// matched, not modified: the new expiry may equal the old one when no time has passed
		return mongo.updateFirst(held(message, owner), new Update().set("leaseUntil", leaseUntil), OutboxMessage.class)
			.getMatchedCount() == 1;
	}

	/**
	 * This one claim: the owner alone is not enough (every thread of an instance has the same), but each claim
	 * counts an attempt, so a claim taken over by anyone — even another thread here — no longer matches.
	 */
	private static Query held(OutboxMessage message, String owner) {
		return Query.query(Criteria.where("_id")
			.is(message.id())
			.and("status")
			.is(OutboxStatus.SENDING)
			.and("owner")
			.is(owner)
			.and("attempts")
			.is(message.attempts()));
	}
}
