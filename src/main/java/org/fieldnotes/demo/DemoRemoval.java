package org.fieldnotes.demo;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.privacy.Erasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Removes demo data: every demo person is erased through {@link Erasure}, so whatever any module stores about them
 * (their placement with its logbook, prompts and digests, messages to them, their preferences, the web chat's
 * records) goes the way an erasure takes it, and nothing of anyone else. One demo's people are erased one by one; a
 * crash midway leaves the rest marked (see {@link DemoRecord}), and removing again finishes the job.
 */
@Service
public class DemoRemoval {

	private static final Logger log = LoggerFactory.getLogger(DemoRemoval.class);

	private final MongoTemplate mongo;
	private final Erasure erasure;
	private final AuditLog audit;
	private final Clock clock;

	DemoRemoval(MongoTemplate mongo, Erasure erasure, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.erasure = erasure;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What a removal did, or what is there to remove.
	 * @param placements demo placements
	 * @param people demo people
	 * @param erased what the erasures deleted or changed, by count key (as {@link Erasure.Erased#counts()})
	 */
	public record Removed(long placements, long people, Map<String, Long> erased) {

		public Removed {
			erased = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(erased));
		}
	}

	/** The live demo placements and their people, counted (nothing is changed). */
	public Removed count() {
		List<DemoRecord> marks = mongo.findAll(DemoRecord.class);
		return new Removed(placements(marks), people(marks), Map.of());
	}

	/**
	 * Removes every demo placement and person, audited as {@code actor} ({@code demo-remove}, with the counts).
	 * @param actor who asked: an admin's person id, or {@code api}
	 */
	public Removed removeAll(String actor) {
		return remove(mongo.findAll(DemoRecord.class), actor);
	}

	/**
	 * Removes the demo data whose time is up ({@code FIELDNOTES_DEMO_TTL} after it was started), audited as
	 * {@code actor} when there was any.
	 */
	public Removed removeExpired(String actor) {
		List<DemoRecord> expired = mongo.find(Query.query(Criteria.where("expiresAt").lte(clock.instant())),
				DemoRecord.class);
		return expired.isEmpty() ? new Removed(0, 0, Map.of()) : remove(expired, actor);
	}

	private Removed remove(List<DemoRecord> marks, String actor) {
		Map<String, Long> erased = new LinkedHashMap<>();
		for (DemoRecord mark : marks) {
			for (int i = 0; i < mark.accountKeys().size(); i++) {
				String account = mark.accountKeys().get(i);
				List<String> person = i < mark.personIds().size() ? List.of(mark.personIds().get(i)) : List.of();
				erasure.erase(DataSubject.asked(account, person, List.of(account), List.of()), actor)
					.counts()
					.forEach((key, n) -> erased.merge(key, n, Long::sum));
			}
			// its people's erasures took it off; a mark whose enrolment never happened is left to go here
			mongo.remove(Query.query(Criteria.where("_id").is(mark.id())), DemoRecord.class);
		}
		Removed removed = new Removed(placements(marks), people(marks), erased);
		audit.record(actor, "demo-remove", null, null, AuditLog.DONE,
				"placements=" + removed.placements() + " people=" + removed.people());
		log.info("Demo data removed by {}: {} placements, {} people", actor.startsWith("demo") ? actor : "an admin",
				removed.placements(), removed.people());
		return removed;
	}

	private static long placements(List<DemoRecord> marks) {
		return marks.stream().filter(m -> m.placementId() != null).count();
	}

	private static long people(List<DemoRecord> marks) {
		return marks.stream().mapToLong(m -> m.accountKeys().size()).sum();
	}
}
