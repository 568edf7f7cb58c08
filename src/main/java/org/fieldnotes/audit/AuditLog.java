package org.fieldnotes.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bson.types.ObjectId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The {@code audit} collection: every admin action, from chat commands and from the admin API. Ids are ObjectIds,
 * which grow within a process, so records of the same millisecond still list newest first.
 */
@Service
public class AuditLog {

	public static final String DONE = "done";
	public static final String REFUSED = "refused";
	public static final String FAILED = "failed";
	public static final int MAX = 100;

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final MongoTemplate mongo;
	private final Clock clock;

	AuditLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Records an action; an audit write that fails is logged and never undoes or hides the action itself. */
	public void record(String actor, String action, String placementId, String person, String outcome,
			String detail) {
		try {
			mongo.insert(new AuditRecord(new ObjectId().toHexString(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
					actor, action, placementId, person, outcome, detail));
		}
		catch (RuntimeException e) {
			log.warn("Audit record for {} by {} not stored: {}", action, actor, e.getClass().getSimpleName());
		}
	}

	/** The latest {@code n} records (1 to 100), newest first. */
	public List<AuditRecord> latest(int n) {
		int limit = Math.max(1, Math.min(MAX, n));
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(limit), AuditRecord.class);
	}
}
