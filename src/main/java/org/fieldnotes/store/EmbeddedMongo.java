package org.fieldnotes.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB wire-protocol server (mongo-java-server with its H2 file backend) on a free loopback port, so that
 * Fieldnotes runs with no MongoDB installed. Data survives restarts in {@code dataDir/fieldnotes.mv}, and every
 * write is on disk before it is answered ({@link DurableH2Backend}).
 */
final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	/** Threads answering commands (see {@link #bind(MongoServer)}). */
	static final int WORKER_THREADS = 32;

	private final MongoServer server;
	private final InetSocketAddress address;

	EmbeddedMongo(Path dataDir) {
		this(dataDir, java.util.List.of());
	}

	/** A store in this folder whose writes to these collections wait for the next synced write. */
	EmbeddedMongo(Path dataDir, java.util.Collection<NotSynced> notSynced) {
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data folder " + dataDir.toAbsolutePath()
					+ " (FIELDNOTES_DATA_DIR): " + e.getMessage(), e);
		}
		Path file = dataDir.resolve("fieldnotes.mv").toAbsolutePath();
		this.server = new MongoServer(DurableH2Backend.open(file.toString(),
				notSynced.stream().map(NotSynced::collection).collect(java.util.stream.Collectors.toSet())));
		syncFolder(dataDir);
		bind(server);
		this.address = server.getLocalAddress();
		log.info("No MONGODB_URI set: started the embedded MongoDB store on {}:{}, data in {}",
				address.getHostString(), address.getPort(), file);
	}

	/**
	 * Binds the server to a free loopback port with {@link #WORKER_THREADS} threads answering commands. Each client
	 * connection is served by one of them, and a write holds its thread until it is on disk: with netty's default of
	 * two threads per core, a few writes waiting for the disk held every thread, and reads (the lookups of every
	 * incoming DM) queued behind them. With more threads than writes usually wait at once, reads go on, and more
	 * writes share each flush.
	 */
	static void bind(MongoServer server) {
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, WORKER_THREADS);
	}

	/**
	 * Makes the store file's entry in its folder durable too: a file created moments before a power cut could
	 * otherwise be missing however well its contents were synced. Linux and macOS allow it; elsewhere it is skipped.
	 */
	private static void syncFolder(Path dataDir) {
		try (FileChannel folder = FileChannel.open(dataDir, StandardOpenOption.READ)) {
			folder.force(true);
		}
		catch (IOException | UnsupportedOperationException e) {
			log.debug("The data folder could not be synced ({}); the store file is synced on every write",
					e.getClass().getSimpleName());
		}
	}

	String connectionString(String database) {
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
	}

	@Override
	public void close() {
		server.shutdownNow();
	}
}
