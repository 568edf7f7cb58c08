package org.fieldnotes.delivery;

import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.personaldata.LegacyLayoutMigration;
import org.fieldnotes.personaldata.LegacyPeople;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outbox from before people had ids: a chat message addressed to a member id is addressed to the person, and
 * records the account it goes to (the member, in a workspace not known yet); an e-mail stays addressed to
 * {@code email:<address>}. The rate-limit pause, one document per platform then, becomes the pause of that platform's
 * accounts whose workspace is not known: the accounts the old data has.
 */
@Component
class OutboxLayoutMigration implements LegacyLayoutMigration {

	private final MongoTemplate mongo;
	private final AccountReferences references;

	OutboxLayoutMigration(MongoTemplate mongo, AccountReferences references) {
		this.mongo = mongo;
		this.references = references;
	}

	@Override
	public int order() {
		return KEYS;
	}

	@Override
	public String name() {
		return "outbox";
	}

	@Override
	public long migrate(LegacyPeople people) {
		return messages(people) + pauses();
	}

	private long messages(LegacyPeople people) {
		String collection = mongo.getCollectionName(OutboxMessage.class);
		Query old = Query.query(Criteria.where("account").exists(false).and("mail").exists(false));
		old.fields().include("recipient").include("status");
		long changed = 0;
		for (Document message : mongo.find(old, Document.class, collection)) {
			String recipient = message.getString("recipient");
			if (recipient == null || recipient.startsWith("email:") || people.isPersonId(recipient)) {
				continue;
			}
			Optional<ChatAccount> account = references.anyAccount(recipient);
			Optional<String> person = people.personFor(recipient, true);
			if (account.isEmpty() || person.isEmpty()) {
				continue;
			}
			Document stored = new Document("platform", account.get().platform()).append("workspace", null)
				.append("memberId", account.get().memberId());
			changed += mongo.updateFirst(
					Query.query(Criteria.where("_id").is(message.get("_id")).and("recipient").is(recipient)),
					new Update().set("recipient", person.get()).set("account", stored), collection).getModifiedCount();
		}
		return changed;
	}

	/** A pause of the old layout (one per platform, keyed by its name) says which platform it is. */
	private long pauses() {
		long changed = 0;
		for (Document pause : mongo.find(Query.query(Criteria.where("platform").exists(false)), Document.class,
				OutboxStore.PAUSES)) {
			changed += mongo.updateFirst(Query.query(Criteria.where("_id").is(pause.get("_id"))),
					new Update().set("platform", String.valueOf(pause.get("_id"))).set("workspace", null),
					OutboxStore.PAUSES).getModifiedCount();
		}
		return changed;
	}
}
