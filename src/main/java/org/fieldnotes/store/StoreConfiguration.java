package org.fieldnotes.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.mongodb.ConnectionString;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Chooses the store: the MongoDB named by {@code MONGODB_URI}, or else the embedded one. Either way the rest of
 * the application sees one {@code MongoClient} and the same code runs against both.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedMongoHolder embeddedMongo(StoreSettings settings) {
		return new EmbeddedMongoHolder(settings.embedded() ? new EmbeddedMongo(settings.dataDir()) : null);
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(StoreSettings settings, EmbeddedMongoHolder embedded) {
		ConnectionString connection = settings.embedded()
				? new ConnectionString(embedded.mongo().connectionString(settings.database()))
				: withDefaultDatabase(settings.uri(), settings.database());
		return () -> connection;
	}

	/** Fail fast when the store is unreachable instead of hanging a Slack request past its 3-second budget. */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(StoreSettings settings) {
		long millis = settings.timeout() == null || settings.timeout().isNegative() || settings.timeout().isZero() ? 2000
				: settings.timeout().toMillis();
		return builder -> builder
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout((int) Math.min(millis, Integer.MAX_VALUE),
					TimeUnit.MILLISECONDS));
	}

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return LocalTimeConversions.create();
	}

	private static ConnectionString withDefaultDatabase(String uri, String database) {
		ConnectionString given = new ConnectionString(uri);
		if (given.getDatabase() != null) {
			return given;
		}
		// Insert the database name before the options: mongodb://host:27017/?replicaSet=rs0 -> /fieldnotes?replicaSet=rs0
		int query = uri.indexOf('?');
		String base = query < 0 ? uri : uri.substring(0, query);
		String options = query < 0 ? "" : uri.substring(query);
		String slash = base.substring(base.indexOf("//") + 2).contains("/") ? "" : "/";
		return new ConnectionString(base + slash + database + options);
	}

	/** Holds the embedded server when there is one; lets the bean exist (and be closed) in both modes. */
	record EmbeddedMongoHolder(EmbeddedMongo mongo) implements AutoCloseable {
		@Override
		public void close() {
			if (mongo != null) {
				mongo.close();
			}
		}
	}
}
