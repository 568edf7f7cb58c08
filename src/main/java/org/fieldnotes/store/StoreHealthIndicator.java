package org.fieldnotes.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * UP only when the store answers {@code {ping: 1}}. Boot's own MongoDB check sends {@code hello}, which the
 * embedded server does not know, so it is switched off in {@code application.yml}.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	StoreHealthIndicator(MongoTemplate mongo) {
		super("The store did not answer a ping");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", mongo.getDb().getName());
	}
}
