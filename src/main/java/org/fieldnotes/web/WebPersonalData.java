package org.fieldnotes.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.Placements;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The web chat's part of export, erasure and retention: a member's conversation ({@code web_messages}: what
 * Fieldnotes sent them and what they wrote there) and the files shared in it ({@code web_files}) are theirs. Erasing
 * deletes them (and forgets their notes, Home and open form held in memory); the retention sweep deletes the
 * conversation of a placement's participant, which holds copies of what they wrote.
 */
@Component
class WebPersonalData implements PersonalData {

	/** Why an admin's export leaves the web chat out: it is the person's own conversation. */
	static final String WITHHELD = "conversation";

	private final MongoTemplate mongo;
	private final Placements placements;
	private final WebConversations conversations;

	WebPersonalData(MongoTemplate mongo, Placements placements, WebConversations conversations) {
		this.mongo = mongo;
		this.placements = placements;
		this.conversations = conversations;
	}

	/**
	 * After the logbook and prompting (the conversation holds copies of what they hold) and long before the people
	 * records, through whose accounts it is found.
	 */
	@Override
	public int order() {
		return SCHEDULES + 50;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(WebMessage.class, WebFile.class);
	}

	/**
	 * Everything to the person themself (a file's bytes left out); nothing but counts to an admin: the conversation
	 * holds what the person typed, private entries included, and what Fieldnotes quoted to them.
	 */
	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		if (reader == Reader.ADMIN) {
			return List.of(withheld(WebMessage.COLLECTION, mongo.count(theirs(subject), WebMessage.class)),
					withheld(WebFile.COLLECTION, mongo.count(theirs(subject), WebFile.class)));
		}
		Query files = theirs(subject);
		files.fields().exclude("content");
		return List.of(Section.of(WebMessage.COLLECTION, mongo.find(theirs(subject), Document.class, WebMessage.COLLECTION)),
				Section.of(WebFile.COLLECTION, mongo.find(files, Document.class, WebFile.COLLECTION)));
	}

	private static Section withheld(String name, long count) {
		return new Section(name, List.of(), count == 0 ? Map.of() : Map.of(WITHHELD, count));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(WebMessage.COLLECTION, mongo.count(theirs(subject), WebMessage.class));
		counts.put(WebFile.COLLECTION, mongo.count(theirs(subject), WebFile.class));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(WebMessage.COLLECTION, mongo.remove(theirs(subject), WebMessage.class).getDeletedCount());
		counts.put(WebFile.COLLECTION, mongo.remove(theirs(subject), WebFile.class).getDeletedCount());
		memberIds(subject).forEach(conversations::forget);
		return counts;
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		Set<String> members = placements.findById(placementId)
			.map(p -> p.getParticipant().accounts().stream()
				.filter(a -> WebMemberReferences.PLATFORM.equals(a.platform()))
				.map(ChatAccount::memberId)
				.collect(Collectors.toSet()))
			.orElse(Set.of());
		Query query = Query.query(Criteria.where("memberId").in(members));
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(WebMessage.COLLECTION, members.isEmpty() ? 0L : mongo.remove(query, WebMessage.class).getDeletedCount());
		counts.put(WebFile.COLLECTION, members.isEmpty() ? 0L : mongo.remove(query, WebFile.class).getDeletedCount());
		return counts;
	}

	@Override
	public List<String> purged() {
		return List.of(WebMessage.COLLECTION, WebFile.COLLECTION);
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(Criteria.where("memberId").in(memberIds(subject)));
	}

	private static Set<String> memberIds(DataSubject subject) {
		String prefix = WebMemberReferences.PLATFORM + ":";
		return subject.accountKeys().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
			.collect(Collectors.toSet());
	}
}
