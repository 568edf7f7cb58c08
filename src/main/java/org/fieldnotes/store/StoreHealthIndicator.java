package org.fieldnotes.store;

import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * UP only when the store answers {@code {ping: 1}}. Boot's own MongoDB check sends {@code hello}, which the
 * embedded server does not know, so it is switched off in {@code application.yml}. An unreachable store is DOWN,
 * logged once per outage as one WARN line (not a stack trace on every probe); the return is logged too.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(StoreHealthIndicator.class);

	private final MongoTemplate mongo;
	private final AtomicBoolean down = new AtomicBoolean();

	StoreHealthIndicator(MongoTemplate mongo) {
		super("The store did not answer a ping");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try {
			mongo.executeCommand(new Document("ping", 1));
		}
		catch (DataAccessException e) {
			if (down.compareAndSet(false, true)) {
				log.warn("The store did not answer a ping ({}): health is DOWN until it does",
						e.getClass().getSimpleName());
			}
			builder.down().withDetail("error", e.getClass().getSimpleName());
			return;
		}
		if (down.compareAndSet(true, false)) {
			log.info("The store answers again: health is UP");
		}
		builder.up().withDetail("database", mongo.getDb().getName());
	}
}
