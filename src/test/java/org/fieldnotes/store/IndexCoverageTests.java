package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.StoreCommands;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;


/**
 * Which indexes a real MongoDB needs: the filter and sort shapes of every command the application sends to the store
 * during a representative scenario (enrolment, a prompt sent and answered by DM, a stranger's DM, a digest run and the
 * outbox's claims), recorded with the driver's command listener ({@link StoreCommands}), against the indexes the
 * documents declare
 * ({@code @Indexed}, {@code @CompoundIndex}, created by {@link IndexSetup}). A query is served by an index when the
 * index's leading field is one of the query's equality fields (or, for a query with none, its range field): then a
 * real MongoDB walks that index instead of the collection (docs/operations.md lists the shapes and the plans).
 * <p>
 * Queries on {@code _id} are served by the primary key. Queries with no filter at all read the whole collection by
 * design (e.g. a digest run reads every placement) and are listed, not asserted. The shapes no declared index serves
 * are the {@link #KNOWN_UNSERVED} list: it must match exactly, so that a new unindexed hot query fails this test, and
 * so does an index added for one of them until it is taken off the list.
 */
@Import(IndexCoverageTests.Commands.class)
class IndexCoverageTests extends IntegrationTest {

	private static final List<BsonDocument> COMMANDS = new CopyOnWriteArrayList<>();
	private static final String ADA = "UADA";

	/**
	 * Query shapes of the scenario that no declared index serves (collection, command, equality fields, range
	 * fields): small collections, or gaps named in docs/operations.md.
	 */
	private static final Set<String> KNOWN_UNSERVED = Set.of(
			// one document per workspace that answered 429: a handful at most
			"outbox_pauses find eq[] range[until]",
			// one document per digest run (a few a week), pruned after 30 days
			"digest_runs delete eq[] range[startedAt]",
			// one document per closure window an admin set (a few a year per programme); nearly all not cancelled,
			// so an index on the flag would narrow nothing
			"closures find eq[cancelled] range[]");

	@Test
	void everyHotQueryOfTheScenarioIsServedByADeclaredIndex() {
		COMMANDS.clear();
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(slashCommand(ADA, "visibility placement").statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev1", ADA, "1764669600.000100", "Mapped the composite supplier chain", null)
			.statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev2", "USTRANGER", "1764669700.000200", "hello?", null).statusCode())
			.isEqualTo(200);
		awaitAfterAckWork();
		clock.advance(Duration.ofDays(1));
		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);
		assertThat(drainOutbox()).as("the digests, delivered by the outbox's claims").isEqualTo(3);
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(1);

		Map<String, List<Index>> indexes = declaredIndexes();
		Map<Shape, Integer> shapes = shapes();
		assertThat(shapes).as("queries recorded").isNotEmpty();
		assertThat(shapes.keySet()).as("the outbox's claim is among them")
			.anySatisfy(s -> assertThat(s.command + " " + s.collection).isEqualTo("findAndModify outbox"));

		List<String> lines = new ArrayList<>();
		Set<String> unserved = new TreeSet<>();
		Set<String> scans = new TreeSet<>();
		shapes.forEach((shape, count) -> {
			String servedBy = shape.servedBy(indexes.getOrDefault(shape.collection, List.of()));
			if (shape.equality.isEmpty() && shape.range.isEmpty()) {
				scans.add(shape.describe());
			}
			else if (servedBy == null) {
				unserved.add(shape.describe());
			}
			lines.add(String.format("%-18s %-14s %-40s %-28s %-24s %4d  %s", shape.collection, shape.command,
					shape.equality, shape.range, shape.sort, count,
					servedBy != null ? servedBy : shape.equality.isEmpty() && shape.range.isEmpty() ? "(whole collection)"
							: "NONE"));
		});
		System.out.printf("%n=== IndexCoverageTests: query shapes of the scenario ===%n%-18s %-14s %-40s %-28s %-24s "
				+ "%4s  %s%n%s%nwhole-collection reads: %s%n%n", "collection", "command", "equality", "range", "sort", "n",
				"index", String.join("\n", lines), scans);
		assertThat(unserved).as("query shapes no declared index serves").isEqualTo(new TreeSet<>(KNOWN_UNSERVED));
	}

	// --- the shapes of the recorded commands

	/** One query shape: equality fields (incl. {@code $in}), range fields, sort; a {@code $or} gives one per branch. */
	record Shape(String collection, String command, Set<String> equality, Set<String> range, List<String> sort) {

		String describe() {
			return collection + " " + command + " eq" + equality + " range" + range;
		}

		/** The declared index that serves it, or {@literal null}. */
		String servedBy(List<Index> declared) {
			if (equality.contains("_id")) {
				return "_id";
			}
			Index best = null;
			int bestPrefix = 0;
			int bestScore = 0;
			for (Index index : declared) {
				int prefix = 0;
				while (prefix < index.keys.size() && equality.contains(index.keys.get(prefix))) {
					prefix++;
				}
				// a query with no equality is served by an index on its range field
				if (prefix == 0 && equality.isEmpty() && !index.keys.isEmpty() && range.contains(index.keys.get(0))) {
					prefix = 1;
				}
				// of two indexes with as many equality fields first, the one whose next key bounds the range reads
				// fewer keys; failing that, the one whose next key gives the order saves a sort
				String following = prefix > 0 && prefix < index.keys.size() ? index.keys.get(prefix) : null;
				int next = following == null ? 0 : range.contains(following) ? 2
						: !sort.isEmpty() && sort.get(0).equals(following) ? 1 : 0;
				int score = prefix * 3 + next;
				if (score > bestScore) {
					best = index;
					bestPrefix = prefix;
					bestScore = score;
				}
			}
			return best == null ? null
					: best.name + " " + best.keys + " (" + bestPrefix + " equality"
							+ (bestScore % 3 == 2 ? " + range" : bestScore % 3 == 1 ? " + sort" : "") + ")";
		}
	}

