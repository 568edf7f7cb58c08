package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptResponses;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Writes and reads status updates. Writing is idempotent per submitted form; an update that answers the weekly
 * status-check prompt marks that prompt answered.
 */
@Service
public class StatusUpdates {

	private static final Logger log = LoggerFactory.getLogger(StatusUpdates.class);

	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	private final PromptResponses responses;
	private final PromptHistory prompts;
	private final VisibilityDefaults visibility;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final AccessPolicy access;
	private final Blockers blockerItems;

	StatusUpdates(MongoTemplate mongo, PlacementManagement placements, PromptResponses responses,
			PromptHistory prompts, VisibilityDefaults visibility, ApplicationEventPublisher events, Clock clock,
			AccessPolicy access, Blockers blockerItems) {
		this.access = access;
		this.blockerItems = blockerItems;
		this.mongo = mongo;
		this.placements = placements;
		this.responses = responses;
		this.prompts = prompts;
		this.visibility = visibility;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What someone filled in; any of it may be missing.
	 *
	 * @param blockerOwner who the blocker is for ({@literal null}: the participant)
	 * @param resolved ids of the participant's own blockers they ticked as resolved (others' ids change nothing)
	 */
	public record Report(OverallStatus status, String progress, String blockers, Integer mood,
			BlockerOwner blockerOwner, List<String> resolved) {

		public Report {
			resolved = resolved == null ? List.of() : List.copyOf(resolved);
		}

		/** A report without a blocker owner (the participant) and nothing resolved. */
		public Report(OverallStatus status, String progress, String blockers, Integer mood) {
			this(status, progress, blockers, mood, null, List.of());
		}
	}

	/** The fields of a {@link Report} that can be wrong. */
	public enum Field {
		STATUS, PROGRESS, MOOD
	}

	public enum Outcome {
		SAVED, ALREADY_SAVED,
		/** Some fields are missing or out of range: see {@link Submitted#invalid()}. */
		INVALID,
		/** The author has no current placement. */
		NOT_ENROLLED,
		/** The prompt it answers was skipped or is unknown. */
		CLOSED
	}

	public record Submitted(Outcome outcome, StatusUpdate update, List<Field> invalid) {
	}

	/**
	 * Stores a status update in the author's current placement, or, when it answers a prompt, in that prompt's
	 * placement (marking the prompt answered).
	 * @param occurrenceId the status-check prompt it answers, or {@literal null}
	 * @throws org.fieldnotes.prompting.NotYourPrompt when that prompt was sent to someone else
	 */
	public Submitted submit(ChatAccount author, Report report, String occurrenceId, String naturalKey) {
		return submit(author, report, occurrenceId, naturalKey, null);
	}

	/**
	 * The same, readable by whom the author chose.
	 * @param chosen who may read it; {@literal null}: the author's effective default
	 */
	public Submitted submit(ChatAccount author, Report report, String occurrenceId, String naturalKey,
			Visibility chosen) {
		List<Field> invalid = new ArrayList<>();
		if (report.status() == null) {
			invalid.add(Field.STATUS);
		}
		if (report.progress() == null || report.progress().isBlank()) {
			invalid.add(Field.PROGRESS);
		}
		if (report.mood() == null || report.mood() < 1 || report.mood() > 5) {
			invalid.add(Field.MOOD);
		}
		if (!invalid.isEmpty()) {
			return new Submitted(Outcome.INVALID, null, invalid);
		}
		Placement placement;
		if (occurrenceId != null && !occurrenceId.isBlank()) {
			Optional<PromptResponses.Form> form = responses.form(occurrenceId, author, Operation.STATUS_UPDATE_FORM);
			if (form.isEmpty()) {
				return new Submitted(Outcome.CLOSED, null, List.of());
			}
			placement = placements.get(form.get().placementId());
		}
		else {
			Optional<Placement> current = placements.currentFor(author);
			if (current.isEmpty()) {
				return new Submitted(Outcome.NOT_ENROLLED, null, List.of());
			}
			placement = current.get();
			occurrenceId = null;
		}
		String placementId = placement.getId();
		String program = placement.getProgram();
		// the participant: the prompt's addressee, or the one whose current placement it is
		PersonId person = placement.getParticipant().id();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String blockers = report.blockers() == null || report.blockers().isBlank() ? null : report.blockers().strip();
		Optional<StatusUpdate> saved = Claims.insertOnce(mongo, new StatusUpdate(UUID.randomUUID().toString(),
				placementId, person.value(), report.status(), report.progress().strip(), blockers, report.mood(),
				occurrenceId, naturalKey, now, visibility.forNew(person, program, chosen)));
		if (saved.isEmpty()) {
			// a retried submission: its blocker item is made now if the first attempt stopped before making it
			StatusUpdate before = mongo.findOne(Query.query(Criteria.where("naturalKey").is(naturalKey)),
					StatusUpdate.class);
			if (before != null) {
				blockerItems.open(before, report.blockerOwner());
				blockerItems.resolveOwn(before.authorId(), report.resolved());
			}
			return new Submitted(Outcome.ALREADY_SAVED, null, List.of());
		}
		if (occurrenceId != null) {
			prompts.markAnswered(occurrenceId, now);
		}
		log.info("Status update {} saved for placement {}", saved.get().id(), placementId);
		blockerItems.open(saved.get(), report.blockerOwner());
		blockerItems.resolveOwn(person.value(), report.resolved());
		return new Submitted(Outcome.SAVED, saved.get(), List.of());
	}

