package org.fieldnotes.teams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The Teams adapter's part of export and erasure: a person's conversation references ({@code teams_conversations}:
 * their Teams user id and Entra object id, name as Teams gave it, where their chat with the bot is). They hold no
 * words, so an admin's export shows them too. A reference names both of a user's ids, so each leads to the other.
 * Erasing deletes them (Fieldnotes can then no longer write to the person in Teams). The retention sweep leaves them:
 * they belong to the person, not to a placement.
 */
@Component
class TeamsPersonalData implements PersonalData {

	private static final String PREFIX = TeamsMemberReferences.PLATFORM + ":";

	private final MongoTemplate mongo;
	private final TeamsConversations conversations;

	TeamsPersonalData(MongoTemplate mongo, TeamsConversations conversations) {
		this.mongo = mongo;
		this.conversations = conversations;
	}

	/** Before the people records, through whose accounts they are found. */
	@Override
	public int order() {
		return SCHEDULES + 60;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(TeamsConversation.class);
	}

	@Override
	public DataSubject identify(DataSubject subject) {
		Set<String> members = memberIds(subject);
		if (members.isEmpty()) {
			return subject;
		}
		List<String> keys = new ArrayList<>();
		for (TeamsConversation c : conversations.ofMembers(members)) {
			keys.add(PREFIX + c.userId());
			if (c.aadObjectId() != null) {
				keys.add(PREFIX + c.aadObjectId());
			}
		}
		return subject.with(List.of(), keys, List.of(), List.of(), List.of());
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(TeamsConversation.COLLECTION,
				mongo.find(theirs(subject), Document.class, TeamsConversation.COLLECTION)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(TeamsConversation.COLLECTION, mongo.count(theirs(subject), TeamsConversation.class));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(TeamsConversation.COLLECTION, mongo.remove(theirs(subject), TeamsConversation.class).getDeletedCount());
		return counts;
	}

	private static Query theirs(DataSubject subject) {
		Set<String> members = memberIds(subject);
		// no Teams account: a query that matches nothing (an empty "in" does not match)
		return TeamsConversations.query(members.isEmpty() ? Set.of("") : members);
	}

	private static Set<String> memberIds(DataSubject subject) {
		return subject.accountKeys().stream().filter(k -> k.startsWith(PREFIX)).map(k -> k.substring(PREFIX.length()))
			.collect(Collectors.toSet());
	}
}
