package org.fieldnotes.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * What durability costs: the same writes against the H2 backend as it comes (background commit about once a second,
 * nothing synced per write) and against {@link DurableH2Backend} (commit and fsync before every answer), in one run
 * on one machine. Prints figures; asserts nothing about speed. Tagged {@code benchmark}, so not part of
 * {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=EmbeddedStoreBenchmark -DexcludedTestGroups=fuzz -DskipFuzzTests=true}.
 */
@Tag("benchmark")
class EmbeddedStoreBenchmark {

	private static final int SEQUENTIAL = 2_000;
	private static final int THREADS = 8;
	private static final int PER_THREAD = 500;
	private static final String TEXT = "Mapped the composite supplier chain and learned how design reviews are run. ";

	@TempDir
	Path dir;

	@Test
	void durableAgainstAsShipped() throws Exception {
		List<String> lines = new ArrayList<>();
		// twice each, alternating, so neither profits alone from a warmed-up JVM
		for (String kind : List.of("as shipped", "durable", "as shipped", "durable")) {
			lines.add(run(kind));
		}
		System.out.printf("%n=== Embedded store: the cost of a commit and fsync per write ===%n"
				+ "%-11s %14s %18s %16s %14s %12s%n%s%n%n", "backend", "insert p50 ms", "insert p99 ms",
				"8 threads ops/s", "update p50 ms", "file MB", String.join("\n", lines));
	}

	private String run(String kind) throws Exception {
		Path file = Files.createTempDirectory(dir, "store").resolve("store.mv");
		H2Backend backend = kind.equals("durable") ? DurableH2Backend.open(file.toString())
				: new H2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> entries = client.getDatabase("bench").getCollection("entries");
			entries.insertOne(new Document("_id", "warm-up"));
			long[] inserts = new long[SEQUENTIAL];
			for (int i = 0; i < SEQUENTIAL; i++) {
				long start = System.nanoTime();
				entries.insertOne(new Document("_id", "e" + i).append("text", TEXT.repeat(4)));
				inserts[i] = System.nanoTime() - start;
			}
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> writers = new ArrayList<>();
			long concurrentStart = System.nanoTime();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < PER_THREAD; i++) {
						entries.insertOne(new Document("_id", "t" + thread + "-" + i).append("text", TEXT));
					}
					return null;
				}));
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
			double concurrent = THREADS * PER_THREAD / ((System.nanoTime() - concurrentStart) / 1e9);
			pool.shutdown();
			long[] updates = new long[SEQUENTIAL];
			for (int i = 0; i < SEQUENTIAL; i++) {
				long start = System.nanoTime();
				entries.updateOne(Filters.eq("_id", "e" + (i % 100)), Updates.inc("edits", 1));
				updates[i] = System.nanoTime() - start;
			}
			return String.format("%-11s %14.2f %18.2f %16.0f %14.2f %12.1f", kind, percentile(inserts, 50),
					percentile(inserts, 99), concurrent, percentile(updates, 50), Files.size(file) / 1e6);
		}
		finally {
			server.shutdownNow();
		}
	}

	private static double percentile(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
	}
}
