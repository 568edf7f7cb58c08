package org.fieldnotes.prompting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.chat.SentMessage;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.fieldnotes.store.Claims;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Repository;

/**
 * Stored prompt occurrences; every state change is a single-document atomic update.
 */
@Repository
class PromptOccurrences {

	/** The "channel" the outbox records for an e-mail. */
	private static final String EMAIL_CHANNEL = org.fieldnotes.delivery.OutboxWorker.EMAIL_CHANNEL;

	private final MongoTemplate mongo;

	PromptOccurrences(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Inserts the occurrence if nobody has claimed its key yet; empty when someone already has. */
	Optional<PromptOccurrence> claim(PromptOccurrence occurrence) {
		return Claims.insertOnce(mongo, occurrence);
	}

	boolean exists(String placementId, LocalDate dueDate) {
		return mongo.exists(Query.query(Criteria.where("placementId").is(placementId).and("dueDate").is(dueDate)),
				PromptOccurrence.class);
	}

	PromptOccurrence markSent(String id, SentMessage sent, Instant at) {
		return update(id, new Update().set("status", OccurrenceStatus.SENT)
			.set("sentAt", at)
			.set("channel", sent.channel())
			.set("messageTs", sent.ts())
			.set("sentTo", sent.account()));
	}

	/**
	 * The latest occurrence of the placement that went by e-mail and is not answered yet (sent while the participant's
	 * chat platform could not reach them), if any.
	 */
	Optional<PromptOccurrence> latestEmailedUnanswered(String placementId) {
		Query query = Query.query(Criteria.where("placementId").is(placementId)
			.and("status").is(OccurrenceStatus.SENT)
			.and("channel").is(EMAIL_CHANNEL)
			.and("answeredAt").is(null));
		query.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "dueAt"))
			.limit(1);
		return Optional.ofNullable(mongo.findOne(query, PromptOccurrence.class));
	}

	/** Occurrences claimed to be sent whose delivery they do not show yet. */
	List<PromptOccurrence> claimedUnsent(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId).and("status").is(OccurrenceStatus.CLAIMED)),
				PromptOccurrence.class);
	}

	/**
	 * What a catch-up of these placements needs to know, in one query: their occurrences due since {@code dueSince},
	 * and those claimed to be sent whose delivery they do not show yet, whenever due.
	 */
	List<PromptOccurrence> forCatchUp(Collection<String> placementIds, Instant dueSince) {
		return mongo.find(Query.query(Criteria.where("placementId").in(placementIds)
			.orOperator(Criteria.where("dueAt").gte(dueSince), Criteria.where("status").is(OccurrenceStatus.CLAIMED))),
				PromptOccurrence.class);
	}

	PromptOccurrence markFailed(String id, String reason) {
		return update(id, new Update().set("status", OccurrenceStatus.FAILED).set("failure", reason));
	}

	/** Records the first answer; later answers keep the first time. Returns whether this was the first. */
	boolean markAnswered(String id, Instant at) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("answeredAt").is(null)),
				new Update().set("answeredAt", at), PromptOccurrence.class).getModifiedCount() == 1;
	}

	Optional<PromptOccurrence> findByMessage(String channel, String ts) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("channel").is(channel).and("messageTs").is(ts)), PromptOccurrence.class));
	}

	Optional<PromptOccurrence> latestSentSince(String placementId, Instant since) {
		Query query = Query.query(Criteria.where("placementId")
			.is(placementId)
			.and("status")
			.is(OccurrenceStatus.SENT)
			.and("sentAt")
			.gte(since))
			// two prompts sent in the same millisecond ("send now" twice): the one due later is the newer prompt
			.with(Sort.by(Sort.Direction.DESC, "sentAt", "dueAt"))
			.limit(1);
		return Optional.ofNullable(mongo.findOne(query, PromptOccurrence.class));
	}

	/** Occurrences sent in {@code [from, to)}, or, when never sent, due then. */
	List<PromptOccurrence> within(String placementId, Instant from, Instant to) {
		Criteria sentWithin = Criteria.where("sentAt").gte(from).lt(to);
		Criteria dueWithinUnsent = new Criteria().andOperator(Criteria.where("sentAt").is(null),
				Criteria.where("dueAt").gte(from).lt(to));
		Query query = Query.query(Criteria.where("placementId").is(placementId)
			.orOperator(sentWithin, dueWithinUnsent)).with(Sort.by("dueAt"));
		return mongo.find(query, PromptOccurrence.class);
	}

	/**
	 * The placement's occurrences that went out in {@code [from, to]} (status SENT) or are going out (CLAIMED, in the
	 * outbox, claimed then).
	 */
	List<PromptOccurrence> goingOutBetween(String placementId, Instant from, Instant to) {
		Criteria sent = Criteria.where("status").is(OccurrenceStatus.SENT).and("sentAt").gte(from).lte(to);
		Criteria claimed = Criteria.where("status").is(OccurrenceStatus.CLAIMED).and("claimedAt").gte(from).lte(to);
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId).orOperator(sent, claimed)),
				PromptOccurrence.class);
	}

	/** {@link #within(String, Instant, Instant)} of many placements, in batches of {@link #BATCH}. */
	List<PromptOccurrence> within(Collection<String> placementIds, Instant from, Instant to) {
		List<String> ids = List.copyOf(placementIds);
		List<PromptOccurrence> found = new java.util.ArrayList<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			Criteria sentWithin = Criteria.where("sentAt").gte(from).lt(to);
			Criteria dueWithinUnsent = new Criteria().andOperator(Criteria.where("sentAt").is(null),
					Criteria.where("dueAt").gte(from).lt(to));
			found.addAll(mongo.find(Query.query(Criteria.where("placementId")
				.in(ids.subList(start, Math.min(ids.size(), start + BATCH)))
				.orOperator(sentWithin, dueWithinUnsent)).with(Sort.by("dueAt")), PromptOccurrence.class));
		}
		return found;
	}

	/** Every occurrence of these placements, in batches of {@link #BATCH}. */
	List<PromptOccurrence> allOf(Collection<String> placementIds) {
		List<String> ids = List.copyOf(placementIds);
		List<PromptOccurrence> found = new java.util.ArrayList<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			found.addAll(mongo.find(Query.query(Criteria.where("placementId")
				.in(ids.subList(start, Math.min(ids.size(), start + BATCH)))), PromptOccurrence.class));
		}
		return found;
	}

	/** How many placements one query asks about: a store without secondary indexes reads the collection once each. */
	static final int BATCH = 2_000;

	/** Snoozes a sent, unanswered prompt until {@code until}; empty when it is not open any more. */
	Optional<PromptOccurrence> snooze(String id, Instant until) {
		return Optional.ofNullable(mongo.findAndModify(open(id), new Update().set("snoozedUntil", until),
				FindAndModifyOptions.options().returnNew(true), PromptOccurrence.class));
	}

	/**
	 * Ends a snooze once its prompt was sent again (or found not to be sent): clears it, if it is still the snooze
	 * until {@code until}, and records the re-send as the prompt's one nudge, so no reminder follows it.
	 */
	void endSnooze(String id, Instant until, Instant now) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("snoozedUntil").is(until)),
				new Update().unset("snoozedUntil").set("remindedAt", now), PromptOccurrence.class);
	}

	/** Open prompts that are snoozed: their re-send is still to come. */
	List<PromptOccurrence> snoozed() {
		return mongo.find(Query.query(Criteria.where("status").is(OccurrenceStatus.SENT).and("answeredAt").is(null)
			.and("snoozedUntil").ne(null)), PromptOccurrence.class);
	}

	/** Skips a sent prompt that is not answered; empty when it is answered, skipped already or unknown. */
	Optional<PromptOccurrence> skip(String id) {
		return Optional.ofNullable(mongo.findAndModify(open(id),
				new Update().set("status", OccurrenceStatus.SKIPPED).unset("snoozedUntil"),
				FindAndModifyOptions.options().returnNew(true), PromptOccurrence.class));
	}

	/** Occurrences of a placement that were sent or skipped, newest due first. */
	List<PromptOccurrence> delivered(String placementId, int limit) {
		Query query = Query.query(Criteria.where("placementId").is(placementId).and("status")
			.in(OccurrenceStatus.SENT, OccurrenceStatus.SKIPPED)).with(Sort.by(Sort.Direction.DESC, "dueAt")).limit(limit);
		return mongo.find(query, PromptOccurrence.class);
	}

	private static Query open(String id) {
		return Query.query(Criteria.where("_id").is(id).and("status").is(OccurrenceStatus.SENT).and("answeredAt").is(null));
	}

	/**
	 * Sent prompts not answered, snoozed or reminded yet, sent in {@code (sentAfter, sentBefore]}: candidates for
	 * their one reminder.
	 */
	List<PromptOccurrence> reminderCandidates(Instant sentBefore, Instant sentAfter) {
		Query query = Query.query(Criteria.where("status")
			.is(OccurrenceStatus.SENT)
			.and("answeredAt").is(null)
			.and("snoozedUntil").is(null)
			.and("remindedAt").is(null)
			.and("sentAt").lte(sentBefore).gt(sentAfter)).with(Sort.by("sentAt"));
		return mongo.find(query, PromptOccurrence.class);
	}

	/** Records that the prompt's one reminder went to the outbox; the first time is kept. */
	void markReminded(String id, Instant at) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("remindedAt").is(null)),
				new Update().set("remindedAt", at), PromptOccurrence.class);
	}

	List<PromptOccurrence> withIds(Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids)).with(Sort.by("dueAt")), PromptOccurrence.class);
	}

	Optional<PromptOccurrence> findById(String id) {
		return Optional.ofNullable(mongo.findById(id, PromptOccurrence.class));
	}

	private PromptOccurrence update(String id, Update update) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
				FindAndModifyOptions.options().returnNew(true), PromptOccurrence.class);
	}
}
