package org.fieldnotes.people;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.personaldata.LegacyLayoutMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Converts data stored before people had ids, at every start, before anything reads it (before the schedules, the
 * outbox worker and the web server start): each module's {@link LegacyLayoutMigration}, placements first (their
 * embedded person records become the {@code people} collection), then everything that named people by member id or
 * {@code email:<address>}. A store already converted changes nothing. The {@code migrations} collection records that
 * it ran ({@value #ID}: first and last run, and what the last run that changed anything changed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PeopleMigration implements SmartInitializingSingleton {

	static final String ID = "people-by-id";
	private static final Logger log = LoggerFactory.getLogger(PeopleMigration.class);

	private final MongoTemplate mongo;
	private final List<LegacyLayoutMigration> steps;
	private final LegacyKeys legacy;
	private final Clock clock;

	PeopleMigration(MongoTemplate mongo, List<LegacyLayoutMigration> steps, People people,
			AccountReferences references, Clock clock) {
		this.mongo = mongo;
		this.steps = steps.stream()
			.sorted(Comparator.comparingInt(LegacyLayoutMigration::order).thenComparing(LegacyLayoutMigration::name))
			.toList();
		this.legacy = new LegacyKeys(people, references);
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		run();
	}

	/** Runs every module's migration; returns what each changed. */
	Map<String, Long> run() {
		// a person is found by account or address under a unique index: it must exist before people are made
		var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
		resolver.resolveIndexFor(Person.class).forEach(index -> mongo.indexOps(Person.class).createIndex(index));
		Map<String, Long> changed = new LinkedHashMap<>();
		for (LegacyLayoutMigration step : steps) {
			changed.put(step.name(), step.migrate(legacy));
		}
		long total = changed.values().stream().mapToLong(Long::longValue).sum();
		Update record = new Update().setOnInsert("firstRanAt", clock.instant()).set("lastRanAt", clock.instant());
		if (total > 0) {
			record.set("lastChangedAt", clock.instant()).set("changed", changed);
			log.info("Stored data converted to people with ids: {}", changed);
		}
		else {
			log.debug("Stored data already uses people with ids");
		}
		mongo.upsert(Query.query(Criteria.where("_id").is(ID)), record, MigrationRecord.class);
		return changed;
	}
}
