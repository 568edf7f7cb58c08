package org.fieldnotes.placement;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The store's log of placement changes, which carries a change of schedule from the instance that made it to the
 * others: each instance's Quartz is its own, and a change resets the triggers of the instance that handled it only.
 * Every {@link PlacementChanged} (an enrolment, one of a batch included; a pause, resume or end; a role emptied by an
 * erasure) is written here with this instance's id; the other instances read it ({@link ScheduleSync}). An
 * erasure deletes the entries of the person's own placements once their removal was announced.
 *
 * <p>Writing an entry must not fail the change, which is stored already: when the store refuses the entry, it is kept
 * in memory and written at this instance's next poll, stamped then (so that no instance has looked past it yet).
 * Lost only if this process ends before the store is back; the other instances then learn of the change when they
 * restart, as before the log.
 */
@Component
class PlacementChangeLog {

	private static final Logger log = LoggerFactory.getLogger(PlacementChangeLog.class);

	/** This instance: host and process, plus a random part so that a restarted process is a new instance. */
	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);
	private final MongoOperations mongo;
	private final Clock clock;
	/** Placements whose entry the store refused, to be written at the next poll. */
	private final Queue<String> unwritten = new ConcurrentLinkedQueue<>();

	PlacementChangeLog(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	String instance() {
		return instance;
	}

	@EventListener
	void on(PlacementChanged changed) {
		try {
			write(changed.placementId());
		}
		catch (RuntimeException e) {
			unwritten.add(changed.placementId());
			log.warn("Could not log the change of a placement for the other instances ({}); trying again at the next "
					+ "poll", e.getClass().getSimpleName());
		}
	}

	/**
	 * Writes the entries the store refused before, but not of a placement gone meanwhile (erased: its id must not
	 * outlive it here); stops at the first the store refuses again (kept for the next time).
	 */
	void writeUnwritten() {
		for (String placementId = unwritten.peek(); placementId != null; placementId = unwritten.peek()) {
			if (mongo.exists(Query.query(Criteria.where("_id").is(placementId)), Placement.class)) {
				write(placementId);
			}
			unwritten.remove();
		}
	}

	/** How many changes wait to be written. */
	int unwrittenCount() {
		return unwritten.size();
	}

	private void write(String placementId) {
		mongo.insert(PlacementChange.of(placementId, clock.instant(), instance));
	}

	/**
	 * Deletes the entries of these placements, written by any instance: they were erased, and their ids must not
	 * outlive them here. The other instances need not hear of it: a trigger they still have for one cancels itself
	 * when it fires and finds no placement.
	 */
	void forget(Collection<String> placementIds) {
		if (!placementIds.isEmpty()) {
			mongo.remove(Query.query(Criteria.where("placementId").in(placementIds)), PlacementChange.class);
		}
	}

	/** The entries of other instances written at or after {@code since}, oldest first. */
	List<PlacementChange> byOthersSince(Instant since) {
		return mongo.find(Query.query(Criteria.where("at").gte(since).and("instance").ne(instance))
			.with(Sort.by("at")), PlacementChange.class);
	}

	/** Deletes the entries written before {@code before}; returns how many. */
	long deleteBefore(Instant before) {
		return mongo.remove(Query.query(Criteria.where("at").lt(before)), PlacementChange.class).getDeletedCount();
	}
}
