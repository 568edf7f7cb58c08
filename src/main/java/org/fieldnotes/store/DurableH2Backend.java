package org.fieldnotes.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded store's backend, made durable: no answer to a command that may have changed data leaves the server
 * before the change is written to the file and the file is forced to the disk ({@code fsync}). Slack gets its 200,
 * and the participant their ✅, only once the reflection is on disk, so a {@code kill -9} or a power cut right after
 * loses nothing anyone was told was saved.
 *
 * <p>Out of the box the H2 backend relies on MVStore's background commit, about once a second, and nothing in
 * between: up to a second of acknowledged writes lived only in memory (a {@code kill -9} lost 66 of 300 acknowledged
 * DMs). Here every command that is not a known read is followed, in the thread that answers it, by a commit and a
 * sync, one at a time. A commit writes whatever any thread changed, so a burst of writes shares chunks.
 *
 * <p>MVStore's background thread stays on for its housekeeping (compacting the file), but it also commits
 * <em>asynchronously</em> now and then: a change it picked up may still be on its way to the file when our commit
 * finds nothing left to write, and a sync then would come too early. So each flush first changes a one-entry map of
 * its own: the commit then always has something to store, and storing is done in order on MVStore's single writer
 * threads, so when our commit returns, everything picked up before it is in the file too.
 *
 * <p>Flushes are shared (group commit): a command that needs one while another thread is flushing waits for that
 * flush to end and then for the next one, which starts after its change was made and so writes it too, along with
 * every other change made meanwhile. One thread flushes at a time, and each flush covers every command that asked
 * for one before it began. Without this, concurrent writers queued for the disk one sync each (the flush lock was
 * the monitor most waited on under load: docs/performance.md, P1).
 *
 * <p>Chunks no longer in use are kept {@link #RETENTION_MS} before their space is reused, instead of MVStore's
 * 45 s. That margin is for write buffers the operating system has not flushed yet (every commit here is synced, so
 * there are none) and for readers still walking an older version of a map (a query here takes milliseconds). With
 * 45 s and a commit per write, a store under a burst of writes grew by about 100 MB a minute; with 2 s it holds at
 * most a couple of seconds' worth of superseded chunks (0 would keep the file smallest, but could pull a chunk from
 * under a long scan).
 *
 * <p>Its databases honour non-unique indexes ({@link IndexingH2Database}, {@link SecondaryIndex}): out of the box
 * mongo-java-server ignores them and scans the collection.
 */
final class DurableH2Backend extends H2Backend {

	/**
	 * Commands that never change data (lower case). Everything else — insert, update, delete, findAndModify,
	 * createIndexes, drop, and any command not listed here — is flushed before it is answered.
	 */
	private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
			"listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "serverstatus", "dbstats",
			"collstats", "killcursors", "endsessions", "whatsmyuri", "getlasterror", "getparameter",
			"connectionstatus", "getlog", "hostinfo", "explain", "getcmdlineopts", "getfreemonitoringstatus");
	/** Collections whose writes wait for the next synced write ({@link NotSynced}). */
	private final Set<String> notSynced;
	/** How long a chunk no longer in use stays before its space is reused. */
	static final int RETENTION_MS = 2_000;
	/** Outside the backend's {@code databases.} maps, so it is never taken for a database. */
	private static final String FLUSH_MAP = "fieldnotes.flushes";

	private final MVStore store;
	private final MVMap<Integer, Long> flushMarker;
	private final AtomicLong flushes = new AtomicLong();
	/** Called after each commit, before its sync (a test holds a flush there). */
	private final Runnable beforeSync;

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition flushEnded = lock.newCondition();
	/** Changes that asked for a flush, numbered in the order they asked; each asked once it was made. */
	private long changes;
	/** Every change numbered up to this one is in the file and synced. */
	private long flushedUpTo;
	private boolean flushing;

	private DurableH2Backend(MVStore store, Runnable beforeSync, Set<String> notSynced) {
		super(store);
		this.store = store;
		this.beforeSync = beforeSync;
		this.notSynced = Set.copyOf(notSynced);
		this.flushMarker = store.openMap(FLUSH_MAP);
		store.setRetentionTime(RETENTION_MS);
	}

	/** Opens (or creates) the store in this file. */
	static DurableH2Backend open(String file) {
		return open(file, Set.of());
	}

	/** As {@link #open(String)}, with writes to these collections left to the next synced write ({@link NotSynced}). */
	static DurableH2Backend open(String file, Set<String> notSynced) {
		return new DurableH2Backend(MVStore.open(file), () -> {
		}, notSynced);
	}

	/** As {@link #open(String)}, calling {@code beforeSync} in every flush between its commit and its sync. */
	static DurableH2Backend open(String file, Runnable beforeSync) {
		return new DurableH2Backend(MVStore.open(file), beforeSync, Set.of());
	}

	/** Called from {@link H2Backend}'s constructor too, for the databases already in the file. */
	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexingH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	/** The non-unique index of that name, as the store keeps it in memory (for tests and diagnostics). */
	Optional<SecondaryIndex> secondaryIndex(String database, String collection, String index) {
		return index(database, collection, index, SecondaryIndex.class);
	}

	/** The unique index of that name (for tests and diagnostics). */
	Optional<UniqueLookup> uniqueIndex(String database, String collection, String index) {
		return index(database, collection, index, UniqueLookup.class);
	}

	private <T> Optional<T> index(String database, String collection, String index, Class<T> type) {
		return resolveDatabase(database).resolveCollection(collection, true)
			.getIndexes()
			.stream()
			.filter(candidate -> candidate.getName().equals(index))
			.filter(type::isInstance)
			.map(type::cast)
			.findFirst();
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		try {
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			// also after a failed command: what it changed before failing is visible to others, so it is kept too
			if (mayWrite(command, query) && !notSynced.contains(String.valueOf(query.get(command)))) {
				flush();
			}
		}
	}

	/**
	 * Returns once every change made so far is in the file and the file is forced to the disk: by a flush of its
	 * own, or by one another thread began after this call (group commit, see above).
	 */
	void flush() {
		lock.lock();
		try {
			long mine = ++changes;
			while (flushedUpTo < mine) {
				if (flushing) {
					// the flush under way may have begun before this change: wait for it, then for one that covers it
					flushEnded.awaitUninterruptibly();
					continue;
				}
				flushing = true;
				long upTo = changes;
				boolean written = false;
				lock.unlock();
				try {
					writeAndSync();
					written = true;
				}
				finally {
					lock.lock();
					flushing = false;
					if (written) {
						flushedUpTo = Math.max(flushedUpTo, upTo);
					}
					flushEnded.signalAll();
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	private void writeAndSync() {
		flushMarker.put(0, flushes.incrementAndGet());
		store.commit();
		beforeSync.run();
		store.sync();
	}

	/** How many times the store was flushed (committed and synced) since it was opened. */
	long flushes() {
		return flushes.get();
	}

	/** How many threads wait for a flush another thread is doing. */
	int waitingForFlush() {
		lock.lock();
		try {
			return lock.getWaitQueueLength(flushEnded);
		}
		finally {
			lock.unlock();
		}
	}

	static boolean mayWrite(String command, Document query) {
		String name = command.toLowerCase(Locale.ROOT);
		if (name.equals("aggregate")) {
			return writesOut(query.get("pipeline"));
		}
		return !READS.contains(name);
	}

	/** An aggregation writes only through an {@code $out} or {@code $merge} stage. */
	private static boolean writesOut(Object pipeline) {
		return pipeline instanceof List<?> stages && stages.stream()
			.anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
	}
}
