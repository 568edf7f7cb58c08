package org.fieldnotes.digest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Stored {@link DigestPreference}s; every change is one atomic upsert of the recipient's document. */
@Repository
class DigestPreferenceStore {

	private final MongoTemplate mongo;

	DigestPreferenceStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The preferences whose confirmed digest address is this one, in any case. */
	List<DigestPreference> withEmail(String address) {
		java.util.regex.Pattern exact = java.util.regex.Pattern.compile(
				"^" + java.util.regex.Pattern.quote(address.strip()) + "$", java.util.regex.Pattern.CASE_INSENSITIVE);
		return mongo.find(Query.query(Criteria.where("email").regex(exact)), DigestPreference.class);
	}

	Optional<DigestPreference> find(String recipientKey) {
		return Optional.ofNullable(mongo.findById(recipientKey, DigestPreference.class));
	}

	/** The stored preferences of these recipients, by recipient key, in one query; those who chose none are absent. */
	Map<String, DigestPreference> findAll(Collection<String> recipientKeys) {
		if (recipientKeys.isEmpty()) {
			return Map.of();
		}
		return mongo.find(Query.query(Criteria.where("_id").in(recipientKeys)), DigestPreference.class)
			.stream()
			.collect(Collectors.toMap(DigestPreference::recipientKey, Function.identity()));
	}

	DigestPreference upsert(String recipientKey, Update update) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(recipientKey)), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), DigestPreference.class);
	}

	/**
	 * Applies the update only while {@code nonce} is the pending confirmation's (one atomic update: a link used
	 * twice, or by two requests at once, takes effect once). Empty when it is not pending any more.
	 */
	Optional<DigestPreference> whilePending(String recipientKey, String nonce, Update update) {
		return Optional.ofNullable(mongo.findAndModify(
				Query.query(Criteria.where("_id").is(recipientKey).and("pendingNonce").is(nonce)), update,
				FindAndModifyOptions.options().returnNew(true), DigestPreference.class));
	}
}
