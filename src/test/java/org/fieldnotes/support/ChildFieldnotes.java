package org.fieldnotes.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.fieldnotes.FieldnotesApplication;

/**
 * Fieldnotes as a process of its own ({@code java -cp … FieldnotesApplication}), for tests that must kill it with
 * SIGKILL ({@link #kill()}) the way a crash or {@code kill -9} would, with no shutdown hook and no chance to flush.
 * It gets only the environment a test gives it (every {@code FIELDNOTES_}, {@code SLACK_}, {@code MONGODB_},
 * {@code SPRING_} and {@code SERVER_} variable of this JVM is removed first) and writes its output to
 * {@code <dir>/<name>.log}.
 */
public final class ChildFieldnotes implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String name;
	private final Process process;
	private final Path log;
	private final int port;

	private ChildFieldnotes(String name, Process process, Path log, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts Fieldnotes on {@code port} ({@code 0}: any free port, unknown to the test) with this environment.
	 * @param dir where its log goes
	 */
	public static ChildFieldnotes start(String name, Path dir, int port, Map<String, String> environment)
			throws IOException {
		return start(name, dir, port, environment, List.of());
	}

	/**
	 * As {@link #start(String, Path, int, Map)}, with more JVM options after {@code -Xmx512m} (e.g. a flight
	 * recording, for the benchmarks).
	 */
	public static ChildFieldnotes start(String name, Path dir, int port, Map<String, String> environment,
			List<String> jvmOptions) throws IOException {
		return launch(name, dir, port, environment, jvmOptions, applicationClassPath(false),
				FieldnotesApplication.class.getName());
	}

	/**
	 * Another application of this repository's tests (a {@code main} class under {@code src/test/java}, e.g. the
	 * benchmarks' bare Bolt app), started the same way, with the test classes on its class path. It must answer
	 * {@code /actuator/health} for {@link #awaitHealthy(Duration)}.
	 */
	public static ChildFieldnotes startTestApplication(String name, Path dir, int port,
			Map<String, String> environment, List<String> jvmOptions, Class<?> mainClass) throws IOException {
		return launch(name, dir, port, environment, jvmOptions, applicationClassPath(true), mainClass.getName());
	}

	private static ChildFieldnotes launch(String name, Path dir, int port, Map<String, String> environment,
			List<String> jvmOptions, String classPath, String mainClass) throws IOException {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath, mainClass));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(k -> k.startsWith("FIELDNOTES_") || k.startsWith("SLACK_") || k.startsWith("MONGODB_")
				|| k.startsWith("SPRING_") || k.startsWith("SERVER_"));
		env.putAll(environment);
		env.put("SERVER_PORT", String.valueOf(port));
		Path log = dir.resolve(name + ".log");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		return new ChildFieldnotes(name, builder.start(), log, port);
	}

	/** A port nobody listens on right now, to start a child on a port the test knows. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Process process() {
		return process;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public boolean alive() {
		return process.isAlive();
	}

	/**
	 * Waits until {@code /actuator/health} answers 200 (UP), failing at once when the process exits.
	 */
	public void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited (" + process.exitValue() + ") before it was UP:\n" + logTail());
			}
			try {
				HttpResponse<Void> health = HTTP.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
							.timeout(Duration.ofSeconds(2))
							.build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// still starting
			}
			Thread.sleep(100);
		}
		throw new AssertionError(name + " was not UP within " + timeout + ":\n" + logTail());
	}

	/** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed. Returns once the process is gone. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM, a clean shutdown (SIGKILL after 30 s). */
	public void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	public String logText() {
		try {
			return Files.readString(log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String logTail() {
		String text = logText();
		return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	/**
	 * This JVM's class path, the manifest-only jar Surefire may use expanded; without the test classes (they hold a
	 * fixed test clock, which must not be scanned into the application) unless asked for.
	 */
	private static String applicationClassPath(boolean withTestClasses) throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
				try (JarFile jar = new JarFile(entry)) {
					Manifest manifest = jar.getManifest();
					String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
					if (classPath != null) {
						for (String url : classPath.trim().split("\\s+")) {
							entries.add(Paths.get(URI.create(url)).toString());
						}
						continue;
					}
				}
			}
			entries.add(entry);
		}
		return entries.stream()
			.filter(e -> withTestClasses || !Paths.get(e).endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}
}
