package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A participant's own entries, as they manage them from a form or their home view: write one, edit or delete one
 * they wrote. Only the author of an entry can change it ({@link AccessPolicy} decides).
 */
@Service
public class OwnEntries {

	private static final Logger log = LoggerFactory.getLogger(OwnEntries.class);

	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	private final VisibilityDefaults visibility;
	private final Clock clock;
	private final AccessPolicy access;

	OwnEntries(MongoTemplate mongo, PlacementManagement placements, VisibilityDefaults visibility, Clock clock,
			AccessPolicy access) {
		this.access = access;
		this.mongo = mongo;
		this.placements = placements;
		this.visibility = visibility;
		this.clock = clock;
	}

	/**
	 * A free-form entry in the author's current placement, stored once per {@code naturalKey}.
	 * @return the entry, or empty when the same submission was stored before
	 * @throws NotEnrolled when the author has no current placement
	 */
	public Optional<LogbookEntry> write(ChatAccount author, String text, String naturalKey) {
		return write(author, text, naturalKey, null);
	}

	/**
	 * The same, readable by whom the author chose.
	 * @param chosen who may read it; {@literal null}: the author's effective default
	 */
	public Optional<LogbookEntry> write(ChatAccount author, String text, String naturalKey, Visibility chosen) {
		Placement placement = placements.currentFor(author).orElseThrow(NotEnrolled::new);
		PersonId person = placement.getParticipant().id();
		Optional<LogbookEntry> saved = Claims.insertOnce(mongo, new LogbookEntry(UUID.randomUUID().toString(),
				placement.getId(), person.value(), text, EntrySource.FREE_FORM, null, null, naturalKey, null, null, now(),
				null, null, null, visibility.forNew(person, placement.getProgram(), chosen)));
		saved.ifPresent(e -> log.info("Logbook entry {} written for placement {}", e.id(), placement.getId()));
		return saved;
	}

	/** What became of a saved message. */
	public enum Saved {
		SAVED,
		/** The message was in the logbook already. */
		ALREADY_SAVED,
		/** The person has no current placement: nothing stored. */
		NOT_ENROLLED
	}

	/**
	 * Saves a chat message (from any conversation) as a free-form entry of the person's current placement, with a
	 * link back to it; once per message, keyed by its natural key.
	 * @param link the message's permalink, or {@literal null} when the platform gave none
	 */
	public Saved saveMessage(ChatAccount author, MessageRef message, String text, String link) {
		return save(author, message, text, link).outcome();
	}

	/** What became of a saved message, and the entry when it was stored now. */
	public record SavedMessage(Saved outcome, LogbookEntry entry) {
	}

	/** {@link #saveMessage}, returning the new entry as well (with the author's default visibility). */
	public SavedMessage save(ChatAccount author, MessageRef message, String text, String link) {
		Optional<Placement> placement = placements.currentFor(author);
		if (placement.isEmpty()) {
			return new SavedMessage(Saved.NOT_ENROLLED, null);
		}
		PersonId person = placement.get().getParticipant().id();
		Optional<LogbookEntry> saved = Claims.insertOnce(mongo, new LogbookEntry(UUID.randomUUID().toString(),
				placement.get().getId(), person.value(), text == null ? "" : text, EntrySource.FREE_FORM, null, null,
				message.key(), message.channel(), message.ts(), now(), null, null, link,
				visibility.forNew(person, placement.get().getProgram(), null)));
		saved.ifPresent(e -> log.info("Message saved as logbook entry {} for placement {}", e.id(), e.placementId()));
		return saved.isPresent() ? new SavedMessage(Saved.SAVED, saved.get()) : new SavedMessage(Saved.ALREADY_SAVED, null);
	}

	/**
	 * The entry, if it is not deleted and the policy lets the member do the operation to it (only its author).
	 * @param operation e.g. {@link Operation#HOME_ENTRY_MENU}
	 */
	public Optional<LogbookEntry> find(String entryId, ChatAccount member, Operation operation) {
		if (entryId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findOne(live(entryId), LogbookEntry.class))
			.filter(e -> access.decide(access.member(member), operation, Target.item(null, e.authorId(), e.visibility()))
				.allowed());
	}

	/** Replaces the text of an entry the user wrote; false when it is not theirs, deleted or unknown. */
	public boolean edit(String entryId, ChatAccount author, String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		return find(entryId, author, Operation.ENTRY_EDIT_FORM)
			.map(e -> mongo.updateFirst(live(e.id()), new Update().set("text", text).set("editedAt", now()),
					LogbookEntry.class).getModifiedCount() > 0)
			.orElse(false);
	}

	/** Marks an entry the user wrote deleted; false when it is not theirs, already deleted or unknown. */
	public boolean delete(String entryId, ChatAccount author) {
		return find(entryId, author, Operation.ENTRY_DELETE_FORM)
			.map(e -> mongo.updateFirst(live(e.id()), new Update().set("deletedAt", now()), LogbookEntry.class)
				.getModifiedCount() > 0)
			.orElse(false);
	}

	/** The placement's latest entries that are not deleted, newest first. */
	public List<LogbookEntry> latest(String placementId, int limit) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId).and("deletedAt").is(null))
			.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), LogbookEntry.class);
	}

	private static Query live(String entryId) {
		return Query.query(Criteria.where("_id").is(entryId).and("deletedAt").is(null));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}
}
