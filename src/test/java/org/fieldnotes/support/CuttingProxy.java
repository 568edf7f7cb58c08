package org.fieldnotes.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A TCP proxy between the application and its MongoDB that cuts the line abruptly, as a crashed server, a failed-over
 * load balancer or a broken network does, rather than closing it cleanly: every open connection is reset at once
 * ({@code SO_LINGER} 0, so the application gets an RST, not an orderly close), commands in flight included, and new
 * connections are refused (accepted and reset at once) until {@link #restore()}.
 *
 * <p>It reads the MongoDB wire protocol's framing (each message starts with its length), so it knows which
 * connections have a command out without a reply, and can cut in the middle of a chosen command: {@link #cutMidCommand}
 * forwards the first half of the next matching command to the server and then cuts. The server never sees the rest,
 * so it does not execute it; the application never gets an answer.
 */
public final class CuttingProxy {

	private final int targetPort;
	private final ServerSocket listener;
	private final Set<Link> links = ConcurrentHashMap.newKeySet();
	private final AtomicInteger refused = new AtomicInteger();
	private final List<Cut> cuts = new ArrayList<>();
	private volatile boolean refusing;
	/** While set, the store's replies are swallowed: every connection stays open and nothing comes back. */
	private volatile boolean silent;
	private final AtomicInteger swallowed = new AtomicInteger();
	private volatile Predicate<byte[]> armed;

	/**
	 * What the line looked like at a cut.
	 *
	 * @param connectionsReset connections reset at once
	 * @param commandsUnanswered connections that had sent a command (or part of one) toward the server and had no
	 * reply yet
	 * @param bytesUnanswered bytes forwarded toward the server on those connections since their last reply
	 * @param cutInHalf whether the cut was made in the middle of a chosen command ({@link #cutMidCommand})
	 */
	public record Cut(int connectionsReset, int commandsUnanswered, long bytesUnanswered, boolean cutInHalf) {
	}

	/** Forwards a free loopback port to {@code 127.0.0.1:targetPort}. */
	public CuttingProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Thread acceptor = new Thread(this::accept, "cutting-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public String uri(String database) {
		return "mongodb://127.0.0.1:" + listener.getLocalPort() + "/" + database;
	}

	/** Resets every open connection now, whatever it is doing, and refuses new ones until {@link #restore()}. */
	public synchronized Cut cutNow() {
		return cut(null);
	}

	/**
	 * Arms a cut: the next command from the application that {@code command} matches (its whole wire message) is
	 * forwarded only half, and then every connection is reset as by {@link #cutNow()}.
	 */
	public void cutMidCommand(Predicate<byte[]> command) {
		armed = command;
	}

	/**
	 * The store goes silent, as behind a network partition that sends no reset: connections stay open, commands
	 * reach the store, and no reply comes back until {@link #restore()}.
	 */
	public void silenceNow() {
		silent = true;
	}

	/** Replies swallowed while silent. */
	public int swallowedReplies() {
		return swallowed.get();
	}

	/** Lets new connections through again, and replies back. */
	public synchronized void restore() {
		refusing = false;
		silent = false;
		armed = null;
	}

	public boolean refusing() {
		return refusing;
	}

	/** Connections refused (reset as soon as accepted) since this proxy started. */
	public int refusedConnections() {
		return refused.get();
	}

	/** The cuts so far, oldest first. */
	public synchronized List<Cut> cuts() {
		return List.copyOf(cuts);
	}

	public synchronized Optional<Cut> lastCut() {
		return cuts.isEmpty() ? Optional.empty() : Optional.of(cuts.get(cuts.size() - 1));
	}

	private synchronized Cut cut(Link halfSent) {
		refusing = true;
		armed = null;
		int unanswered = 0;
		long bytes = 0;
		for (Link link : links) {
			long pending = link.unanswered.get();
			if (pending > 0) {
				unanswered++;
				bytes += pending;
			}
		}
		int reset = links.size();
		for (Link link : links) {
			link.reset();
		}
		links.clear();
		Cut cut = new Cut(reset, unanswered, bytes, halfSent != null);
		cuts.add(cut);
		notifyAll();
		return cut;
	}

	private void accept() {
		while (!listener.isClosed()) {
			Socket client;
			try {
				client = listener.accept();
			}
			catch (IOException e) {
				return;
			}
			synchronized (this) {
				if (refusing) {
					refused.incrementAndGet();
					resetQuietly(client);
					continue;
				}
				try {
					Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
					Link link = new Link(client, server);
					links.add(link);
					link.start();
				}
				catch (IOException storeDown) {
					resetQuietly(client);
				}
			}
		}
	}

	private static void resetQuietly(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ignored) {
			// already gone
		}
	}

	/** One application connection and its connection to the server, pumped both ways message by message. */
	private final class Link {

		private final Socket client;
		private final Socket server;
		/** Bytes forwarded toward the server since the last reply came back. */
		private final AtomicLong unanswered = new AtomicLong();

		Link(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void start() {
			Thread up = new Thread(this::toServer, "cutting-proxy-up");
			Thread down = new Thread(this::toClient, "cutting-proxy-down");
			up.setDaemon(true);
			down.setDaemon(true);
			up.start();
			down.start();
		}

		private void toServer() {
			try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
				while (true) {
					byte[] message = readMessage(in);
					Predicate<byte[]> cutAt = armed;
					if (cutAt != null && cutAt.test(message)) {
						int half = message.length / 2;
						unanswered.addAndGet(half);
						out.write(message, 0, half);
						out.flush();
						cut(this);
						return;
					}
					// counted before it goes, so that a reply can never come back before it is counted
					unanswered.addAndGet(message.length);
					out.write(message);
					out.flush();
				}
			}
			catch (IOException closed) {
				close();
			}
		}

		private void toClient() {
			try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
				while (true) {
					byte[] reply = readMessage(in);
					if (silent) {
						swallowed.incrementAndGet();
						continue;
					}
					unanswered.set(0);
					out.write(reply);
					out.flush();
				}
			}
			catch (IOException closed) {
				close();
			}
		}

		/**
		 * The application's side gets an RST; the server's side is closed in order (the stand-in server would log
		 * every reset with a stack trace, and the server's view is not what the tests are about).
		 */
		void reset() {
			resetQuietly(client);
			try {
				server.close();
			}
			catch (IOException ignored) {
				// already gone
			}
		}

		private void close() {
			links.remove(this);
			try {
				client.close();
				server.close();
			}
			catch (IOException ignored) {
				// already gone
			}
		}
	}

	/** One wire-protocol message: a little-endian int32 length (itself included), then the rest. */
	private static byte[] readMessage(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] header = new byte[4];
		data.readFully(header);
		int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16 | (header[3] & 0xff) << 24;
		if (length < 16 || length > 48 * 1024 * 1024) {
			throw new EOFException("not a wire-protocol message: length " + length);
		}
		byte[] message = new byte[length];
		System.arraycopy(header, 0, message, 0, 4);
		data.readFully(message, 4, length - 4);
		return message;
	}

	/**
	 * A matcher for {@link #cutMidCommand}: a wire message whose bytes contain each of these BSON string elements
	 * ({@code name} → {@code value}), e.g. {@code ("update", "outbox")} and {@code ("status", "SENT")} for the update
	 * that marks an outbox message sent.
	 */
	public static Predicate<byte[]> containing(String... namesAndValues) {
		List<byte[]> elements = new ArrayList<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			elements.add(bsonString(namesAndValues[i], namesAndValues[i + 1]));
		}
		return message -> elements.stream().allMatch(element -> indexOf(message, element) >= 0);
	}

	private static byte[] bsonString(String name, String value) {
		byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] element = new byte[1 + n.length + 1 + 4 + v.length + 1];
		int at = 0;
		element[at++] = 0x02; // string
		System.arraycopy(n, 0, element, at, n.length);
		at += n.length + 1; // the name's terminating 0
		int length = v.length + 1;
		element[at++] = (byte) length;
		element[at++] = (byte) (length >> 8);
		element[at++] = (byte) (length >> 16);
		element[at++] = (byte) (length >> 24);
		System.arraycopy(v, 0, element, at, v.length);
		return element;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
