package org.fieldnotes.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.types.ObjectId;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What each web chat member sees: their conversation (kept in {@code web_messages}, so a reload shows it), and,
 * in this instance's memory, what is not kept: notes shown to them only, their Home as last shown, and the form open
 * for them. Every change is announced on their open pages ({@link WebEvents}).
 */
@Component
class WebConversations {

	/** The most messages a page shows (the latest). */
	static final int SHOWN = 200;
	/** The most notes kept per member (the latest). */
	static final int NOTES = 20;

	/** A note shown to one person only, not kept. */
	record Note(String id, List<Map<String, Object>> blocks) {
	}

	/** The form open for a member; {@code key} makes its submission unique, {@code sent} is what they sent last. */
	record OpenForm(String key, Form form, Map<String, List<String>> sent) {
	}

	private final MongoTemplate mongo;
	private final WebEvents events;
	private final Clock clock;
	private final Map<String, Deque<Note>> notes = new ConcurrentHashMap<>();
	private final Map<String, HomeScreen> homes = new ConcurrentHashMap<>();
	private final Map<String, OpenForm> forms = new ConcurrentHashMap<>();

	WebConversations(MongoTemplate mongo, WebEvents events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/** Keeps a message from Fieldnotes in the member's conversation; returns its id. */
	String fromFieldnotes(String memberId, ChatMessage message) {
		WebMessage kept = mongo.insert(new WebMessage(newId(), memberId, clock.instant(), WebMessage.FIELDNOTES,
				message.summary(), WebModels.blocks(message), null, false, null, null, null, null, null));
		events.changed(memberId, "message");
		return kept.id();
	}

	/** Keeps what the person wrote; returns its id (its "ts"). */
	String fromPerson(String memberId, String text) {
		WebMessage kept = mongo.insert(new WebMessage(newId(), memberId, clock.instant(), WebMessage.PERSON, null,
				List.of(), text, false, null, null, null, null, null));
		events.changed(memberId, "message");
		return kept.id();
	}

	/** Keeps a picture or file in the member's conversation; its bytes are served to them only. */
	void file(String memberId, byte[] bytes, String filename, String title, String altText, String mimeType) {
		String fileId = UUID.randomUUID().toString();
		mongo.insert(new WebFile(fileId, memberId, filename, mimeType, bytes, clock.instant()));
		mongo.insert(new WebMessage(newId(), memberId, clock.instant(), WebMessage.FIELDNOTES, title, List.of(), null,
				false, fileId, filename, title, altText, mimeType));
		events.changed(memberId, "message");
	}

	/** Replaces a message Fieldnotes sent; whether there was one (of this member's). */
	boolean replace(String memberId, String messageId, ChatMessage replacement) {
		boolean replaced = mongo.updateFirst(mine(memberId, messageId),
				new Update().set("summary", replacement.summary()).set("blocks", WebModels.blocks(replacement)),
				WebMessage.class).getMatchedCount() > 0;
		if (replaced) {
			events.changed(memberId, "message");
		}
		return replaced;
	}

	/** Replaces the blocks of a kept message as they are (e.g. a button relabelled). */
	void replaceBlocks(String memberId, String messageId, List<Map<String, Object>> blocks) {
		mongo.updateFirst(mine(memberId, messageId), new Update().set("blocks", blocks), WebMessage.class);
		events.changed(memberId, "message");
	}

	void markSaved(String memberId, String messageId) {
		if (mongo.updateFirst(mine(memberId, messageId).addCriteria(Criteria.where("from").is(WebMessage.PERSON)),
				new Update().set("saved", true), WebMessage.class).getMatchedCount() > 0) {
			events.changed(memberId, "message");
		}
	}

	/** A message of this member's conversation, or empty when it is not theirs. */
	Optional<WebMessage> message(String memberId, String messageId) {
		return Optional.ofNullable(mongo.findOne(mine(memberId, messageId), WebMessage.class));
	}

	/** The member's conversation, oldest first (the latest {@link #SHOWN}). */
	List<WebMessage> conversation(String memberId) {
		Query query = Query.query(Criteria.where("memberId").is(memberId)).with(Sort.by(Sort.Direction.DESC, "_id"))
			.limit(SHOWN);
		List<WebMessage> latest = new ArrayList<>(mongo.find(query, WebMessage.class));
		java.util.Collections.reverse(latest);
		return latest;
	}

	Optional<WebFile> file(String memberId, String fileId) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("_id").is(fileId).and("memberId").is(memberId)), WebFile.class));
	}

	void note(String memberId, ChatMessage message) {
		Deque<Note> theirs = notes.computeIfAbsent(memberId, id -> new ArrayDeque<>());
		synchronized (theirs) {
			theirs.addLast(new Note(newId(), WebModels.blocks(message)));
			while (theirs.size() > NOTES) {
				theirs.removeFirst();
			}
		}
		events.changed(memberId, "note");
	}

	List<Note> notes(String memberId) {
		Deque<Note> theirs = notes.get(memberId);
		if (theirs == null) {
			return List.of();
		}
		synchronized (theirs) {
			return List.copyOf(theirs);
		}
	}

	/** Replaces a note (e.g. a visibility choice made on it); whether there was one. */
	boolean replaceNote(String memberId, String noteId, ChatMessage replacement) {
		Deque<Note> theirs = notes.get(memberId);
		if (theirs == null) {
			return false;
		}
		boolean replaced = false;
		synchronized (theirs) {
			List<Note> all = new ArrayList<>(theirs);
			for (int i = 0; i < all.size(); i++) {
				if (all.get(i).id().equals(noteId)) {
					all.set(i, new Note(noteId, WebModels.blocks(replacement)));
					replaced = true;
				}
			}
			theirs.clear();
			theirs.addAll(all);
		}
		if (replaced) {
			events.changed(memberId, "note");
		}
		return replaced;
	}

	Optional<Note> note(String memberId, String noteId) {
		return notes(memberId).stream().filter(n -> n.id().equals(noteId)).findFirst();
	}

	void home(String memberId, HomeScreen home) {
		homes.put(memberId, home);
		events.changed(memberId, "home");
	}

	Optional<HomeScreen> home(String memberId) {
		return Optional.ofNullable(homes.get(memberId));
	}

	void open(String memberId, Form form) {
		forms.put(memberId, new OpenForm(UUID.randomUUID().toString(), form, null));
		events.changed(memberId, "form");
	}

	/** Shows the same form again with what the person sent and a message on each field named. */
	void reopen(String memberId, OpenForm open, Map<String, String> errors, Map<String, List<String>> sent) {
		forms.put(memberId, new OpenForm(open.key(), open.form().withErrors(errors), sent));
		events.changed(memberId, "form");
	}

	Optional<OpenForm> openForm(String memberId) {
		return Optional.ofNullable(forms.get(memberId));
	}

	/** Closes the member's form if it is still the one with this key. */
	void close(String memberId, String key) {
		forms.computeIfPresent(memberId, (id, open) -> open.key().equals(key) ? null : open);
		events.changed(memberId, "form");
	}

	/** Forgets what is held in memory for a member (their data is being erased). */
	void forget(String memberId) {
		notes.remove(memberId);
		homes.remove(memberId);
		forms.remove(memberId);
	}

	private static Query mine(String memberId, String messageId) {
		return Query.query(Criteria.where("_id").is(messageId).and("memberId").is(memberId));
	}

	private static String newId() {
		return new ObjectId().toHexString();
	}
}
