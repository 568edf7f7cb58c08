package org.fieldnotes.store;

import java.util.List;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * A database of the embedded store whose non-unique indexes are honoured ({@link SecondaryIndex}) instead of
 * ignored, and whose unique indexes (mongo-java-server's own, kept in the store file) also answer queries with
 * more conditions than their keys ({@link UniqueLookup}).
 *
 * <p>Called from {@link H2Database}'s constructor too (when the store is opened, for the indexes it already has),
 * so this class keeps no state of its own.
 */
final class IndexingH2Database extends H2Database {

	IndexingH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new SecondaryIndex(indexName, keys, sparse);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new UniqueLookup(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
	}
}
