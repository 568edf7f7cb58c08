package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded store's non-unique indexes ({@link SecondaryIndex}): a query gives exactly what a scan of the same
 * collection gives, whatever the documents hold (numbers of mixed types, arrays, arrays of embedded documents,
 * missing fields, {@code null}) and however they are changed; the index is rebuilt when the store is opened again;
 * and a query on an indexed field is answered from the index's candidates, not by reading the whole collection.
 */
class SecondaryIndexTests {

	private static final String DATABASE = "fieldnotes";

	@TempDir
	Path dir;

	private DurableH2Backend backend;
	private MongoServer server;
	private MongoClient client;

	@BeforeEach
	void open() {
		start();
	}

	@AfterEach
	void close() {
		stop();
	}

	private void start() {
		backend = DurableH2Backend.open(dir.resolve("store.mv").toString());
		server = new MongoServer(backend);
		client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
	}

	private void stop() {
		client.close();
		server.shutdownNow();
	}

	private MongoCollection<Document> collection(String name) {
		return client.getDatabase(DATABASE).getCollection(name);
	}

	/**
	 * Random documents and random reads and writes, each done on a collection with three non-unique indexes (one
	 * key, dotted + compound, an array field) and on one without any: every answer and, every 25 operations, the
	 * whole collections must be the same.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 13, 2026, 90210 })
	void anIndexedCollectionAnswersExactlyAsAScan(long seed) {
		Differential run = new Differential(new Random(seed));
		run.seed(150);
		run.operations(400);
		assertThat(indexes().lookups()).as("the index answered queries (seed %d)", seed).isPositive();
	}

	/** Closed and opened again, the store rebuilds its in-memory indexes from the documents, and they go on answering. */
	@Test
	void theIndexesAreRebuiltWhenTheStoreIsOpenedAgain() {
		Differential run = new Differential(new Random(7));
		run.seed(150);
		run.operations(150);
		run.seed(50);
		long entries = indexes().getCount();
		assertThat(entries).isPositive();

		stop();
		start();

		SecondaryIndex rebuilt = indexes();
		assertThat(rebuilt.getCount()).as("one entry per document and value, as before the restart").isEqualTo(entries);
		assertThat(rebuilt.lookups()).isZero();
		run.operations(200);
		assertThat(rebuilt.lookups()).as("the rebuilt index answered queries").isPositive();
	}

