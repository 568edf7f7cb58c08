package org.fieldnotes.logbook;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.MessageDelivered;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.MessageUndeliverable;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxStatus;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Placements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Tells the participant, in their language, that someone read or answered their entry: "Your academic coach read
 * your reflection from Tuesday 3 November." / "Your business coach replied to your entry from Tuesday 3 November:" with the reply
 * quoted (as data: the renderer escapes it). Through the outbox, once per response (key {@code response:<id>}),
 * retried when Slack is down; the response is stored whatever becomes of the notice.
 *
 * <p>No response without its notice: the response is stored with its notice {@code PENDING} (one insert, the claim),
 * then the notice goes to the outbox; the outbox's delivery makes it {@code SENT} or {@code FAILED}. A crash or a store
 * error between the insert and the outbox leaves a response still {@code PENDING} with nothing in the outbox:
 * {@link #recover()}, at start and every few minutes ({@link ResponseNoticeJob}), queues its notice then. Whoever else
 * is telling it at that moment uses the same key, so the outbox lets one message through.
 */
@Component
class ResponseNotices {

	/** The outbox key of a response's notice is this and the response's id. */
	static final String PREFIX = "response:";
	private static final Logger log = LoggerFactory.getLogger(ResponseNotices.class);
	static final String PENDING = "PENDING";
	static final String SENT = "SENT";
	static final String FAILED = "FAILED";

	private final Outbox outbox;
	private final MessageSource messages;
	private final Languages languages;
	private final MongoTemplate mongo;
	private final Placements placements;

	ResponseNotices(Outbox outbox, MessageSource messages, Languages languages, MongoTemplate mongo,
			Placements placements) {
		this.outbox = outbox;
		this.messages = messages;
		this.languages = languages;
		this.mongo = mongo;
		this.placements = placements;
	}

	void tell(Responses.Responder responder, EntryResponse response) {
		Person participant = responder.placement().getParticipant();
		if (!participant.hasChat() || response.notice() == null) {
			log.debug("The participant of placement {} is not on chat; response not announced", response.placementId());
			return;
		}
		outbox.send(Outgoing.to(participant, PREFIX + response.id(), MessageKind.NOTICE, response.id(),
				notice(responder, response, languages.of(participant))));
	}

	/**
	 * Every response whose notice is still {@code PENDING}: queued when the outbox never got it, else brought up to
	 * date from the outbox. One whose entry or placement is gone, or whose participant left chat, is told nothing
	 * ({@code notice} removed). Idempotent.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		List<EntryResponse> pending = mongo.find(Query.query(Criteria.where("notice").is(PENDING)),
				EntryResponse.class);
		for (EntryResponse response : pending) {
			try {
				recover(response);
			}
			catch (RuntimeException e) {
				log.warn("The notice of response {} could not be recovered now: {}", response.id(),
						e.getClass().getSimpleName());
			}
		}
	}

	private void recover(EntryResponse response) {
		Optional<Delivery> known = outbox.find(PREFIX + response.id());
		if (known.isPresent()) {
			if (known.get().status() == OutboxStatus.SENT) {
				mark(response.id(), SENT);
			}
			else if (known.get().status() == OutboxStatus.FAILED) {
				mark(response.id(), FAILED);
			}
			return;
		}
		LogbookEntry entry = mongo.findById(response.entryId(), LogbookEntry.class);
		Optional<Placement> placement = placements.findById(response.placementId());
		if (entry == null || entry.deleted() || placement.isEmpty() || !placement.get().getParticipant().hasChat()) {
			mongo.updateFirst(byId(response.id()), new Update().unset("notice"), EntryResponse.class);
			return;
		}
		Responses.Responder responder = new Responses.Responder(entry, placement.get(), response.role(),
				placement.get().followers().get(response.role()));
		tell(responder, response);
		log.info("The notice of response {} was claimed but never queued: queued now", response.id());
	}

	@EventListener
	void delivered(MessageDelivered event) {
		if (event.kind() == MessageKind.NOTICE && event.key().startsWith(PREFIX)) {
			mark(event.ref(), SENT);
		}
	}

	@EventListener
	void undeliverable(MessageUndeliverable event) {
		if (event.kind() == MessageKind.NOTICE && event.key().startsWith(PREFIX)) {
			mark(event.ref(), FAILED);
		}
	}

	private void mark(String responseId, String status) {
		mongo.updateFirst(byId(responseId), new Update().set("notice", status), EntryResponse.class);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	ChatMessage notice(Responses.Responder responder, EntryResponse response, Locale locale) {
		LogbookEntry entry = responder.entry();
		String day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale)
			.format(entry.createdAt().atZone(responder.placement().getParticipant().zone()));
		String what = text("replies.your." + entry.source().name(), locale);
		String line = text("replies.notice." + response.kind().name() + "." + responder.role().name(), locale, what, day);
		if (!response.isReply()) {
			return ChatMessage.text(line);
		}
		return ChatMessage.builder(line).quote(line + ":", response.text()).build();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
