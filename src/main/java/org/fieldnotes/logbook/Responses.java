package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.placement.Role;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Closing the loop: a coach or manager acknowledges an entry or replies to it, and the participant is told (in
 * their language, on their chat platform). Only someone who follows the entry's placement in a role that may read
 * the entry can respond ({@link AccessPolicy} decides, for the operation the caller names); anyone else is refused
 * and nothing is stored.
 * A person acknowledges an entry once, however often they press; a submitted reply is stored once per submission.
 * Platform-neutral: Slack buttons and the e-mail link page both come here.
 */
@Service
public class Responses {

	private static final Logger log = LoggerFactory.getLogger(Responses.class);
	/** The longest reply, in characters (what a Slack text area takes). */
	public static final int MAX_REPLY = 3000;

	private final MongoTemplate mongo;
	private final Placements placements;
	private final ResponseNotices notices;
	private final Clock clock;
	private final AccessPolicy access;

	Responses(MongoTemplate mongo, Placements placements, ResponseNotices notices, Clock clock, AccessPolicy access) {
		this.mongo = mongo;
		this.placements = placements;
		this.notices = notices;
		this.clock = clock;
		this.access = access;
	}

	/** What became of a response. */
	public enum Status {
		/** The person may respond (nothing was stored: the answer of {@link Responses#access}). */
		ALLOWED,
		/** Stored, and the participant was told (best effort). */
		STORED,
		/** This person had acknowledged the entry already (or this form was submitted before): nothing new. */
		ALREADY_DONE,
		/** The person does not follow the placement in a role that may read the entry: nothing stored. */
		REFUSED,
		/** The entry does not exist (any more): nothing stored. */
		GONE,
		/** A reply without words: nothing stored. */
		EMPTY,
		/** A reply longer than {@link #MAX_REPLY}: nothing stored. */
		TOO_LONG
	}

	/**
	 * Someone allowed to respond to an entry: the entry, its placement, the role they follow it in, and who they are.
	 */
	public record Responder(LogbookEntry entry, Placement placement, Role role, Person person) {
	}

	/** @param responder who responded to what, when the entry exists and they may; else {@literal null} */
	public record Outcome(Status status, Responder responder, EntryResponse response) {

		/** Stored now or before: the responder may be told "done". */
		public boolean accepted() {
			return status == Status.STORED || status == Status.ALREADY_DONE;
		}

		/** The participant's first name, for "✓ Acknowledged — Ada has been told" (every chat adapter says it). */
		public String participantFirstName() {
			String name = responder.placement().getParticipant().name().strip();
			int space = name.indexOf(' ');
			return space < 0 ? name : name.substring(0, space);
		}
	}

	/**
	 * Whether the person may respond to the entry: {@link Status#ALLOWED}, {@link Status#REFUSED} or {@link Status#GONE}.
	 * @param actor a chat member ({@link AccessPolicy#member}) or a link's recipient ({@link AccessPolicy#recipient})
	 * @param operation what they are doing (e.g. {@link Operation#ENTRY_REPLY_BUTTON}), for the policy
	 */
	public Outcome access(String entryId, Actor actor, Operation operation) {
		Outcome check = check(entryId, actor, operation);
		return check.status() != null ? check : new Outcome(Status.ALLOWED, check.responder(), null);
	}

	/** {@link #access(String, Actor, Operation)} for a chat member pressing the digest's Reply button. */
	public Outcome access(String entryId, ChatAccount member) {
		return access(entryId, access.member(member), Operation.ENTRY_REPLY_BUTTON);
	}

	/** Marks the entry read by the responder, once; the participant is told the first time. */
	public Outcome acknowledge(String entryId, Actor actor, Operation operation) {
		Outcome check = check(entryId, actor, operation);
		if (check.status() != null) {
			return check;
		}
		Responder responder = check.responder();
		String who = responder.person().id().value();
		return store(responder, who, ResponseKind.ACKNOWLEDGED, null, "ack:" + entryId + ":" + who);
	}

	/** {@link #acknowledge(String, Actor, Operation)} for a chat member pressing the digest's Acknowledge button. */
	public Outcome acknowledge(String entryId, ChatAccount member) {
		return acknowledge(entryId, access.member(member), Operation.ENTRY_ACKNOWLEDGE_BUTTON);
	}

