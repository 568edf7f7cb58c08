package org.fieldnotes.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.personaldata.NoPersonalData;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Deletes what participants wrote, and what was recorded around it, once a placement has been over for the retention
 * period: its logbook entries, status updates, entry responses (acknowledgements and replies) and prompt
 * occurrences. A placement is over when it was ended ({@link PlacementStatus#ENDED}) or its end date has passed; the
 * period counts from its end date, or from the day an admin ended it when that was earlier, in the participant's
 * time zone. A placement that is still running (active or paused, end date not passed) is never swept.
 * <p>
 * What stays: the placement document (programme, host, dates, people: the programme's record of who was placed
 * where), the digest records (recipients, weeks and ids only, no text), the end-of-placement notice, and one
 * {@code retention_records} document per swept placement with the numbers deleted and when (for programme evaluation).
 * <p>
 * What goes is each module's to say ({@link PersonalData#purge}); the logbook and prompting modules delete in
 * batches by id, so a sweep never holds a large result in memory and a sweep interrupted halfway is finished by the
 * next one. Running it again deletes nothing more. The daily sweep is claimed
 * per UTC day in {@code retention_sweeps}, so two instances never both run it; an admin's sweep runs regardless (it
 * is idempotent). Logs counts and ids, never text.
 */
@Service
public class RetentionSweep {

	static final String SWEEPS = "retention_sweeps";
	static final String RECORDS = "retention_records";

	private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	/** Every module's data, asked in erasure order (so replies go before the entries they answer). */
	private final List<PersonalData> modules;
	private final RetentionSettings settings;
	private final Clock clock;

	RetentionSweep(MongoTemplate mongo, PlacementManagement placements, List<PersonalData> modules,
			RetentionSettings settings, Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.modules = modules.stream().sorted(Comparator.comparingInt(PersonalData::order)).toList();
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The daily sweep: runs only if no instance has claimed today's (UTC) sweep yet.
	 * @return what was deleted; empty when another run already claimed today
	 */
	public Optional<Result> sweepOncePerDay() {
		Instant now = clock.instant();
		String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
		if (Claims.insertOnce(mongo, new SweepClaim(day, now, null, null)).isEmpty()) {
			log.info("Retention sweep of {} already claimed; nothing to do", day);
			return Optional.empty();
		}
		Result result = sweep();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(day)),
				new Update().set("finishedAt", clock.instant()).set("deleted", result.deleted()), SweepClaim.class);
		return Optional.of(result);
	}

	/** Sweeps now (an admin's request, or the claimed daily sweep). */
	public Result sweep() {
		Instant now = clock.instant();
		Period retention = settings.retention();
		Map<String, Long> total = zero();
		List<String> swept = new ArrayList<>();
		int failed = 0;
		for (Placement placement : placements.all()) {
			Optional<LocalDate> endedOn = endedOn(placement, now);
			if (endedOn.isEmpty() || today(placement, now).isBefore(endedOn.get().plus(retention))) {
				continue;
			}
			try {
				Map<String, Long> deleted = sweep(placement.getId());
				long count = deleted.values().stream().mapToLong(Long::longValue).sum();
				if (count > 0) {
					record(placement, endedOn.get(), deleted, now);
					swept.add(placement.getId());
					deleted.forEach((collection, n) -> total.merge(collection, n, Long::sum));
					log.info("Retention: placement {} (ended {}) swept: {}", placement.getId(), endedOn.get(),
							counts(deleted));
				}
			}
			catch (RuntimeException e) {
				failed++;
				log.warn("Retention: placement {} not swept ({}); the next sweep tries again", placement.getId(),
						e.getClass().getSimpleName());
			}
		}
		log.info("Retention sweep (keep {} after the end): {} placements swept{}; deleted {}", retention,
				swept.size(), failed > 0 ? ", " + failed + " failed" : "", counts(total));
		return new Result(now, retention.toString(), swept.size(), failed, Collections.unmodifiableMap(total),
				List.copyOf(swept));
	}

	/**
	 * When the placement ended: its end date, or the day an admin ended it if that was earlier; empty while it runs
	 * (not ended and its end date not passed in the participant's time zone).
	 */
	static Optional<LocalDate> endedOn(Placement placement, Instant now) {
		LocalDate end = placement.getEndDate();
		if (placement.getStatus() == PlacementStatus.ENDED) {
			if (placement.getUpdatedAt() != null) {
				LocalDate ended = LocalDate.ofInstant(placement.getUpdatedAt(), zone(placement));
				return Optional.of(ended.isBefore(end) ? ended : end);
			}
			return Optional.of(end);
		}
		return today(placement, now).isAfter(end) ? Optional.of(end) : Optional.empty();
	}

	/** Each module deletes what it keeps of the placement's logbook. */
	private Map<String, Long> sweep(String placementId) {
		Map<String, Long> deleted = zero();
		for (PersonalData module : modules) {
			module.purge(placementId).forEach((collection, n) -> deleted.merge(collection, n, Long::sum));
		}
		return deleted;
	}

	private void record(Placement placement, LocalDate endedOn, Map<String, Long> deleted, Instant now) {
		Update update = new Update().setOnInsert("program", placement.getProgram())
			.setOnInsert("startDate", placement.getStartDate().toString())
			.setOnInsert("endDate", placement.getEndDate().toString())
			.setOnInsert("firstSweptAt", now)
			.set("endedOn", endedOn.toString())
			.set("lastSweptAt", now);
		deleted.forEach((collection, n) -> update.inc("deleted." + collection, n));
		mongo.upsert(Query.query(Criteria.where("_id").is(placement.getId())), update, RetentionRecord.class);
	}

	private static LocalDate today(Placement placement, Instant now) {
		return LocalDate.ofInstant(now, zone(placement));
	}

	private static ZoneId zone(Placement placement) {
		return placement.getParticipant() == null ? ZoneOffset.UTC : placement.getParticipant().zone();
	}

	/** Every count the modules' purges report, at zero, in their order. */
	private Map<String, Long> zero() {
		Map<String, Long> counts = new LinkedHashMap<>();
		modules.forEach(module -> module.purged().forEach(c -> counts.put(c, 0L)));
		return counts;
	}

	private static String counts(Map<String, Long> counts) {
		StringBuilder text = new StringBuilder();
		counts.forEach((collection, n) -> text.append(text.isEmpty() ? "" : ", ").append(collection).append('=').append(n));
		return text.toString();
	}

	/**
	 * What a sweep did.
	 * @param at when it ran
	 * @param retention the period it applied, ISO-8601
	 * @param placements how many placements had something deleted
	 * @param failed how many placements could not be swept (the next sweep tries again)
	 * @param deleted documents deleted per collection
	 * @param placementIds the placements that had something deleted
	 */
	public record Result(Instant at, String retention, int placements, int failed, Map<String, Long> deleted,
			List<String> placementIds) {

		public long total() {
			return deleted.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** One claimed daily sweep: the UTC day, when it was claimed and when it finished, with its counts. */
	@org.springframework.data.mongodb.core.mapping.Document(SWEEPS)
	@NoPersonalData("one per UTC day: when the sweep ran and how many documents it deleted")
	record SweepClaim(@Id String day, Instant claimedAt, Instant finishedAt, Map<String, Long> deleted) {
	}
}
