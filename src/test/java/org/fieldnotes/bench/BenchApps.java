package org.fieldnotes.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.fieldnotes.support.ChildFieldnotes;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * What the benchmarks share: Fieldnotes and the bare Bolt app as child JVMs (both {@code -Xmx512m}, Slack pointed
 * at WireMock), enrolment through the admin API, and reading the embedded store's file once the app is stopped.
 */
final class BenchApps {

	static final String ADMIN_TOKEN = "bench-admin-token";
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private BenchApps() {
	}

	/** Where flight recordings and the apps' logs are kept after a run (the temp folders are not). */
	static Path output() throws IOException {
		return Files.createDirectories(Path.of("target", "bench"));
	}

	/**
	 * Fieldnotes on its embedded store in {@code dataDir}; with {@code -Dbench.jfr=true} it records a profile to
	 * {@code target/bench/<name>.jfr}.
	 */
	static ChildFieldnotes fieldnotes(String name, Path dataDir, int port) throws IOException {
		return ChildFieldnotes.start(name, output(), port, Map.of("FIELDNOTES_DATA_DIR", dataDir.toString(),
				"SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET, "SLACK_API_URL",
				SlackStub.apiUrl(), "FIELDNOTES_ADMIN_TOKEN", ADMIN_TOKEN), recording(name));
	}

	static ChildFieldnotes bare(String name, int port) throws IOException {
		return ChildFieldnotes.startTestApplication(name, output(), port,
				Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET,
						"SLACK_API_URL", SlackStub.apiUrl()),
				recording(name), BareBoltApp.class);
	}

	/**
	 * JVM options after {@code -Xmx512m}: {@code -Dbench.jvmOptions="-Xmx256m -XX:+UseSerialGC"} (space-separated, to
	 * try memory flags; the last {@code -Xmx} wins) and, with {@code -Dbench.jfr=true}, a flight recording.
	 */
	private static List<String> recording(String name) throws IOException {
		List<String> options = new ArrayList<>();
		String extra = System.getProperty("bench.jvmOptions", "").strip();
		if (!extra.isEmpty()) {
			options.addAll(List.of(extra.split("\\s+")));
		}
		if (Boolean.getBoolean("bench.jfr")) {
			options.add("-XX:StartFlightRecording=filename=" + output().resolve(name + ".jfr").toAbsolutePath()
					+ ",settings=profile,dumponexit=true");
		}
		return options;
	}

	/** Seconds from now until {@code /actuator/health} answers UP. */
	static double awaitUp(ChildFieldnotes app, long startedAt) throws InterruptedException {
		app.awaitHealthy(Duration.ofMinutes(3));
		return (System.nanoTime() - startedAt) / 1e9;
	}

	/** Enrols {@code count} participants ({@code <prefix>0 …}) through the admin API, one by one. */
	static List<String> enrol(ChildFieldnotes app, String prefix, int count) throws Exception {
		List<String> participants = new ArrayList<>();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
		for (int p = 0; p < count; p++) {
			String participant = prefix + p;
			String body = """
					{"participant": {"name": "Participant %1$s", "slackUserId": "%1$s", "timezone": "Europe/Stockholm", "locale": "en"},
					 "program": "KTP 2026", "hostOrganisation": "Scania", "startDate": "%2$s", "endDate": "%3$s",
					 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
					 "academicCoach": {"name": "Anders Holm", "email": "anders@university.example"}}
					""".formatted(participant, today.minusWeeks(1), today.plusMonths(6));
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/placements"))
						.header("Authorization", "Bearer " + ADMIN_TOKEN)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new AssertionError("enrolment answered " + response.statusCode() + ": " + response.body());
			}
			participants.add(participant);
		}
		return participants;
	}

	/** Documents in a collection of the embedded store in {@code dataDir}, read from its file (nothing may hold it). */
	static long count(Path dataDir, String collection) {
		MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("fieldnotes.mv").toString()));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			return client.getDatabase("fieldnotes").getCollection(collection).countDocuments();
		}
		finally {
			server.shutdownNow();
		}
	}

	/** The natural keys of the logbook entries in the embedded store in {@code dataDir}, read from its file. */
	static Set<String> entryKeys(Path dataDir) {
		MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("fieldnotes.mv").toString()));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			Set<String> keys = new HashSet<>();
			client.getDatabase("fieldnotes").getCollection("logbook_entries").find()
				.projection(new Document("naturalKey", 1))
				.forEach(d -> keys.add(d.getString("naturalKey")));
			return keys;
		}
		finally {
			server.shutdownNow();
		}
	}

	/** The resident memory of a process in MiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
	static double residentMiB(Process process) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("no VmRSS for " + process.pid());
	}
}