	record Index(String name, List<String> keys) {
	}

	/** Every query the application sent, by shape, with how often. */
	private static Map<Shape, Integer> shapes() {
		Map<Shape, Integer> shapes = new LinkedHashMap<>();
		for (BsonDocument command : COMMANDS) {
			String name = command.getFirstKey();
			if (!command.get(name).isString()) {
				continue;
			}
			String collection = command.getString(name).getValue();
			List<BsonDocument> filters = new ArrayList<>();
			BsonDocument sort = null;
			switch (name) {
				case "find" -> {
					filters.add(command.getDocument("filter", new BsonDocument()));
					sort = command.getDocument("sort", null);
				}
				case "findAndModify" -> {
					filters.add(command.getDocument("query", new BsonDocument()));
					sort = command.getDocument("sort", null);
				}
				case "count", "distinct" -> filters.add(command.getDocument("query", new BsonDocument()));
				case "update" -> command.getArray("updates", new BsonArray())
					.forEach(u -> filters.add(u.asDocument().getDocument("q")));
				case "delete" -> command.getArray("deletes", new BsonArray())
					.forEach(d -> filters.add(d.asDocument().getDocument("q")));
				case "aggregate" -> {
					BsonArray pipeline = command.getArray("pipeline", new BsonArray());
					filters.add(!pipeline.isEmpty() && pipeline.get(0).asDocument().containsKey("$match")
							? pipeline.get(0).asDocument().getDocument("$match") : new BsonDocument());
				}
				default -> {
					continue;
				}
			}
			List<String> sortKeys = sort == null ? List.of() : List.copyOf(sort.keySet());
			for (BsonDocument filter : filters) {
				for (Branch branch : branches(filter)) {
					shapes.merge(new Shape(collection, name, branch.equality, branch.range, sortKeys), 1,
							Integer::sum);
				}
			}
		}
		return shapes;
	}

	private record Branch(Set<String> equality, Set<String> range) {

		Branch and(Branch other) {
			Set<String> eq = new TreeSet<>(equality);
			eq.addAll(other.equality);
			Set<String> r = new TreeSet<>(range);
			r.addAll(other.range);
			r.removeAll(eq);
			return new Branch(eq, r);
		}
	}

	/** The alternatives a filter is made of ({@code $or}: one each; {@code $nor} narrows nothing an index can use). */
	private static List<Branch> branches(BsonDocument filter) {
		List<Branch> result = List.of(new Branch(new TreeSet<>(), new TreeSet<>()));
		for (Map.Entry<String, BsonValue> clause : filter.entrySet()) {
			String field = clause.getKey();
			List<Branch> these;
			if (field.equals("$and")) {
				these = List.of(new Branch(new TreeSet<>(), new TreeSet<>()));
				for (BsonValue part : clause.getValue().asArray()) {
					these = cross(these, branches(part.asDocument()));
				}
			}
			else if (field.equals("$or")) {
				these = new ArrayList<>();
				for (BsonValue part : clause.getValue().asArray()) {
					these.addAll(branches(part.asDocument()));
				}
			}
			else if (field.startsWith("$")) {
				continue;
			}
			else if (isEquality(clause.getValue())) {
				these = List.of(new Branch(new TreeSet<>(Set.of(field)), new TreeSet<>()));
			}
			else {
				these = List.of(new Branch(new TreeSet<>(), new TreeSet<>(Set.of(field))));
			}
			result = cross(result, these);
		}
		return result;
	}

	private static List<Branch> cross(List<Branch> left, List<Branch> right) {
		List<Branch> crossed = new ArrayList<>();
		for (Branch l : left) {
			for (Branch r : right) {
				crossed.add(l.and(r));
			}
		}
		return crossed;
	}

	/** A value, an embedded document without operators, {@code $eq} or {@code $in}: a point (or points) in an index. */
	private static boolean isEquality(BsonValue value) {
		if (!value.isDocument()) {
			return !value.isRegularExpression();
		}
		BsonDocument operators = value.asDocument();
		if (operators.isEmpty() || !operators.getFirstKey().startsWith("$")) {
			return true;
		}
		return operators.keySet().stream().allMatch(k -> k.equals("$eq") || k.equals("$in"));
	}

	// --- the declared indexes

	/** Per collection, the indexes its documents declare, as {@link IndexSetup} creates them. */
	private Map<String, List<Index>> declaredIndexes() {
		var context = mongo.getConverter().getMappingContext();
		var resolver = new MongoPersistentEntityIndexResolver(context);
		Map<String, List<Index>> indexes = new TreeMap<>();
		for (MongoPersistentEntity<?> entity : context.getPersistentEntities()) {
			if (!entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
				continue;
			}
			for (IndexDefinition index : resolver.resolveIndexFor(entity.getTypeInformation())) {
				Document keys = new Document(index.getIndexKeys());
				indexes.computeIfAbsent(entity.getCollection(), c -> new ArrayList<>())
					.add(new Index(String.valueOf(index.getIndexOptions().getOrDefault("name", keys.keySet())),
							List.copyOf(keys.keySet())));
			}
		}
		return indexes;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		MongoClientSettingsBuilderCustomizer recordCommands() {
			return StoreCommands.recordingInto(COMMANDS);
		}
	}
}
