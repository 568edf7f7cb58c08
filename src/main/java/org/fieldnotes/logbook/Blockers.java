package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.placement.Role;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Blockers as items: a status update that names a blocker opens one (once per submitted form: a retried submission
 * finds the one it made); a follower who may read it acknowledges or resolves it (each once; {@link AccessPolicy}
 * decides, for the operation the caller names), and the participant is told in their language; the participant
 * resolves their own from the status form. A status update saying "no blockers" resolves nothing by itself.
 * Single-document atomic updates only: two coaches pressing at once make one transition, and the other is told it
 * was done already.
 */
@Service
public class Blockers {

	private static final Logger log = LoggerFactory.getLogger(Blockers.class);

	private final MongoTemplate mongo;
	private final Placements placements;
	private final BlockerNotices notices;
	private final AccessPolicy access;
	private final Clock clock;

	Blockers(MongoTemplate mongo, Placements placements, BlockerNotices notices, AccessPolicy access, Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.notices = notices;
		this.access = access;
		this.clock = clock;
	}

	/** What a follower does to a blocker. */
	public enum Action {
		ACKNOWLEDGE, RESOLVE
	}

	/** What became of an action. */
	public enum Status {
		/** The person may act (nothing changed: the answer of {@link Blockers#access}). */
		ALLOWED,
		/** Done now; the participant is told. */
		DONE,
		/** It was acknowledged (or resolved) before: nothing changed. */
		ALREADY_DONE,
		/** The person may not read it: nothing changed. */
		REFUSED,
		/** No such blocker (any more): nothing changed. */
		GONE
	}

	/**
	 * @param blocker the blocker as it is after the action (or as found), when the person may read it
	 * @param placement its placement, when the person may read it
	 * @param role the role the person acts in
	 */
	public record Outcome(Status status, Blocker blocker, Placement placement, Role role) {

		/** Done now or before: the person may be told "done". */
		public boolean accepted() {
			return status == Status.DONE || status == Status.ALREADY_DONE;
		}

		/** The participant's first name, for "Ada has been told". */
		public String participantFirstName() {
			String name = placement.getParticipant().name().strip();
			int space = name.indexOf(' ');
			return space < 0 ? name : name.substring(0, space);
		}
	}