	/**
	 * A lookup by an indexed field reads only the documents having that value: 40 of 2,000 here, for the query
	 * shapes of the hot paths (a placement's prompts sent since a time, newest first; the outbox's claim, an
	 * {@code $or} of the two statuses inside an {@code $and}). Without the index the store reads all 2,000. A query
	 * on {@code _id} and more is a lookup by {@code _id} (mongo-java-server alone scans unless the query is on
	 * {@code _id} only).
	 */
	@Test
	void aLookupByAnIndexedFieldReadsOnlyItsCandidates() {
		MongoCollection<Document> occurrences = collection("prompt_occurrences");
		occurrences.createIndex(Indexes.compoundIndex(Indexes.ascending("placementId"), Indexes.descending("dueAt")),
				new IndexOptions().name("placement_due"));
		Instant start = Instant.parse("2026-01-05T09:00:00Z");
		occurrences.insertMany(IntStream.range(0, 2_000)
			.mapToObj(i -> new Document("_id", "o" + i).append("placementId", "p" + (i % 50))
				.append("status", i % 3 == 0 ? "CLAIMED" : "SENT")
				.append("sentAt", Date.from(start.plusSeconds(3_600L * i))))
			.toList());
		SecondaryIndex index = backend.secondaryIndex(DATABASE, "prompt_occurrences", "placement_due").orElseThrow();

		Bson latestSentSince = Filters.and(Filters.eq("placementId", "p7"), Filters.eq("status", "SENT"),
				Filters.gte("sentAt", Date.from(start.plusSeconds(3_600L * 1_000))));
		Document latest = occurrences.find(latestSentSince).sort(Sorts.descending("sentAt")).limit(1).first();

		assertThat(latest).isNotNull();
		assertThat(latest.getString("_id")).isEqualTo("o1957");
		assertThat(index.lookups()).isEqualTo(1);
		assertThat(index.candidates()).as("the placement's 40 occurrences, not the collection's 2,000").isEqualTo(40);

		occurrences.find(Filters.gte("sentAt", Date.from(start))).first();
		assertThat(index.lookups()).as("a range on another field is not the index's to answer").isEqualTo(1);

		UniqueLookup ids = backend.uniqueIndex(DATABASE, "prompt_occurrences", "_id_").orElseThrow();
		// as Spring Data sends Criteria.where("_id").is(…).and("answeredAt").is(null)
		Document unanswered = new Document("_id", "o5").append("answeredAt", null);
		long answered = occurrences.updateOne(unanswered, Updates.set("answeredAt", Date.from(start)))
			.getModifiedCount();
		long again = occurrences.updateOne(unanswered, Updates.set("answeredAt", Date.from(start))).getModifiedCount();
		assertThat(List.of(answered, again)).containsExactly(1L, 0L);
		assertThat(ids.narrowedLookups()).as("{_id: …, answeredAt: null} is a lookup by _id, twice").isEqualTo(2);
		assertThat(index.lookups()).isEqualTo(1);

		MongoCollection<Document> outbox = collection("outbox");
		outbox.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("nextAttemptAt")),
				new IndexOptions().name("due"));
		outbox.insertMany(IntStream.range(0, 2_000)
			.mapToObj(i -> new Document("_id", "m" + i)
				.append("status", i % 100 == 0 ? "PENDING" : i % 100 == 1 ? "SENDING" : "SENT")
				.append("nextAttemptAt", Date.from(start.plusSeconds(i)))
				.append("leaseUntil", Date.from(start.plusSeconds(i))))
			.toList());
		SecondaryIndex due = backend.secondaryIndex(DATABASE, "outbox", "due").orElseThrow();
		Date now = Date.from(start.plusSeconds(1_000));
		Bson claim = Filters.and(
				Filters.or(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", now)),
						Filters.and(Filters.eq("status", "SENDING"), Filters.lt("leaseUntil", now))),
				Filters.nor(Filters.eq("account.workspace", "paused")));
		Document claimed = outbox.findOneAndUpdate(claim, Updates.set("status", "SENDING"),
				new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")));

		assertThat(claimed).isNotNull();
		assertThat(claimed.getString("_id")).isEqualTo("m0");
		assertThat(due.lookups()).isEqualTo(1);
		assertThat(due.candidates()).as("the 20 pending and 20 sending messages, not the 1,960 sent").isEqualTo(40);

		assertThat(outbox.countDocuments(Filters.eq("status", "SENT"))).isEqualTo(1_960);
		assertThat(due.lookups()).as("most of the collection: a scan is cheaper than 1,960 lookups by position")
			.isEqualTo(1);
	}

	private SecondaryIndex indexes() {
		return backend.secondaryIndex(DATABASE, Differential.INDEXED, "a").orElseThrow();
	}

	/** The same documents and operations on an indexed and an unindexed collection. */
	private final class Differential {

		static final String INDEXED = "indexed";
		static final String PLAIN = "plain";

		private final Random random;
		private int nextId;

		Differential(Random random) {
			this.random = random;
			MongoCollection<Document> indexed = collection(INDEXED);
			indexed.createIndex(Indexes.ascending("a"), new IndexOptions().name("a"));
			indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("b.c"), Indexes.descending("n")),
					new IndexOptions().name("b.c_n"));
			indexed.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
			indexed.createIndex(Indexes.ascending("u"), new IndexOptions().name("u").unique(true));
		}

		void seed(int documents) {
			for (int i = 0; i < documents; i++) {
				insert();
			}
		}

		private void insert() {
			Document document = document();
			collection(INDEXED).insertOne(document);
			collection(PLAIN).insertOne(new Document(document));
		}

		void operations(int count) {
			for (int i = 0; i < count; i++) {
				operation(i);
				if (i % 25 == 24) {
					assertThat(collection(INDEXED).find().into(new ArrayList<>()))
						.as("the whole collection after %d operations", i)
						.isEqualTo(collection(PLAIN).find().into(new ArrayList<>()));
				}
			}
		}

		private void operation(int i) {
			Bson query = query();
			Bson sort = sort();
			int limit = random.nextInt(4);
			switch (random.nextInt(12)) {
				case 0, 1, 2 -> same(i, "find " + query + " sort " + sort + " limit " + limit, c -> {
					var find = c.find(query).limit(limit);
					return (sort == null ? find : find.sort(sort)).into(new ArrayList<>());
				});
				case 3 -> same(i, "count " + query, c -> c.countDocuments(query));
				case 4 -> same(i, "distinct n " + query, c -> c.distinct("n", query, Integer.class).into(new ArrayList<>()));
				case 5 -> {
					Bson update = update();
					boolean after = random.nextBoolean();
					same(i, "findOneAndUpdate " + query + " " + update + " sort " + sort, c -> c.findOneAndUpdate(query,
							update, new FindOneAndUpdateOptions().sort(sort)
								.returnDocument(after ? ReturnDocument.AFTER : ReturnDocument.BEFORE)));
				}
				case 6 -> {
					Bson update = update();
					same(i, "updateMany " + query + " " + update, c -> c.updateMany(query, update).getModifiedCount());
				}
				case 7 -> {
					Bson update = update();
					same(i, "updateOne " + query + " " + update, c -> c.updateOne(query, update).getModifiedCount());
				}
				case 8 -> {
					Document replacement = document();
					replacement.remove("_id");
					same(i, "replaceOne " + query, c -> c.replaceOne(query, replacement).getModifiedCount());
				}
				case 9 -> same(i, "findOneAndDelete " + query, c -> c.findOneAndDelete(query));
				case 10 -> {
					boolean many = random.nextBoolean();
					same(i, (many ? "deleteMany " : "deleteOne ") + query,
							c -> (many ? c.deleteMany(query) : c.deleteOne(query)).getDeletedCount());
				}
				default -> insert();
			}
		}

		private <T> void same(int i, String what, Function<MongoCollection<Document>, T> operation) {
			Object expected = outcome(operation, collection(PLAIN));
			Object actual = outcome(operation, collection(INDEXED));
			assertThat(actual).as("operation %d: %s", i, what).isEqualTo(expected);
		}

		private static Object outcome(Function<MongoCollection<Document>, ?> operation,
				MongoCollection<Document> collection) {
			try {
				return operation.apply(collection);
			}
			catch (MongoException e) {
				// the message names the collection; the error is the same when its code is
				return e.getClass().getSimpleName() + " " + e.getCode();
			}
		}

		private Document document() {
			Document document = new Document("_id", random.nextBoolean() ? (Object) nextId++ : "d" + nextId++);
			if (random.nextInt(5) > 0) {
				document.append("a", random.nextInt(4) == 0 ? list(value(), value(), list(value())) : value());
			}
			switch (random.nextInt(6)) {
				case 0 -> document.append("b", new Document("c", value()));
				case 1 -> document.append("b", list(new Document("c", value()), new Document("c", value())));
				case 2 -> document.append("b", list(list(new Document("c", value()))));
				case 3 -> document.append("b", new Document("c", list(value(), value())));
				case 4 -> document.append("b", value());
				default -> {
					// no b
				}
			}
			document.append("n", random.nextInt(10));
			document.append("u", "u" + nextId);
			if (random.nextBoolean()) {
				document.append("tags", List.of(tag(), tag()));
			}
			return document;
		}

		/** Few distinct values, of every kind the index must tell apart or take as one. */
		private Object value() {
			return switch (random.nextInt(14)) {
				case 0 -> "x";
				case 1 -> "y";
				case 2 -> 1;
				case 3 -> 1L;
				case 4 -> 1.0;
				case 5 -> 2;
				case 6 -> 2.5;
				case 7 -> -0.0;
				case 8 -> 0;
				case 9 -> true;
				case 10 -> new Date(1_000L * random.nextInt(2));
				case 11 -> new ObjectId("5f0000000000000000000000".substring(0, 23) + random.nextInt(2));
				case 12 -> new Document("c", 1);
				default -> null;
			};
		}

		/** A list that may hold {@literal null}s. */
		private static List<Object> list(Object... elements) {
			return Arrays.asList(elements);
		}

		private String tag() {
			return "t" + random.nextInt(4);
		}

		private Bson query() {
			return switch (random.nextInt(19)) {
				case 16 -> Filters.and(Filters.eq("u", "u" + random.nextInt(nextId + 1)), Filters.eq("a", value()));
				case 17 -> Filters.and(Filters.eq("u", "u" + random.nextInt(nextId + 1)), Filters.gt("n", 4));
				case 18 -> Filters.and(new Document("u", new Document("$eq", "u" + random.nextInt(nextId + 1))),
						Filters.exists("tags"));
				case 0, 1 -> Filters.eq("a", value());
				case 2 -> Filters.in("a", value(), value());
				case 3 -> new Document("a", new Document("$eq", value()));
				case 4 -> Filters.gte("a", 1);
				case 5 -> Filters.eq("a", list(value(), value()));
				case 6 -> Filters.or(Filters.eq("a", value()), Filters.eq("a", value()));
				case 7 -> Filters.or(Filters.eq("a", value()), Filters.eq("n", random.nextInt(10)));
				case 8 -> Filters.and(Filters.in("a", value(), value()), Filters.eq("tags", tag()));
				case 9, 10 -> Filters.eq("b.c", value());
				case 11 -> Filters.and(Filters.eq("b.c", value()), Filters.gt("n", random.nextInt(10)));
				case 12 -> Filters.eq("tags", tag());
				case 13 -> Filters.exists("a", false);
				case 14 -> Filters.and(Filters.eq("a", value()), Filters.ne("n", random.nextInt(10)));
				default -> new Document();
			};
		}

		private Bson sort() {
			return switch (random.nextInt(4)) {
				case 0 -> Sorts.ascending("n");
				case 1 -> Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("_id"));
				default -> null;
			};
		}

		private Bson update() {
			return switch (random.nextInt(6)) {
				case 0, 1 -> Updates.set("a", value());
				case 2 -> Updates.unset("a");
				case 3 -> Updates.set("b.c", value());
				case 4 -> Updates.push("tags", tag());
				default -> Updates.combine(Updates.inc("n", 1), Updates.set("a", list(value(), value())));
			};
		}
	}
}
