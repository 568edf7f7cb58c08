package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded store flushes (commit + fsync) before it answers any command that may have written, and only then;
 * what a flushed write left survives the server being dropped without a close. The {@code kill -9} of a whole
 * Fieldnotes process is {@link EmbeddedStoreCrashTests}.
 */
class DurableH2BackendTests {

	@TempDir
	Path dir;

	private DurableH2Backend backend;
	private MongoServer server;
	private MongoClient client;
	private MongoCollection<Document> entries;

	@BeforeEach
	void start() {
		backend = DurableH2Backend.open(dir.resolve("store.mv").toString());
		server = new MongoServer(backend);
		client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
		entries = client.getDatabase("fieldnotes").getCollection("logbook_entries");
	}

	@AfterEach
	void stop() {
		client.close();
		server.shutdownNow();
	}

	@Test
	void everyWriteIsFlushedBeforeItIsAnswered() {
		long before = backend.flushes();
		entries.insertOne(new Document("_id", "e1").append("text", "first"));
		assertThat(backend.flushes()).isEqualTo(before + 1);
		entries.updateOne(Filters.eq("_id", "e1"), Updates.set("text", "edited"));
		entries.findOneAndUpdate(Filters.eq("_id", "e1"), Updates.set("visibility", "coaches"));
		entries.deleteMany(Filters.eq("_id", "nothing"));
		assertThat(backend.flushes()).isEqualTo(before + 4);
	}

	@Test
	void writesToACollectionDeclaredNotSyncedWaitForTheNextSyncedWrite() {
		stop();
		backend = DurableH2Backend.open(dir.resolve("other.mv").toString(), java.util.Set.of("outbox_pace"));
		server = new MongoServer(backend);
		client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
		entries = client.getDatabase("fieldnotes").getCollection("logbook_entries");
		var pace = client.getDatabase("fieldnotes").getCollection("outbox_pace");
		long before = backend.flushes();

		pace.insertOne(new Document("_id", "slack/T1").append("next", 1L));
		pace.findOneAndUpdate(Filters.eq("_id", "slack/T1"), Updates.inc("next", 250L));
		assertThat(backend.flushes()).isEqualTo(before);

		entries.insertOne(new Document("_id", "e1"));
		assertThat(backend.flushes()).isEqualTo(before + 1);
	}

	@Test
	void readsAreNotFlushed() {
		entries.insertOne(new Document("_id", "e1"));
		long before = backend.flushes();
		entries.find(Filters.eq("_id", "e1")).first();
		entries.countDocuments();
		entries.distinct("_id", String.class).into(new java.util.ArrayList<>());
		entries.aggregate(List.of(new Document("$match", new Document("_id", "e1")))).first();
		client.getDatabase("fieldnotes").runCommand(new Document("ping", 1));
		assertThat(backend.flushes()).isEqualTo(before);
	}

	@Test
	void aCommandThatFailsIsFlushedToo() {
		entries.insertOne(new Document("_id", "e1"));
		long before = backend.flushes();
		assertThatThrownBy(() -> entries.insertOne(new Document("_id", "e1"))).isInstanceOf(MongoWriteException.class);
		assertThat(backend.flushes()).isEqualTo(before + 1);
	}

	@Test
	void anAggregationWritesOnlyThroughOutOrMerge() {
		assertThat(DurableH2Backend.mayWrite("aggregate", pipeline(new de.bwaldvogel.mongo.bson.Document("$match",
				new de.bwaldvogel.mongo.bson.Document())))).isFalse();
		assertThat(DurableH2Backend.mayWrite("aggregate", pipeline(new de.bwaldvogel.mongo.bson.Document("$out", "copy"))))
			.isTrue();
		assertThat(DurableH2Backend.mayWrite("aggregate",
				pipeline(new de.bwaldvogel.mongo.bson.Document("$merge", "copy")))).isTrue();
		assertThat(DurableH2Backend.mayWrite("findAndModify", new de.bwaldvogel.mongo.bson.Document())).isTrue();
		assertThat(DurableH2Backend.mayWrite("someCommandNobodyKnows", new de.bwaldvogel.mongo.bson.Document()))
			.as("unknown commands are taken to write").isTrue();
		assertThat(DurableH2Backend.mayWrite("getMore", new de.bwaldvogel.mongo.bson.Document())).isFalse();
	}

