package org.fieldnotes.digest;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.store.Claims;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stored digest records; the insert is the claim on a recipient's week.
 */
@Repository
class DigestRecords {

	private final MongoTemplate mongo;

	DigestRecords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<DigestRecord> claim(DigestRecord record) {
		return Claims.insertOnce(mongo, record);
	}

	/**
	 * Claims many recipients' weeks in one write: each record is inserted unless its recipient's week is already
	 * claimed (by another run or instance), independently of the others.
	 * @return the records inserted, the claims this caller won
	 */
	List<DigestRecord> claimEach(List<DigestRecord> records) {
		return Claims.insertEach(mongo, DigestRecord.class, records);
	}

	boolean exists(String recipientKey, String week) {
		return mongo.exists(Query.query(Criteria.where("recipientKey").is(recipientKey).and("week").is(week)),
				DigestRecord.class);
	}

	void finish(String id, Update update) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, DigestRecord.class);
	}

	/** The recipient's most recently claimed digest. */
	Optional<DigestRecord> latest(String recipientKey) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("recipientKey").is(recipientKey))
			.with(Sort.by(Sort.Direction.DESC, "claimedAt", "week")).limit(1), DigestRecord.class));
	}

	/**
	 * The records of these recipients' weeks (recipient key → week), by recipient key, in one query rather than one
	 * per recipient. It asks by week first: the weeks of a batch are one or two (time zones), and the store's index
	 * on {@code week} (see {@link DigestRecord}) then reads only that week's records, not the recipients' history.
	 */
	Map<String, DigestRecord> findAll(Map<String, String> weekByRecipient) {
		if (weekByRecipient.isEmpty()) {
			return Map.of();
		}
		Set<String> weeks = new HashSet<>(weekByRecipient.values());
		Collection<String> keys = weekByRecipient.keySet();
		Map<String, DigestRecord> found = new HashMap<>();
		for (DigestRecord record : mongo.find(
				Query.query(Criteria.where("week").in(weeks).and("recipientKey").in(keys)), DigestRecord.class)) {
			if (record.week().equals(weekByRecipient.get(record.recipientKey()))) {
				found.put(record.recipientKey(), record);
			}
		}
		return found;
	}

	Optional<DigestRecord> find(String recipientKey, String week) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("recipientKey").is(recipientKey).and("week").is(week)), DigestRecord.class));
	}
}
