package org.fieldnotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A wire-protocol store on a fixed port that a test can stop and start again with its data kept, as a real MongoDB
 * restarted on its volume: for outage tests, given to the app as {@code MONGODB_URI} ({@link #uri()}).
 */
public final class ControllableStore {

	private final Path file = dataFile();
	private final int port = freePort();
	private MongoBackend backend;
	private MongoServer server;

	public ControllableStore() {
		start();
	}

	public String uri() {
		return "mongodb://127.0.0.1:" + port + "/fieldnotes";
	}

	public int port() {
		return port;
	}

	public synchronized boolean running() {
		return server != null;
	}

	/** Stops the server at once, dropping its connections; the data file stays. */
	public synchronized void stop() {
		if (server != null) {
			server.shutdownNow();
			backend.close();
			server = null;
		}
	}

	/** The server on its port again, on the data file it had before. */
	public synchronized void start() {
		if (server == null) {
			backend = new H2Backend(file.toString());
			server = new MongoServer(backend);
			server.bind("127.0.0.1", port);
		}
	}

	private static Path dataFile() {
		try {
			Path dir = Files.createTempDirectory("fieldnotes-outage");
			dir.toFile().deleteOnExit();
			return dir.resolve("store.mv");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
