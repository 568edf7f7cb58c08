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
	EmbeddedMongoHolder embeddedMongo(StoreSettings settings,
			org.springframework.beans.factory.ObjectProvider<NotSynced> notSynced) {
		return new EmbeddedMongoHolder(settings.embedded()
				? new EmbeddedMongo(settings.dataDir(), notSynced.orderedStream().toList()) : null);
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(StoreSettings settings, EmbeddedMongoHolder embedded) {
		ConnectionString connection = settings.embedded()
				? new ConnectionString(embedded.mongo().connectionString(settings.database()))
				: withDefaultDatabase(settings.uri(), settings.database());
		return () -> connection;
	}

	/**
	 * Fail fast when the store is unreachable instead of hanging a Slack request past its 3-second budget; and give
	 * up on a command the store never answers (a network partition that sends no reset would otherwise hold the
	 * thread for ever: the driver waits without limit by default) after {@value #READ_TIMEOUT_FACTOR} times that.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(StoreSettings settings) {
		long millis = settings.timeout() == null || settings.timeout().isNegative() || settings.timeout().isZero() ? 2000
				: settings.timeout().toMillis();
		int connect = (int) Math.min(millis, Integer.MAX_VALUE);
		int read = (int) Math.min(millis * READ_TIMEOUT_FACTOR, Integer.MAX_VALUE);
		return builder -> builder
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(connect, TimeUnit.MILLISECONDS)
				.readTimeout(read, TimeUnit.MILLISECONDS));
	}

	/** A command may take this many store timeouts before it is given up (10 s by default). */
	static final int READ_TIMEOUT_FACTOR = 5;

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