	/**
	 * Group commit: commands that ask for a flush while one is being synced wait for it, and then share the next
	 * one (which begins after their changes were made, so it writes them); none returns before that flush is done.
	 */
	@Test
	void writersWaitingForTheDiskShareOneFlush() throws Exception {
		CountDownLatch syncing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean holdNext = new AtomicBoolean(false);
		DurableH2Backend held = DurableH2Backend.open(dir.resolve("group.mv").toString(), () -> {
			if (holdNext.getAndSet(false)) {
				syncing.countDown();
				awaitQuietly(release);
			}
		});
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			long before = held.flushes();
			holdNext.set(true);
			Future<?> first = writers.submit(held::flush);
			assertThat(syncing.await(10, TimeUnit.SECONDS)).as("the first flush is syncing").isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				others.add(writers.submit(held::flush));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> held.waitingForFlush() == 3);
			assertThat(others).as("none returns while the flush before theirs syncs").noneMatch(Future::isDone);

			release.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
			assertThat(held.flushes() - before).as("one flush for the first, one shared by the three that waited")
				.isEqualTo(2);
		}
		finally {
			release.countDown();
			writers.shutdownNow();
			held.close();
		}
	}

	/**
	 * The embedded server answers on enough threads that reads go on while writes wait for the disk: each connection
	 * is served by one thread, which a write holds until it is synced. More writes wait here than netty's default
	 * (two threads per core) has threads, so with that default every thread would be held and the read would wait.
	 */
	@Test
	void readsAreAnsweredWhileWritesWaitForTheDisk() throws Exception {
		CountDownLatch syncing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean holdNext = new AtomicBoolean(false);
		DurableH2Backend held = DurableH2Backend.open(dir.resolve("held.mv").toString(), () -> {
			if (holdNext.getAndSet(false)) {
				syncing.countDown();
				awaitQuietly(release);
			}
		});
		MongoServer heldServer = new MongoServer(held);
		EmbeddedMongo.bind(heldServer);
		int writes = Math.min(2 * Runtime.getRuntime().availableProcessors() + 1, EmbeddedMongo.WORKER_THREADS - 2);
		ExecutorService writers = Executors.newFixedThreadPool(writes + 1);
		String uri = "mongodb://" + heldServer.getLocalAddress().getHostString() + ":"
				+ heldServer.getLocalAddress().getPort();
		try (MongoClient heldClient = MongoClients.create(uri)) {
			MongoCollection<Document> collection = heldClient.getDatabase("fieldnotes").getCollection("logbook_entries");
			collection.insertOne(new Document("_id", "readable"));
			holdNext.set(true);
			List<Future<?>> waiting = new ArrayList<>();
			waiting.add(writers.submit(() -> collection.insertOne(new Document("_id", "held"))));
			assertThat(syncing.await(10, TimeUnit.SECONDS)).as("the first write is syncing").isTrue();
			for (int i = 1; i < writes; i++) {
				String id = "waiting-" + i;
				waiting.add(writers.submit(() -> collection.insertOne(new Document("_id", id))));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> held.waitingForFlush() == writes - 1);

			Future<Document> read = writers.submit(() -> collection.find(Filters.eq("_id", "readable")).first());
			assertThat(read.get(10, TimeUnit.SECONDS)).as("a read while %d writes wait for the disk", writes).isNotNull();
			assertThat(waiting).as("the writes still wait").noneMatch(Future::isDone);

			release.countDown();
			for (Future<?> write : waiting) {
				write.get(10, TimeUnit.SECONDS);
			}
			assertThat(collection.countDocuments()).isEqualTo(writes + 1);
		}
		finally {
			release.countDown();
			writers.shutdownNow();
			heldServer.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void whatWasAnsweredIsInTheFileBeforeAnyClose() {
		entries.insertOne(new Document("_id", "e1").append("text", "kept"));
		// the file as a crash right now would leave it: copied while the store is open and busy
		String crashed = copyOf(dir.resolve("store.mv"));

		MongoServer again = new MongoServer(DurableH2Backend.open(crashed));
		try (MongoClient second = MongoClients.create("mongodb://127.0.0.1:" + again.bind().getPort())) {
			Document found = second.getDatabase("fieldnotes")
				.getCollection("logbook_entries")
				.find(Filters.eq("_id", "e1"))
				.first();
			assertThat(found).isNotNull();
			assertThat(found.getString("text")).isEqualTo("kept");
		}
		finally {
			again.shutdownNow();
		}
	}

	private static de.bwaldvogel.mongo.bson.Document pipeline(de.bwaldvogel.mongo.bson.Document stage) {
		return new de.bwaldvogel.mongo.bson.Document("pipeline", List.of(stage));
	}

	/** A copy of the file as it is on disk now. */
	private String copyOf(Path file) {
		try {
			Path copy = dir.resolve("crashed-" + file.getFileName());
			java.nio.file.Files.copy(file, copy);
			return copy.toString();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