	/**
	 * Opens the blocker a status update names, once per update (its natural key); nothing when it names none.
	 * @return the blocker, made now or before; empty when the update names none
	 */
	Optional<Blocker> open(StatusUpdate update, BlockerOwner owner) {
		if (update.blockers() == null || update.blockers().isBlank()) {
			return Optional.empty();
		}
		String key = "status:" + update.naturalKey();
		Optional<Blocker> made = Claims.insertOnce(mongo, new Blocker(UUID.randomUUID().toString(),
				update.placementId(), update.authorId(), update.id(), key, update.blockers(), owner,
				BlockerState.OPEN, update.visibility(), update.createdAt(), null, null, null, null, null, null, null,
				null, null));
		if (made.isPresent()) {
			log.info("Blocker {} opened for placement {} (owner {})", made.get().id(), update.placementId(),
					made.get().owner());
			return made;
		}
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("naturalKey").is(key)), Blocker.class));
	}

	/** Whether the person may act on the blocker: {@link Status#ALLOWED}, {@link Status#REFUSED} or {@link Status#GONE}. */
	public Outcome access(String blockerId, Actor actor, Operation operation) {
		Outcome check = check(blockerId, actor, operation);
		return check.status() != null ? check : new Outcome(Status.ALLOWED, check.blocker(), check.placement(),
				check.role());
	}

	/**
	 * Acknowledges (open ⇒ acknowledged) or resolves (open or acknowledged ⇒ resolved) a blocker, once, and tells the
	 * participant; someone who may not read it is refused and nothing changes.
	 * @param actor a chat member ({@link AccessPolicy#member}) or a link's recipient ({@link AccessPolicy#recipient})
	 * @param operation what they are doing (a button, the link page), for the policy
	 */
	public Outcome act(String blockerId, Action action, Actor actor, Operation operation) {
		Outcome check = check(blockerId, actor, operation);
		if (check.status() != null) {
			return check;
		}
		Person person = check.placement().followers().get(check.role());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		BlockerOwner as = BlockerOwner.of(check.role());
		Query query;
		Update update;
		BlockerState to;
		if (action == Action.ACKNOWLEDGE) {
			to = BlockerState.ACKNOWLEDGED;
			query = Query.query(Criteria.where("_id").is(blockerId).and("state").is(BlockerState.OPEN));
			update = new Update().set("state", to).set("acknowledgedAt", now).set("acknowledgedBy",
					person.id().value()).set("acknowledgedAs", as);
		}
		else {
			to = BlockerState.RESOLVED;
			query = Query.query(Criteria.where("_id").is(blockerId).and("state").ne(BlockerState.RESOLVED));
			update = new Update().set("state", to).set("resolvedAt", now).set("resolvedBy", person.id().value())
				.set("resolvedAs", as);
		}
		// the participant's notice is claimed with the state, in the same document: whatever happens to this process
		// after the update, recoverNotices() finds it still to be told
		update.set("notice", BlockerNotices.PENDING);
		Blocker changed = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				Blocker.class);
		if (changed == null) {
			return new Outcome(Status.ALREADY_DONE, check.blocker(), check.placement(), check.role());
		}
		log.info("Blocker {} {} by its {} (placement {})", blockerId, to, check.role(), changed.placementId());
		tell(changed, check.placement(), as);
		return new Outcome(Status.DONE, changed, check.placement(), check.role());
	}

	private void tell(Blocker blocker, Placement placement, BlockerOwner by) {
		try {
			notices.tell(blocker, placement, by, blocker.state());
			mongo.updateFirst(Query.query(Criteria.where("_id").is(blocker.id()).and("state").is(blocker.state())
				.and("notice").is(BlockerNotices.PENDING)), new Update().set("notice", BlockerNotices.QUEUED),
					Blocker.class);
		}
		catch (RuntimeException e) {
			// claimed with the state: recoverNotices() tells the participant within minutes
			log.warn("Blocker {} is {}; the participant could not be told now ({}) and will be", blocker.id(),
					blocker.state(), e.getClass().getSimpleName());
		}
	}

	/**
	 * Every blocker whose participant's notice is still {@code PENDING} (a crash or a store error between the state
	 * change and the outbox): queued now, under the same outbox key, so it is told once. At start and with every
	 * escalation run. Idempotent.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void recoverNotices() {
		for (Blocker blocker : mongo.find(Query.query(Criteria.where("notice").is(BlockerNotices.PENDING)),
				Blocker.class)) {
			BlockerOwner by = blocker.state() == BlockerState.RESOLVED ? blocker.resolvedAs() : blocker.acknowledgedAs();
			Optional<Placement> placement = placements.findById(blocker.placementId());
			if (by == null || by == BlockerOwner.PARTICIPANT || placement.isEmpty()) {
				mongo.updateFirst(Query.query(Criteria.where("_id").is(blocker.id())), new Update().unset("notice"),
						Blocker.class);
				continue;
			}
			tell(blocker, placement.get(), by);
		}
	}

	/**
	 * The participant resolves blockers of their own (the status form's "resolved" boxes); ids not theirs, unknown
	 * or resolved already change nothing.
	 * @return how many were resolved now
	 */
	int resolveOwn(String personId, Collection<String> blockerIds) {
		if (personId == null || blockerIds == null || blockerIds.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		long resolved = mongo.updateMulti(Query.query(Criteria.where("_id").in(blockerIds).and("authorId").is(personId)
			.and("state").ne(BlockerState.RESOLVED)), new Update().set("state", BlockerState.RESOLVED)
				.set("resolvedAt", now).set("resolvedBy", personId).set("resolvedAs", BlockerOwner.PARTICIPANT),
				Blocker.class).getModifiedCount();
		if (resolved > 0) {
			log.info("{} blocker(s) resolved by their participant", resolved);
		}
		return (int) resolved;
	}

	/** One blocker, by id. */
	public Optional<Blocker> find(String blockerId) {
		return blockerId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(blockerId, Blocker.class));
	}

	/** Every blocker of the placement, newest first. */
	public List<Blocker> of(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt")), Blocker.class);
	}

	/** The placement's open and acknowledged blockers, oldest first. */
	public List<Blocker> unresolved(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId).and("state")
			.ne(BlockerState.RESOLVED)).with(Sort.by("createdAt")), Blocker.class);
	}

	/**
	 * Every blocker of these placements, by placement id (placements without any are left out): one query per batch
	 * of placements, for a digest run.
	 */
	public java.util.Map<String, List<Blocker>> ofAll(Collection<String> placementIds) {
		List<String> ids = List.copyOf(placementIds);
		java.util.Map<String, List<Blocker>> all = new java.util.HashMap<>();
		for (int start = 0; start < ids.size(); start += 2_000) {
			for (Blocker blocker : mongo.find(Query.query(Criteria.where("placementId")
				.in(ids.subList(start, Math.min(ids.size(), start + 2_000)))).with(Sort.by("createdAt")), Blocker.class)) {
				all.computeIfAbsent(blocker.placementId(), id -> new java.util.ArrayList<>()).add(blocker);
			}
		}
		return all;
	}

	/** Whether the placement has any blocker item (placements written before items existed have none). */
	public boolean anyFor(String placementId) {
		return mongo.exists(Query.query(Criteria.where("placementId").is(placementId)), Blocker.class);
	}

	/** A blocker's visibility is its status update's: when the author changes that, the blocker follows. */
	@EventListener
	void visibilityChanged(VisibilityChanged event) {
		if (event.kind() == VisibilityChoice.Kind.STATUS_UPDATE) {
			mongo.updateMulti(Query.query(Criteria.where("statusUpdateId").is(event.id())),
					new Update().set("visibility", event.to()), Blocker.class);
		}
	}

	/** A refusal ({@code status} set), or the blocker, its placement and the role ({@code status} {@literal null}). */
	private Outcome check(String blockerId, Actor actor, Operation operation) {
		if (blockerId == null || blockerId.isBlank() || actor == null || actor.key() == null || actor.key().isBlank()) {
			return new Outcome(Status.GONE, null, null, null);
		}
		Blocker blocker = mongo.findById(blockerId, Blocker.class);
		if (blocker == null) {
			return new Outcome(Status.GONE, null, null, null);
		}
		Optional<Placement> placement = placements.findById(blocker.placementId());
		if (placement.isEmpty()) {
			return new Outcome(Status.GONE, null, null, null);
		}
		Decision decision = access.decide(actor, operation,
				Target.item(placement.get(), blocker.authorId(), blocker.visibility()));
		if (decision.allowed() && decision.role() != null) {
			return new Outcome(null, blocker, placement.get(), decision.role());
		}
		log.info("An action on blocker {} was refused: the person may not read it", blockerId);
		return new Outcome(Status.REFUSED, null, null, null);
	}
}
