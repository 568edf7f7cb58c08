package org.fieldnotes.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outbox's part of export and erasure. A person's messages are those addressed to any of their recipient keys
 * (member id, {@code email:<address>}, {@code admin:<member id>}). Erasing them deletes those, and withdraws every
 * message to someone else that is not yet settled and is about them: named by the module that wrote it
 * ({@link DataSubject#quotedIn()}, e.g. a coach's digest quoting their entries), or naming them in its body (an id,
 * address or name). A withdrawn message is settled {@link OutboxStatus#FAILED} with the reason {@value #ERASED}
 * and its body dropped, and announced like any message given up ({@link MessageUndeliverable}), so its sender
 * records it. A message already being handed to the platform at that moment may still arrive.
 */
@Component
class OutboxPersonalData implements PersonalData {

	static final String OUTBOX = "outbox";
	static final String WITHDRAWN = "outbox_withdrawn";
	/** Why a withdrawn message was given up. */
	static final String ERASED = "erased";
	/** What an admin's export leaves out of a message: its words (as {@code GET /api/v1/deliveries} does). */
	private static final List<String> BODY = List.of("message", "images");

	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OutboxPersonalData(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public int order() {
		return MESSAGES;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(OutboxMessage.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		List<Document> messages = mongo.find(to(subject), Document.class, collection());
		if (reader == Reader.SUBJECT) {
			return List.of(Section.of(OUTBOX, messages));
		}
		long bodies = 0;
		for (Document message : messages) {
			if (message.containsKey("message")) {
				bodies++;
			}
			BODY.forEach(message::remove);
		}
		return List.of(new Section(OUTBOX, messages, bodies == 0 ? Map.of() : Map.of("message_bodies", bodies)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(OUTBOX, mongo.count(to(subject), collection()));
		counts.put(WITHDRAWN, (long) about(subject).size());
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		long withdrawn = 0;
		for (Document message : about(subject)) {
			if (withdraw(message)) {
				withdrawn++;
			}
		}
		counts.put(OUTBOX, mongo.remove(to(subject), collection()).getDeletedCount());
		counts.put(WITHDRAWN, withdrawn);
		return counts;
	}

	/** Messages addressed to them, in any state. */
	private Query to(DataSubject subject) {
		return Query.query(subject.isRecipient("recipient"));
	}

	/** Messages to others, not yet settled, that their senders say are about them or whose body names them. */
	private List<Document> about(DataSubject subject) {
		Query unsettled = Query.query(new Criteria().andOperator(
				Criteria.where("status").in(OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name()),
				new Criteria().norOperator(subject.isRecipient("recipient"))));
		List<Document> about = new ArrayList<>();
		for (Document message : mongo.find(unsettled, Document.class, collection())) {
			if (subject.quotedIn().contains(message.getString("key")) || subject.mentionedIn(body(message))) {
				about.add(message);
			}
		}
		return about;
	}

	private static String body(Document message) {
		StringBuilder body = new StringBuilder();
		for (String field : List.of("message", "mail")) {
			if (message.get(field) instanceof Document part) {
				body.append(part.toJson()).append('\n');
			}
		}
		return body.toString();
	}

	/** Settles the message FAILED ("erased") unless it was settled meanwhile; drops its body. */
	private boolean withdraw(Document message) {
		Query stillAsRead = Query.query(Criteria.where("_id").is(message.get("_id")).and("status").is(message.get("status"))
			.and("attempts").is(message.get("attempts")));
		Update settle = new Update().set("status", OutboxStatus.FAILED.name())
			.set("failure", ERASED)
			.set("failedAt", clock.instant())
			.set("recipientGone", false)
			.unset("message")
			.unset("images")
			.unset("mail")
			.unset("owner")
			.unset("leaseUntil");
		if (mongo.updateFirst(stillAsRead, settle, collection()).getModifiedCount() == 0) {
			return false;
		}
		events.publishEvent(new MessageUndeliverable(message.getString("key"),
				MessageKind.valueOf(message.getString("kind")), message.getString("ref"), message.getString("recipient"),
				ERASED, false));
		return true;
	}

	private String collection() {
		return mongo.getCollectionName(OutboxMessage.class);
	}
}
