package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.fieldnotes.support.ChildFieldnotes;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default store keeps every write it acknowledged through a {@code kill -9}. Fieldnotes runs as a child process
 * on its embedded store (no {@code MONGODB_URI}), as a newcomer runs it; the test sends it signed DMs, status-update
 * forms and admin "send prompt now" calls as fast as it answers, kills it with SIGKILL the moment the last one is
 * answered, and starts it again on the same data folder: every DM Slack got a 200 for is in the logbook, every status
 * update is there, and every prompt the API reported sent is recorded sent, with its Slack coordinates.
 * <p>
 * This is the test that caught the H2 backend's one-second background commit: with it, the last second of
 * acknowledged writes was gone after the kill.
 */
class EmbeddedStoreCrashTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final String ADMIN_TOKEN = "crash-admin-token";
	private static final int PARTICIPANTS = 10;
	private static final int ROUNDS = Integer.getInteger("storeCrash.rounds", 30);

	@TempDir
	Path dir;

	private final List<ChildFieldnotes> children = new ArrayList<>();

	@AfterEach
	void tearDown() throws InterruptedException {
		for (ChildFieldnotes child : children) {
			child.close();
		}
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void everyAcknowledgedWriteSurvivesAKillNine() throws Exception {
		SlackStub.reset();
		int port = ChildFieldnotes.freePort();
		ChildFieldnotes first = start("first", port);
		first.awaitHealthy(Duration.ofMinutes(2));

		Map<String, String> placements = new LinkedHashMap<>();
		for (int p = 0; p < PARTICIPANTS; p++) {
			placements.put(participant(p), enrol(first, participant(p)));
		}

		// as fast as it answers: each round a DM from every participant, a status update, and (near the end) a prompt
		List<String> dms = new ArrayList<>();
		List<String> updates = new ArrayList<>();
		Map<String, String> prompts = new LinkedHashMap<>();
		long sending = System.nanoTime();
		for (int round = 0; round < ROUNDS; round++) {
			for (int p = 0; p < PARTICIPANTS; p++) {
				String text = "Reflection " + round + "-" + p + ": learned how the test-rig team plans fatigue runs";
				int status = slack(first, SlackRequests.directMessage("Ev" + round + "x" + p, participant(p),
						"D" + participant(p), ts(round, p), text, null), "application/json");
				assertThat(status).as("DM %s-%s acknowledged", round, p).isEqualTo(200);
				dms.add(text);
			}
			String progress = "Progress " + round + ": bench test planned";
			int status = slack(first, statusUpdate(participant(round % PARTICIPANTS), round, progress),
					SlackInteractions.FORM);
			assertThat(status).as("status update %s acknowledged", round).isEqualTo(200);
			updates.add(progress);
			if (round >= ROUNDS - PARTICIPANTS) {
				String placementId = placements.get(participant(round % PARTICIPANTS));
				JsonNode sent = sendPrompt(first, placementId);
				assertThat(sent.get("status").asString()).as("prompt sent").isEqualTo("SENT");
				prompts.put(sent.get("occurrenceId").asString(), placementId);
			}
		}
		// the moment the last answer is in: no shutdown hook, nothing flushed
		first.kill();
		double sent = (System.nanoTime() - sending) / 1e9;

		ChildFieldnotes second = start("second", port);
		second.awaitHealthy(Duration.ofMinutes(2));
		Set<String> storedEntries = new TreeSet<>();
		Set<String> storedUpdates = new TreeSet<>();
		for (String placementId : placements.values()) {
			api(second, "/api/v1/placements/" + placementId + "/entries")
				.forEach(entry -> storedEntries.add(entry.get("text").asString()));
			api(second, "/api/v1/placements/" + placementId + "/status-updates")
				.forEach(update -> storedUpdates.add(update.get("progress").asString()));
		}
		second.stop();

		// the prompts, read from the store file itself now that nothing holds it
		Map<String, Document> occurrences = occurrences(prompts.keySet());
		Set<String> lostDms = new TreeSet<>(dms);
		lostDms.removeAll(storedEntries);
		Set<String> lostUpdates = new TreeSet<>(updates);
		lostUpdates.removeAll(storedUpdates);
		Set<String> lostPrompts = new TreeSet<>(prompts.keySet());
		lostPrompts.removeIf(id -> occurrences.containsKey(id) && "SENT".equals(occurrences.get(id).getString("status")));
		System.out.printf("""

				=== Embedded store, kill -9 right after the last answer ===
				acknowledged   %d DMs, %d status updates, %d prompts sent, in %.1f s
				after restart  %d DMs, %d status updates, %d prompts recorded sent
				lost           %d DMs, %d status updates, %d prompts
				%n""", dms.size(), updates.size(), prompts.size(), sent, dms.size() - lostDms.size(),
				updates.size() - lostUpdates.size(), prompts.size() - lostPrompts.size(), lostDms.size(),
				lostUpdates.size(), lostPrompts.size());

		assertThat(lostDms).as("acknowledged DMs missing from the logbook").isEmpty();
		assertThat(storedEntries).hasSameSizeAs(dms);
		assertThat(lostUpdates).as("acknowledged status updates missing").isEmpty();
		assertThat(lostPrompts).as("prompts reported sent, not recorded sent").isEmpty();
		assertThat(occurrences.values()).allSatisfy(o -> assertThat(o.getString("messageTs")).isNotBlank());
		assertThat(first.logText() + second.logText()).doesNotContain("learned how the test-rig team");
	}

	private ChildFieldnotes start(String name, int port) throws IOException {
		ChildFieldnotes child = ChildFieldnotes.start(name, dir, port,
				Map.of("FIELDNOTES_DATA_DIR", dir.resolve("data").toString(), "SLACK_BOT_TOKEN", "xoxb-crash-test",
						"SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET, "SLACK_API_URL", SlackStub.apiUrl(),
						"FIELDNOTES_ADMIN_TOKEN", ADMIN_TOKEN, "FIELDNOTES_OUTBOX_RATE", "1000"));
		children.add(child);
		return child;
	}

	private static String participant(int p) {
		return "UCRASH" + p;
	}

	/** A distinct Slack message timestamp per DM. */
	private static String ts(int round, int p) {
		return "1765000000." + String.format("%03d%03d", round, p);
	}

	private static String enrol(ChildFieldnotes app, String participant) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
		String body = """
				{"participant": {"name": "Participant %1$s", "slackUserId": "%1$s", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Scania", "startDate": "%2$s", "endDate": "%3$s",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "email": "anders@university.example"}}
				""".formatted(participant, today.minusWeeks(1), today.plusMonths(6));
		HttpResponse<String> response = HTTP.send(admin(app, "/api/v1/placements")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("id").asString();
	}

	private static JsonNode sendPrompt(ChildFieldnotes app, String placementId) throws Exception {
		HttpResponse<String> response = HTTP.send(admin(app, "/api/v1/placements/" + placementId + "/send-prompt")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JSON.readTree(response.body());
	}

	private static JsonNode api(ChildFieldnotes app, String path) throws Exception {
		HttpResponse<String> response = HTTP.send(admin(app, path).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpRequest.Builder admin(ChildFieldnotes app, String path) {
		return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
	}

	/** A status-update form submitted from the participant's App Home (not answering a prompt). */
	private static String statusUpdate(String participant, int round, String progress) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("status", Map.of("choice", SlackInteractions.selected("radio_buttons", "GREEN")));
		values.put("progress", Map.of("text", SlackInteractions.text(progress)));
		values.put("blockers", Map.of("text", SlackInteractions.text(null)));
		values.put("mood", Map.of("choice", SlackInteractions.selected("static_select", "4")));
		return SlackInteractions.viewSubmission(participant, "VSTATUS" + round, "status_update", "", values);
	}

	/** Posts to /slack/events signed as Slack signs it; returns the HTTP status. */
	private static int slack(ChildFieldnotes app, String body, String contentType) throws Exception {
		long timestamp = System.currentTimeMillis() / 1000;
		return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/events"))
			.header("Content-Type", contentType)
			.header("X-Slack-Request-Timestamp", Long.toString(timestamp))
			.header("X-Slack-Signature", SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Map<String, Document> occurrences(Set<String> ids) {
		MongoServer server = new MongoServer(new H2Backend(dir.resolve("data").resolve("fieldnotes.mv").toString()));
		try {
			InetSocketAddress address = server.bind();
			try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
				Map<String, Document> found = new LinkedHashMap<>();
				client.getDatabase("fieldnotes")
					.getCollection("prompt_occurrences")
					.find(Filters.in("_id", ids))
					.forEach(d -> found.put(d.getString("_id"), d));
				return found;
			}
		}
		finally {
			server.shutdownNow();
		}
	}
}
