package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.InboundMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.people.People;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Writes and reads logbook entries. Writing is idempotent per natural key, so platform retries and redeliveries
 * of one message never create a second entry.
 */
@Service
public class Logbook {

	private static final Logger log = LoggerFactory.getLogger(Logbook.class);

	private final LogbookEntries entries;
	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	private final PromptHistory prompts;
	private final VisibilityDefaults visibility;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final AccessPolicy access;
	private final People people;

	Logbook(LogbookEntries entries, MongoTemplate mongo, PlacementManagement placements, PromptHistory prompts,
			VisibilityDefaults visibility, ApplicationEventPublisher events, Clock clock, AccessPolicy access,
			People people) {
		this.access = access;
		this.people = people;
		this.entries = entries;
		this.mongo = mongo;
		this.placements = placements;
		this.prompts = prompts;
		this.visibility = visibility;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a direct message as an entry of the author's current placement, linked to the prompt it answers.
	 * Nothing is stored for someone who is not enrolled.
	 */
	public Receipt receive(InboundMessage message) {
		// the first message from an account enrolled by member id alone records its workspace
		// only the placement's id and programme: loading it whole would also read its manager and coaches
		Optional<PlacementManagement.CurrentPlacement> placement = people.contact(message.author())
			.flatMap(person -> placements.currentIdFor(person.id()));
		if (placement.isEmpty()) {
			return new Receipt(message, Receipt.Outcome.NOT_ENROLLED, null);
		}
		String placementId = placement.get().id();
		PersonId author = placement.get().participant();
		Instant now = now();
		Optional<PromptOccurrence> answers = prompts.answeredBy(placementId, message.ref().channel(),
				message.threadTs(), now);
		LogbookEntry entry = new LogbookEntry(UUID.randomUUID().toString(), placementId, author.value(), message.text(),
				answers.isPresent() ? EntrySource.PROMPT_REPLY : EntrySource.FREE_FORM,
				answers.map(PromptOccurrence::getId).orElse(null), answers.map(PromptOccurrence::getPromptId).orElse(null),
				message.ref().key(), message.ref().channel(), message.ref().ts(), now, null, null, null,
				visibility.forNew(author, placement.get().program(), null));
		Optional<LogbookEntry> saved = Claims.insertOnce(mongo, entry);
		if (saved.isEmpty()) {
			log.debug("Message {} already stored; redelivery ignored", message.ref().key());
			return new Receipt(message, Receipt.Outcome.ALREADY_SAVED, null);
		}
		answers.ifPresent(o -> prompts.markAnswered(o.getId(), now));
		log.info("Logbook entry {} saved for placement {} ({})", saved.get().id(), placementId, saved.get().source());
		return new Receipt(message, Receipt.Outcome.SAVED, saved.get());
	}

	/** A free-form entry written without a chat message ({@code /fieldnotes log …}), with the author's default visibility. */
	public LogbookEntry write(ChatAccount author, String text) {
		return write(author, text, null);
	}

	/**
	 * A free-form entry written without a chat message.
	 * @param chosen who may read it; {@literal null}: the author's effective default
	 */
	public LogbookEntry write(ChatAccount author, String text, Visibility chosen) {
		Placement placement = placements.currentFor(author).orElseThrow(NotEnrolled::new);
		PersonId person = placement.getParticipant().id();
		String id = UUID.randomUUID().toString();
		LogbookEntry saved = entries.insert(new LogbookEntry(id, placement.getId(), person.value(), text,
				EntrySource.FREE_FORM, null, null, "entry:" + id, null, null, now(), null, null, null,
				visibility.forNew(person, placement.getProgram(), chosen)));
		log.info("Logbook entry {} written for placement {}", saved.id(), placement.getId());
		return saved;
	}

	/**
	 * The author changes who may read an entry of theirs ({@link AccessPolicy} decides who may). Anyone else, a
	 * deleted entry or an unknown id changes nothing. A change is published as {@link VisibilityChanged} (ids only).
	 * @param operation where the change comes from (a button, a menu), for the policy
	 * @return whether the entry is the author's (and now has that visibility)
	 */
	public boolean changeVisibility(String entryId, ChatAccount member, Visibility visibility, Operation operation) {
		if (entryId == null || member == null || visibility == null) {
			return false;
		}
		Query live = Query.query(Criteria.where("_id").is(entryId).and("deletedAt").is(null));
		LogbookEntry found = mongo.findOne(live, LogbookEntry.class);
		if (found == null || access.decide(access.member(member), operation,
				Target.item(null, found.authorId(), found.visibility())).denied()) {
			log.debug("Visibility of entry {} not changed: not the author's, deleted or unknown", entryId);
			return false;
		}
		LogbookEntry before = mongo.findAndModify(live.addCriteria(Criteria.where("authorId").is(found.authorId())),
				new Update().set("visibility", visibility), FindAndModifyOptions.options().returnNew(false),
				LogbookEntry.class);
		if (before == null) {
			log.debug("Visibility of entry {} not changed: not the author's, deleted or unknown", entryId);
			return false;
		}
		log.info("Visibility of entry {} changed from {} to {}", entryId, before.visibility().key(), visibility.key());
		events.publishEvent(new VisibilityChanged(VisibilityChoice.Kind.ENTRY, entryId, before.placementId(),
				found.authorId(),
				before.visibility(), visibility));
		return true;
	}

	/** Now, at the precision MongoDB stores (milliseconds), so a returned entry equals the one read back. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The author edited the message: the entry takes the new text. Unknown messages, and changes that leave the text
	 * as it was (Slack also reports link unfurls as changes), are ignored.
	 */
	public boolean edited(MessageRef ref, String text) {
		if (text == null) {
			return false;
		}
		return mongo.updateFirst(Query.query(Criteria.where("naturalKey")
			.is(ref.key())
			.and("deletedAt")
			.is(null)
			.and("text")
			.ne(text)),
				new Update().set("text", text).set("editedAt", clock.instant()), LogbookEntry.class)
			.getModifiedCount() > 0;
	}

	/** The author deleted the message: the entry is marked deleted and leaves every view. */
	public boolean deleted(MessageRef ref) {
		return mongo.updateFirst(Query.query(Criteria.where("naturalKey").is(ref.key()).and("deletedAt").is(null)),
				new Update().set("deletedAt", clock.instant()), LogbookEntry.class)
			.getModifiedCount() > 0;
	}

	/** Entries of a placement, oldest first; deleted ones only when asked for. */
	public List<LogbookEntry> entries(String placementId, boolean includeDeleted) {
		return includeDeleted ? entries.findByPlacementIdOrderByCreatedAtAsc(placementId)
				: entries.findByPlacementIdAndDeletedAtIsNullOrderByCreatedAtAsc(placementId);
	}

	/** Entries (not deleted) written in {@code [from, to)}. */
	public List<LogbookEntry> entriesBetween(String placementId, Instant from, Instant to) {
		Query query = Query.query(Criteria.where("placementId")
			.is(placementId)
			.and("deletedAt")
			.is(null)
			.and("createdAt")
			.gte(from)
			.lt(to)).with(Sort.by("createdAt"));
		return mongo.find(query, LogbookEntry.class);
	}

	/**
	 * {@link #entriesBetween(String, Instant, Instant)} of many placements, in one query per batch of placements (a
	 * digest run reads every placement's week this way, not one query per placement); oldest first.
	 */
	public List<LogbookEntry> entriesBetween(Collection<String> placementIds, Instant from, Instant to) {
		List<String> ids = List.copyOf(placementIds);
		List<LogbookEntry> found = new ArrayList<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			found.addAll(mongo.find(Query.query(Criteria.where("placementId")
				.in(ids.subList(start, Math.min(ids.size(), start + BATCH)))
				.and("deletedAt")
				.is(null)
				.and("createdAt")
				.gte(from)
				.lt(to)).with(Sort.by("createdAt")), LogbookEntry.class));
		}
		return found;
	}

