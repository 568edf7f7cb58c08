package org.fieldnotes.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param uri MongoDB connection string ({@code MONGODB_URI}); blank means "start the embedded store"
 * @param dataDir folder of the embedded store's files ({@code FIELDNOTES_DATA_DIR})
 * @param database database name when the URI names none
 */
@ConfigurationProperties("fieldnotes.store")
record StoreSettings(String uri, @DefaultValue("./data") Path dataDir, @DefaultValue("fieldnotes") String database) {

	boolean embedded() {
		return uri == null || uri.isBlank();
	}
}
