package org.fieldnotes.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many replies a response link has carried: at most {@link #PER_HOUR} in each clock hour (UTC), so that a link
 * that leaked (forwarded, in a shared inbox) cannot flood a participant. A link is its entry and recipient: every
 * e-mail's link to the same entry for the same person shares the count. Counted in {@code link_reply_counts}, one
 * document per link and hour, by a single atomic upsert (so also across instances); the id is a SHA-256 of the link,
 * never the entry or the address. Earlier hours are deleted when a new one starts.
 */
@Component
class ReplyLimits {

	/** Replies one link may carry in one clock hour. */
	static final int PER_HOUR = 5;

	private final MongoTemplate mongo;
	private final Clock clock;

	ReplyLimits(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** One more reply through this link: whether it is within the limit (counted either way). */
	boolean tryReply(String entryId, String recipientKey) {
		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
		String link = sha256(entryId + "\n" + recipientKey);
		Query query = Query.query(Criteria.where("_id").is(link + ":" + hour.getEpochSecond()));
		Update update = new Update().inc("count", 1).setOnInsert("hour", hour);
		ReplyCount count;
		try {
			count = mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
					ReplyCount.class);
		}
		catch (DuplicateKeyException e) {
			// two first replies of the hour at once: the other made the document, count on it
			count = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), ReplyCount.class);
		}
		if (count.count() == 1) {
			mongo.remove(Query.query(Criteria.where("hour").lt(hour)), ReplyCount.class);
		}
		return count.count() <= PER_HOUR;
	}

	/** How long until the count starts again (the next clock hour). */
	Duration untilNextHour() {
		Instant now = clock.instant();
		return Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Document("link_reply_counts")
	record ReplyCount(@Id String id, Instant hour, int count) {
	}
}