	/**
	 * Stores a reply and tells the participant, quoting it.
	 * @param submissionKey what makes this submission unique (a Slack view id, a web form's nonce), so a form
	 * submitted twice stores one reply
	 */
	public Outcome reply(String entryId, Actor actor, String text, String submissionKey, Operation operation) {
		Status invalid = validate(text);
		if (invalid != null) {
			return new Outcome(invalid, null, null);
		}
		Outcome check = check(entryId, actor, operation);
		if (check.status() != null) {
			return check;
		}
		String who = check.responder().person().id().value();
		return store(check.responder(), who, ResponseKind.REPLIED, text.strip(),
				"reply:" + entryId + ":" + who + ":" + submissionKey);
	}

	/** {@link #reply(String, Actor, String, String, Operation)} for a chat member submitting the reply form. */
	public Outcome reply(String entryId, ChatAccount member, String text, String submissionKey) {
		return reply(entryId, access.member(member), text, submissionKey, Operation.ENTRY_REPLY_FORM);
	}

	/** Why a reply's text cannot be stored ({@link Status#EMPTY}, {@link Status#TOO_LONG}), or {@literal null}. */
	public static Status validate(String text) {
		if (text == null || text.isBlank()) {
			return Status.EMPTY;
		}
		return text.strip().length() > MAX_REPLY ? Status.TOO_LONG : null;
	}

	/** The responses to an entry, oldest first. */
	public List<EntryResponse> to(String entryId) {
		return mongo.find(Query.query(Criteria.where("entryId").is(entryId)).with(Sort.by("createdAt")),
				EntryResponse.class);
	}

	/** The responses to each of these entries, oldest first (entries without any are left out). */
	public Map<String, List<EntryResponse>> to(Collection<String> entryIds) {
		return mongo
			.find(Query.query(Criteria.where("entryId").in(entryIds)).with(Sort.by("createdAt")), EntryResponse.class)
			.stream()
			.collect(Collectors.groupingBy(EntryResponse::entryId));
	}

	private Outcome store(Responder responder, String responderKey, ResponseKind kind, String text, String naturalKey) {
		LogbookEntry entry = responder.entry();
		// the notice to the participant is claimed with the response, in the same document: whatever happens to the
		// process after this insert, ResponseNotices finds the response still to be told and tells it
		Optional<EntryResponse> saved = Claims.insertOnce(mongo, new EntryResponse(UUID.randomUUID().toString(),
				entry.id(), entry.placementId(), responderKey, responder.role(), kind, text,
				clock.instant().truncatedTo(ChronoUnit.MILLIS), naturalKey,
				responder.placement().getParticipant().hasChat() ? ResponseNotices.PENDING : null));
		if (saved.isEmpty()) {
			log.debug("Response {} to entry {} was stored before", kind, entry.id());
			return new Outcome(Status.ALREADY_DONE, responder, null);
		}
		log.info("Entry {} {} by its {} (placement {})", entry.id(), kind, responder.role(), entry.placementId());
		try {
			notices.tell(responder, saved.get());
		}
		catch (RuntimeException e) {
			// stored, and its notice with it: ResponseNotices.recover tells the participant within minutes
			log.warn("Response {} stored; its notice could not be queued now ({}) and will be", saved.get().id(),
					e.getClass().getSimpleName());
		}
		return new Outcome(Status.STORED, responder, saved.get());
	}

	/** A refusal ({@code status} set), or the responder ({@code status} {@literal null}). */
	private Outcome check(String entryId, Actor actor, Operation operation) {
		if (entryId == null || entryId.isBlank() || actor == null || actor.key() == null || actor.key().isBlank()) {
			return new Outcome(Status.GONE, null, null);
		}
		LogbookEntry entry = mongo.findById(entryId, LogbookEntry.class);
		if (entry == null || entry.deleted()) {
			return new Outcome(Status.GONE, null, null);
		}
		Optional<Placement> placement = placements.findById(entry.placementId());
		if (placement.isEmpty()) {
			return new Outcome(Status.GONE, null, null);
		}
		Decision decision = access.decide(actor, operation,
				Target.item(placement.get(), entry.authorId(), entry.visibility()));
		if (decision.allowed() && decision.role() != null) {
			Person person = placement.get().followers().get(decision.role());
			return new Outcome(null, new Responder(entry, placement.get(), decision.role(), person), null);
		}
		log.info("A response to entry {} was refused: the responder may not read it", entry.id());
		return new Outcome(Status.REFUSED, null, null);
	}
}
