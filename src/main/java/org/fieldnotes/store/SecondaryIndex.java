package org.fieldnotes.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index the embedded store honours. mongo-java-server accepts non-unique indexes but ignores them, so
 * every query not on {@code _id} or exactly a unique index's fields read the whole collection (docs/performance.md,
 * P1 and P4). This one keeps, in memory, the positions of the documents per value of the index's <em>first</em> key;
 * it is built from the collection's documents when the index is added (also each time the store is opened) and kept
 * up to date on every insert, update and delete.
 *
 * <p>It only narrows a query down, conservatively: it answers a query that requires the first key to equal one of
 * some plain values (a string, number, boolean, ObjectId, date or UUID; directly, with {@code $eq} or {@code $in},
 * or in every branch of an {@code $or}), and gives the positions of the documents having one of them as
 * candidates, when they are at most a third of the collection (else a scan is cheaper). The collection then
 * applies its whole query, sort, skip and limit to those candidates, as it does to
 * every document when it scans, so the results are the same as a scan's, in the same order (candidates come in the
 * order of the collection's own map). Anything else (a range, {@code null}, a regular expression, an array or
 * embedded document as value) is left to the scan.
 *
 * <p>A value is found as mongo-java-server's matcher finds it: numbers are normalised as it normalises them (so
 * {@code 1}, {@code 1L} and {@code 1.0} are one value), the elements of arrays are indexed one by one, and a dotted
 * key is followed into embedded documents and through arrays of them at any depth. It indexes more than the matcher
 * would match (e.g. the elements of nested arrays), never less, since a candidate too many costs a match and a
 * candidate missing would be a wrong answer.
 *
 * <p>mongo-java-server already runs the commands of one collection one at a time; this index is synchronised on
 * itself too, so that nothing can see it half-changed.
 */
final class SecondaryIndex extends Index<Object> {

	private static final String ID = "_id";
	private static final NavigableSet<Object> EMPTY = new TreeSet<>();

