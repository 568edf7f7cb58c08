package org.fieldnotes.teams;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The conversation references ({@code teams_conversations}): one per Teams user and tenant, written in one atomic
 * upsert each time.
 */
@Component
class TeamsConversations {

	private final MongoTemplate mongo;

	TeamsConversations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Keeps (or refreshes) where a user is reached; they count as installed from now. */
	TeamsConversation installed(String tenantId, String userId, String aadObjectId, String name,
			String conversationId, String serviceUrl, Instant at) {
		Update update = new Update().set("tenantId", tenantId)
			.set("userId", userId)
			.set("conversationId", conversationId)
			.set("serviceUrl", serviceUrl)
			.set("updatedAt", at)
			.unset("removedAt")
			.setOnInsert("installedAt", at);
		if (aadObjectId != null) {
			update.set("aadObjectId", aadObjectId);
		}
		if (name != null) {
			update.set("name", name);
		}
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(TeamsConversation.idOf(tenantId, userId))),
				update, FindAndModifyOptions.options().upsert(true).returnNew(true), TeamsConversation.class);
	}

	/** Keeps the client language Teams named, unless one was kept before: a hint from the first contact only. */
	void firstLocale(String tenantId, String userId, String locale) {
		if (locale == null || locale.isBlank() || locale.length() > 35) {
			return;
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(TeamsConversation.idOf(tenantId, userId))
			.and("locale").is(null)), new Update().set("locale", locale), TeamsConversation.class);
	}

	/** Keeps which activity in the user's chat is their welcome card (their Home). */
	void home(String conversationId, String activityId) {
		mongo.updateMulti(Query.query(Criteria.where("conversationId").is(conversationId)),
				new Update().set("homeActivityId", activityId), TeamsConversation.class);
	}

	/** The reference of one user in one tenant, installed or removed. */
	Optional<TeamsConversation> find(String tenantId, String userId) {
		return Optional.ofNullable(mongo.findById(TeamsConversation.idOf(tenantId, userId), TeamsConversation.class));
	}

	/** Records that a user removed the app: nothing more is sent to the conversation. */
	void removed(String tenantId, String userId, Instant at) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(TeamsConversation.idOf(tenantId, userId))),
				new Update().set("removedAt", at).set("updatedAt", at), TeamsConversation.class);
	}

	/**
	 * Where an account is reached: the installed reference whose user id or Entra object id is the account's member id
	 * (in the account's tenant, when it is known), the latest first.
	 */
	Optional<TeamsConversation> of(ChatAccount account) {
		Criteria member = new Criteria().orOperator(Criteria.where("userId").is(account.memberId()),
				Criteria.where("aadObjectId").is(account.memberId()));
		Query query = Query.query(member);
		return mongo.find(query, TeamsConversation.class)
			.stream()
			.filter(TeamsConversation::installed)
			.filter(c -> account.workspace() == null || account.workspace().equals(c.tenantId()))
			.max(Comparator.comparing(TeamsConversation::updatedAt));
	}

	/** The reference of a conversation the bot sent to (to update a message in it). */
	Optional<TeamsConversation> byConversation(String conversationId) {
		return mongo.find(Query.query(Criteria.where("conversationId").is(conversationId)), TeamsConversation.class)
			.stream()
			.max(Comparator.comparing(TeamsConversation::updatedAt));
	}

	/** Every reference of these member ids (user ids or Entra object ids). */
	List<TeamsConversation> ofMembers(java.util.Collection<String> memberIds) {
		return mongo.find(query(memberIds), TeamsConversation.class);
	}

	static Query query(java.util.Collection<String> memberIds) {
		return Query.query(new Criteria().orOperator(Criteria.where("userId").in(memberIds),
				Criteria.where("aadObjectId").in(memberIds)));
	}
}
