package org.fieldnotes.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;

/**
 * What the embedded store's non-unique indexes ({@link SecondaryIndex}) buy and cost, in one run: the lookup of a
 * DM's current placement ({@code {participant: …}}, newest first, projected) among 10,000 placements on a collection
 * with the placements' five declared indexes and on one without any; and the time to open each store again (the
 * indexes are rebuilt in memory from the documents). Prints figures; asserts nothing about speed. Tagged
 * {@code benchmark}: {@code ./mvnw -Pbench test -Dtest=SecondaryIndexBenchmark}.
 */
@Tag("benchmark")
class SecondaryIndexBenchmark {

	private static final int PLACEMENTS = 10_000;
	private static final int LOOKUPS = 500;
	private static final List<String> INDEXED = List.of("participant", "manager", "academicCoach", "businessCoach",
			"status");

	@TempDir
	Path dir;

	@Test
	void lookupsAndOpeningWithAndWithoutTheIndexes() throws Exception {
		Path withIndexes = seed("indexed", true);
		Path without = seed("plain", false);
		List<String> lines = new ArrayList<>();
		// twice each, alternating, so neither profits alone from a warmed-up JVM
		for (int round = 0; round < 2; round++) {
			lines.add(run("no index", without));
			lines.add(run("5 indexes", withIndexes));
		}
		System.out.printf("%n=== Embedded store: the current placement of a participant among %,d placements ===%n"
				+ "%-10s %16s %16s %16s%n%s%n%n", PLACEMENTS, "store", "open (ms)", "lookup p50 ms", "lookup p99 ms",
				String.join("\n", lines));
	}

	private Path seed(String name, boolean indexes) {
		Path file = dir.resolve(name + ".mv");
		MongoServer server = new MongoServer(DurableH2Backend.open(file.toString()));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> placements = client.getDatabase("bench").getCollection("placements");
			if (indexes) {
				INDEXED.forEach(field -> placements.createIndex(Indexes.ascending(field), new IndexOptions().name(field)));
			}
			for (int batch = 0; batch < PLACEMENTS; batch += 1_000) {
				placements.insertMany(IntStream.range(batch, batch + 1_000).mapToObj(SecondaryIndexBenchmark::placement)
					.toList());
			}
		}
		finally {
			server.shutdownNow();
		}
		return file;
	}

	private static Document placement(int i) {
		return new Document("_id", "placement-" + i).append("participant", "person-" + i)
			.append("manager", "manager-" + i / 5)
			.append("academicCoach", "coach-" + i / 5)
			.append("businessCoach", "mentor-" + i / 5)
			.append("status", i % 10 == 0 ? "ENDED" : "ACTIVE")
			.append("program", "KTP 2026")
			.append("startDate", "2026-0" + (1 + i % 9) + "-01")
			.append("hostOrganisation", "Host " + i);
	}

	private String run(String kind, Path file) throws Exception {
		long opening = System.nanoTime();
		DurableH2Backend backend = DurableH2Backend.open(file.toString());
		double openMs = (System.nanoTime() - opening) / 1e6;
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> placements = client.getDatabase("bench").getCollection("placements");
			long[] lookups = new long[LOOKUPS];
			for (int i = 0; i < LOOKUPS; i++) {
				long start = System.nanoTime();
				Document found = placements.find(Filters.eq("participant", "person-" + (i * 7 % PLACEMENTS)))
					.sort(Sorts.descending("startDate"))
					.projection(Projections.include("_id", "program", "status"))
					.first();
				lookups[i] = System.nanoTime() - start;
				if (found == null) {
					throw new AssertionError("placement of person-" + (i * 7 % PLACEMENTS) + " not found");
				}
			}
			return String.format("%-10s %16.0f %16.2f %16.2f", kind, openMs, percentile(lookups, 50),
					percentile(lookups, 99));
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