	/** The first key's path, split at its dots. */
	private final List<String> path;
	/** False when the first key has a part the matcher reads differently (an array position, an operator). */
	private final boolean answers;
	/** The order of the H2 collection's own map (its default key type), so candidates come in a scan's order. */
	private final ObjectDataType positionOrder = new ObjectDataType();
	private final Map<Object, NavigableSet<Object>> positionsByValue = new HashMap<>();
	private long entries;
	private long lookups;
	private long candidates;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.path = List.of(keys.get(0).getKey().split("\\.", -1));
		this.answers = path.stream().noneMatch(part -> part.isEmpty() || part.startsWith("$") || part.matches("\\d+"));
	}

	/** Not a lookup by key: the collection finds a document's position through its {@code _id} index. */
	@Override
	public Object getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// not unique: nothing to check
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		for (Object value : valuesOf(document)) {
			put(value, position);
		}
	}

	/**
	 * The H2 collection keeps each document under its {@code _id}: that is its position, the same the collection's
	 * {@code _id} index gives for it.
	 */
	@Override
	public synchronized Object remove(Document document) {
		Object position = document.get(ID);
		for (Object value : valuesOf(document)) {
			take(value, position);
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// not unique: nothing to check
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		Set<Object> before = valuesOf(oldDocument);
		Set<Object> after = valuesOf(newDocument);
		for (Object value : before) {
			if (!after.contains(value)) {
				take(value, position);
			}
		}
		for (Object value : after) {
			if (!before.contains(value)) {
				put(value, position);
			}
		}
	}

	/**
	 * Only when the candidates are at most a third of the entries: fetching each candidate by its position is a
	 * lookup in the collection's map, dearer than reading the next document in a scan, so when most of the
	 * collection has the value (the outbox's {@code PENDING} messages during a backlog) the scan is cheaper.
	 */
	@Override
	public synchronized boolean canHandle(Document query) {
		Set<Object> values = answers ? valuesQueried(query) : null;
		if (values == null) {
			return false;
		}
		long found = 0;
		for (Object value : values) {
			found += positionsByValue.getOrDefault(value, EMPTY).size();
		}
		return found * 3 <= entries;
	}

	@Override
	public synchronized Iterable<Object> getPositions(Document query) {
		Set<Object> values = valuesQueried(query);
		List<Object> found;
		if (values.size() == 1) {
			found = new ArrayList<>(positionsByValue.getOrDefault(values.iterator().next(), EMPTY));
		}
		else {
			NavigableSet<Object> merged = new TreeSet<>(positionOrder::compare);
			for (Object value : values) {
				merged.addAll(positionsByValue.getOrDefault(value, EMPTY));
			}
			found = new ArrayList<>(merged);
		}
		lookups++;
		candidates += found.size();
		return found;
	}

	/** Index entries: one per document and distinct value of its first key. */
	@Override
	public synchronized long getCount() {
		return entries;
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public synchronized void drop() {
		positionsByValue.clear();
		entries = 0;
	}

	/** How many queries this index has answered since it was built. */
	synchronized long lookups() {
		return lookups;
	}

	/** How many candidates it gave those queries, all together (each a document the collection then matched). */
	synchronized long candidates() {
		return candidates;
	}

	private void put(Object value, Object position) {
		if (positionsByValue.computeIfAbsent(value, v -> new TreeSet<>(positionOrder::compare)).add(position)) {
			entries++;
		}
	}

	private void take(Object value, Object position) {
		NavigableSet<Object> positions = positionsByValue.get(value);
		if (positions != null && positions.remove(position)) {
			entries--;
			if (positions.isEmpty()) {
				positionsByValue.remove(value);
			}
		}
	}

	/** The plain values a document has under the first key, normalised. */
	private Set<Object> valuesOf(Document document) {
		Set<Object> values = new HashSet<>(2);
		if (answers) {
			collect(document, 0, values);
		}
		return values;
	}

	private void collect(Object value, int depth, Set<Object> values) {
		if (depth == path.size()) {
			addLeaf(value, values);
		}
		else if (value instanceof Document document) {
			String part = path.get(depth);
			if (document.containsKey(part)) {
				collect(document.get(part), depth + 1, values);
			}
		}
		else if (value instanceof Collection<?> elements) {
			// the matcher looks for the rest of the path in every element, also in arrays within arrays
			for (Object element : elements) {
				collect(element, depth, values);
			}
		}
	}

	private static void addLeaf(Object value, Set<Object> values) {
		if (value instanceof Collection<?> elements) {
			for (Object element : elements) {
				addLeaf(element, values);
			}
		}
		else if (isPlain(value)) {
			values.add(normalised(value));
		}
	}

	/**
	 * The values a query requires the first key to equal one of, normalised; {@literal null} when it does not
	 * require that (or not in a way this index understands). Every top-level condition must hold, so one that does
	 * is enough; an {@code $or} requires it only when each of its branches does.
	 */
	private Set<Object> valuesQueried(Document query) {
		String key = String.join(".", path);
		if (query.containsKey(key)) {
			Set<Object> values = valuesRequiredBy(query.get(key));
			if (values != null) {
				return values;
			}
		}
		if (query.get("$and") instanceof List<?> branches) {
			for (Object branch : branches) {
				Set<Object> values = branch instanceof Document d ? valuesQueried(d) : null;
				if (values != null) {
					return values;
				}
			}
		}
		if (query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
			Set<Object> all = new HashSet<>();
			for (Object branch : branches) {
				Set<Object> values = branch instanceof Document d ? valuesQueried(d) : null;
				if (values == null) {
					return null;
				}
				all.addAll(values);
			}
			return all;
		}
		return null;
	}

	private static Set<Object> valuesRequiredBy(Object condition) {
		if (isPlain(condition)) {
			return Set.of(normalised(condition));
		}
		if (condition instanceof Document operator && operator.size() == 1) {
			if (operator.containsKey("$eq") && isPlain(operator.get("$eq"))) {
				return Set.of(normalised(operator.get("$eq")));
			}
			if (operator.get("$in") instanceof Collection<?> candidates
					&& candidates.stream().allMatch(SecondaryIndex::isPlain)) {
				Set<Object> values = new HashSet<>();
				candidates.forEach(value -> values.add(normalised(value)));
				return values;
			}
		}
		return null;
	}

	/** A value the matcher compares by equality alone, with {@code equals} and {@code hashCode} to match. */
	private static boolean isPlain(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof ObjectId || value instanceof Instant || value instanceof Date
				|| value instanceof UUID;
	}

	/** As mongo-java-server compares values: {@code 1}, {@code 1L} and {@code 1.0} are one. */
	private static Object normalised(Object value) {
		return new KeyValue(value).normalized().get(0);
	}
}