	/** How many placements one query asks about: a store without secondary indexes reads the collection once each. */
	private static final int BATCH = 2_000;

	/**
	 * Entries (not deleted) with these ids, oldest first: what a recorded digest quoted, as it stands now. Ids that
	 * name no entry, or a deleted one, are left out.
	 */
	public List<LogbookEntry> entriesWithIds(Collection<String> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		return mongo.find(Query.query(Criteria.where("_id").in(ids).and("deletedAt").is(null)).with(Sort.by("createdAt")),
				LogbookEntry.class);
	}

	/**
	 * When the placement's latest shared entry (not deleted, not private) was written; empty when it has none. A
	 * private entry is the participant's alone: no flag, cohort line or admin answer may tell of it, not even its date.
	 */
	public Optional<Instant> lastSharedEntryAt(String placementId) {
		Query query = Query.query(Criteria.where("placementId")
			.is(placementId)
			.and("deletedAt")
			.is(null)
			.and("visibility")
			.ne(Visibility.PRIVATE))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(1);
		query.fields().include("createdAt");
		return Optional.ofNullable(mongo.findOne(query, LogbookEntry.class)).map(LogbookEntry::createdAt);
	}

	/**
	 * {@link #lastSharedEntryAt(String)} of many placements, by placement id (those with none are left out): one
	 * aggregation per batch of placements, not one query per placement.
	 */
	public Map<String, Instant> lastSharedEntriesAt(Collection<String> placementIds) {
		List<String> ids = List.copyOf(placementIds);
		Map<String, Instant> latest = new HashMap<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			Criteria shared = Criteria.where("placementId")
				.in(ids.subList(start, Math.min(ids.size(), start + BATCH)))
				.and("deletedAt")
				.is(null)
				.and("visibility")
				.ne(Visibility.PRIVATE);
			Aggregation latestPerPlacement = Aggregation.newAggregation(Aggregation.match(shared),
					Aggregation.group("placementId").max("createdAt").as("last"));
			mongo.aggregate(latestPerPlacement, LogbookEntry.class, Document.class)
				.forEach(d -> latest.put(d.getString("_id"), d.getDate("last").toInstant()));
		}
		return latest;
	}

	public long countSince(String placementId, Instant from) {
		return entries.countByPlacementIdAndDeletedAtIsNullAndCreatedAtGreaterThanEqual(placementId, from);
	}
}
