package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.fieldnotes.store.Batches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code digest_runs} collection: each admin's run, with the ids of the digest records it handled. How far a run
 * got is read from those records (their status follows the outbox), by {@code _id}, which every store answers from
 * its index. Runs are kept for {@link #KEPT}, as long as the outbox keeps what it sent.
 */
@Component
public class DigestRuns {

	static final Duration KEPT = Duration.ofDays(30);

	private final MongoTemplate mongo;
	private final Clock clock;

	DigestRuns(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Records a run that handled these digests (and forgets runs older than {@link #KEPT}). */
	DigestRun record(Instant startedAt, int recipients, List<DigestService.Handled> handled) {
		Map<String, Integer> queued = new TreeMap<>();
		Map<String, Integer> skipped = new TreeMap<>();
		for (DigestService.Handled digest : handled) {
			if (digest.record().status() == DigestStatus.SKIPPED) {
				skipped.merge(String.valueOf(digest.record().failure()), 1, Integer::sum);
			}
			else {
				queued.merge(digest.channel(), 1, Integer::sum);
			}
		}
		mongo.remove(Query.query(Criteria.where("startedAt").lt(clock.instant().minus(KEPT))), DigestRun.class);
		return mongo.insert(new DigestRun(UUID.randomUUID().toString(), startedAt, recipients, queued, skipped,
				handled.stream().map(h -> h.record().id()).toList()));
	}

	/** How far the run has got; empty for an id that names no run (or one forgotten). */
	public Optional<DigestRun.Progress> progress(String runId) {
		DigestRun run = mongo.findById(runId, DigestRun.class);
		if (run == null) {
			return Optional.empty();
		}
		Map<DigestStatus, Integer> counts = new TreeMap<>();
		int found = 0;
		List<String> ids = run.recordIds();
		for (int start = 0; start < ids.size(); start += Batches.SIZE) {
			List<String> batch = ids.subList(start, Math.min(ids.size(), start + Batches.SIZE));
			// {_id: {$in: …}} alone: answered from the _id index, also on the embedded store
			for (DigestRecord record : mongo.find(Query.query(Criteria.where("_id").in(batch)), DigestRecord.class)) {
				counts.merge(record.status(), 1, Integer::sum);
				found++;
			}
		}
		return Optional.of(new DigestRun.Progress(run, counts.getOrDefault(DigestStatus.CLAIMED, 0),
				counts.getOrDefault(DigestStatus.SENT, 0), counts.getOrDefault(DigestStatus.FAILED, 0),
				counts.getOrDefault(DigestStatus.SKIPPED, 0), run.recordIds().size() - found));
	}
}
