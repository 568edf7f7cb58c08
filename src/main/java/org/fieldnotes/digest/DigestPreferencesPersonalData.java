package org.fieldnotes.digest;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Digest settings' part of export and erasure. The address someone chose for their digests is one of theirs: a
 * Slack member who gets e-mail digests has messages addressed to {@code email:<that address>}. Settings are erased
 * late (addresses are how those messages are found, should an erasure have to be run again).
 */
@Component
class DigestPreferencesPersonalData implements PersonalData {

	static final String DIGEST_PREFERENCES = "digest_preferences";

	private final MongoTemplate mongo;

	DigestPreferencesPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return ADDRESSES;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(DigestPreference.class);
	}

	/**
	 * Adds the address their digest settings name (never the other way round: an address may be shared), and names
	 * the confirmation e-mail to an address they typed and have not confirmed yet: it is withdrawn if still unsent.
	 * That address itself is not taken for theirs, since anyone may type anyone's address.
	 */
	@Override
	public DataSubject identify(DataSubject subject) {
		List<DigestPreference> settings = mongo.find(theirs(subject), DigestPreference.class);
		List<String> addresses = settings.stream().map(DigestPreference::email).toList();
		List<String> confirmations = settings.stream()
			.map(DigestPreference::pendingNonce)
			.filter(java.util.Objects::nonNull)
			.map(nonce -> AddressConfirmation.KEY_PREFIX + nonce)
			.toList();
		return subject.withAddresses(addresses).quotedIn(confirmations);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(DIGEST_PREFERENCES, mongo.find(theirs(subject), Document.class, collection())));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(DIGEST_PREFERENCES, mongo.count(theirs(subject), collection()));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(DIGEST_PREFERENCES, mongo.remove(theirs(subject), collection()).getDeletedCount());
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(subject.isRecipient("_id"));
	}

	private String collection() {
		return mongo.getCollectionName(DigestPreference.class);
	}
}
