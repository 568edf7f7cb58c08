package org.fieldnotes.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index of the embedded store (mongo-java-server's own, kept in the store file, to which everything else
 * is handed) that also answers a query with more conditions than its keys. mongo-java-server uses a unique index
 * only for a query on exactly its keys: {@code {_id: …}} is a lookup, but {@code {_id: …, deletedAt: null}} (an
 * entry not deleted) or {@code {_id: …, status: "SENDING", owner: …}} (a claim still held) read the whole
 * collection. Here, when a query requires each of the index's keys to equal a plain value, the index gives the one
 * document having those values as the only candidate, and the collection checks the rest of the query on it, as it
 * would on every document when it scans.
 *
 * <p>Only for keys at the top level of the document (no dotted path), where the index and the matcher read values
 * alike.
 */
final class UniqueLookup extends Index<Object> {

	private final Index<Object> unique;
	private final boolean topLevel;
	private final AtomicLong narrowed = new AtomicLong();

	UniqueLookup(Index<Object> unique, boolean sparse) {
		super(unique.getName(), unique.getKeys(), sparse);
		this.unique = unique;
		this.topLevel = keys().stream().noneMatch(key -> key.contains(".") || key.startsWith("$"));
	}

	@Override
	public boolean canHandle(Document query) {
		if (unique.canHandle(query)) {
			return true;
		}
		Document keys = keysOf(query);
		return keys != null && unique.canHandle(keys);
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		if (unique.canHandle(query)) {
			return unique.getPositions(query);
		}
		narrowed.incrementAndGet();
		return unique.getPositions(keysOf(query));
	}

	/** How many queries with more conditions than the keys this index has answered since it was opened. */
	long narrowedLookups() {
		return narrowed.get();
	}

	/** The query's condition on the index's keys alone, when each is a plain value; else {@literal null}. */
	private Document keysOf(Document query) {
		if (!topLevel) {
			return null;
		}
		Document keys = new Document();
		for (String key : keys()) {
			Object condition = conditionOn(query, key);
			if (condition instanceof Document operator && operator.size() == 1 && operator.containsKey("$eq")) {
				condition = operator.get("$eq");
			}
			if (!isPlain(condition)) {
				return null;
			}
			keys.put(key, condition);
		}
		return keys;
	}

	/** The query's condition on this key, at its top level or in an {@code $and} (each must hold either way). */
	private static Object conditionOn(Document query, String key) {
		if (query.containsKey(key)) {
			return query.get(key);
		}
		if (query.get("$and") instanceof List<?> branches) {
			for (Object branch : branches) {
				Object condition = branch instanceof Document d ? conditionOn(d, key) : null;
				if (condition != null) {
					return condition;
				}
			}
		}
		return null;
	}

	/** As {@link SecondaryIndex}: a value the matcher compares by equality alone. */
	private static boolean isPlain(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof ObjectId || value instanceof Instant || value instanceof Date
				|| value instanceof UUID;
	}

	@Override
	public Object getPosition(Document document) {
		return unique.getPosition(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		unique.checkAdd(document, collection);
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		unique.add(document, position, collection);
	}

	@Override
	public Object remove(Document document) {
		return unique.remove(document);
	}

	@Override
	public long getCount() {
		return unique.getCount();
	}

	@Override
	public boolean isEmpty() {
		return unique.isEmpty();
	}

	@Override
	public long getDataSize() {
		return unique.getDataSize();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		unique.checkUpdate(oldDocument, newDocument, collection);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) throws KeyConstraintError {
		unique.updateInPlace(oldDocument, newDocument, position, collection);
	}

	@Override
	public void drop() {
		unique.drop();
	}

	@Override
	public boolean isUnique() {
		return unique.isUnique();
	}
}
