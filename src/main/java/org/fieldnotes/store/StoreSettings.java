package org.fieldnotes.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param uri MongoDB connection string ({@code MONGODB_URI}); blank means "start the embedded store"
 * @param dataDir folder of the embedded store's files ({@code FIELDNOTES_DATA_DIR})
 * @param database database name when the URI names none
 * @param timeout how long a store call waits for the server to be reachable (server selection) and for a connection
 * ({@code FIELDNOTES_STORE_TIMEOUT}, default 2 s): when the store is down, {@code /slack/events} answers 503 within it,
 * inside Slack's 3-second budget
 */
@ConfigurationProperties("fieldnotes.store")
record StoreSettings(String uri, @DefaultValue("./data") Path dataDir, @DefaultValue("fieldnotes") String database,
		@DefaultValue("PT2S") Duration timeout) {

	boolean embedded() {
		return uri == null || uri.isBlank();
	}
}
