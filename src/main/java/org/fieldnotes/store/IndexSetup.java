package org.fieldnotes.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes each module declares on its documents ({@code @Indexed}, {@code @CompoundIndex}) before the
 * application takes traffic or schedules anything. Unique indexes are what make claims and natural keys idempotent, so they must exist
 * even though Spring Data's automatic index creation is off (it is deprecated and easy to miss).
 */
@Component
class IndexSetup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

	private final MongoTemplate mongo;

	IndexSetup(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context = mongo.getConverter()
			.getMappingContext();
		var resolver = new MongoPersistentEntityIndexResolver(context);
		int count = 0;
		for (MongoPersistentEntity<?> entity : context.getPersistentEntities()) {
			if (!entity.isAnnotationPresent(Document.class)) {
				continue;
			}
			IndexOperations indexes = mongo.indexOps(entity.getType());
			for (var index : resolver.resolveIndexFor(entity.getTypeInformation())) {
				indexes.createIndex(index);
				count++;
			}
		}
		log.info("Store ready: {} indexes in place", count);
	}
}