	/**
	 * The author changes who may read a status update of theirs ({@link AccessPolicy} decides who may); anyone else
	 * or an unknown id changes nothing. A change is published as {@link VisibilityChanged} (ids only).
	 * @param operation where the change comes from (a button, a menu), for the policy
	 * @return whether the update is the author's (and now has that visibility)
	 */
	public boolean changeVisibility(String updateId, ChatAccount member, Visibility visibility,
			Operation operation) {
		if (updateId == null || member == null || visibility == null) {
			return false;
		}
		StatusUpdate found = mongo.findById(updateId, StatusUpdate.class);
		if (found == null || access.decide(access.member(member), operation,
				Target.item(null, found.authorId(), found.visibility())).denied()) {
			log.debug("Visibility of status update {} not changed: not the author's or unknown", updateId);
			return false;
		}
		StatusUpdate before = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(updateId).and("authorId").is(found.authorId())),
				new Update().set("visibility", visibility), FindAndModifyOptions.options().returnNew(false),
				StatusUpdate.class);
		if (before == null) {
			log.debug("Visibility of status update {} not changed: not the author's or unknown", updateId);
			return false;
		}
		log.info("Visibility of status update {} changed from {} to {}", updateId, before.visibility().key(),
				visibility.key());
		events.publishEvent(new VisibilityChanged(VisibilityChoice.Kind.STATUS_UPDATE, updateId, before.placementId(),
				found.authorId(), before.visibility(), visibility));
		return true;
	}

	/** The placement's status updates, newest first. */
	public List<StatusUpdate> of(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt")), StatusUpdate.class);
	}

	/**
	 * The latest status updates of many placements, newest first, by placement id: one query per batch of placements
	 * (a digest run reads them this way, not one query per placement and recipient).
	 */
	public java.util.Map<String, List<StatusUpdate>> latest(java.util.Collection<String> placementIds, int limit) {
		List<String> ids = List.copyOf(placementIds);
		java.util.Map<String, List<StatusUpdate>> latest = new java.util.HashMap<>();
		for (int start = 0; start < ids.size(); start += 2_000) {
			for (StatusUpdate update : mongo.find(Query.query(Criteria.where("placementId")
				.in(ids.subList(start, Math.min(ids.size(), start + 2_000))))
				.with(Sort.by(Sort.Direction.DESC, "createdAt")), StatusUpdate.class)) {
				List<StatusUpdate> ofPlacement = latest.computeIfAbsent(update.placementId(), id -> new ArrayList<>());
				if (ofPlacement.size() < limit) {
					ofPlacement.add(update);
				}
			}
		}
		return latest;
	}

	/** The placement's latest status updates, newest first. */
	public List<StatusUpdate> latest(String placementId, int limit) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), StatusUpdate.class);
	}
}
