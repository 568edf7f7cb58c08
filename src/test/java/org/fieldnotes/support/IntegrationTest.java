package org.fieldnotes.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

import org.bson.Document;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.delivery.OutboxWorker;
import org.fieldnotes.people.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.slack.api.bolt.App;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application over real HTTP on a random port, on the embedded store (a fresh folder per context), with
 * WireMock as the Slack Web API and a movable clock. Quartz does not run (tests fire schedules themselves), nor does
 * the outbox's background worker (tests run it with {@link #drainOutbox()}, after moving the clock past a backoff).
 * Every test starts with an empty store, reset Slack stubs and the clock at {@link #DEFAULT_NOW}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"fieldnotes.slack.bot-token=xoxb-test-token", "fieldnotes.slack.signing-secret=" + SlackRequests.SIGNING_SECRET,
		"fieldnotes.slack.app-token=", "fieldnotes.admin.token=" + IntegrationTest.ADMIN_TOKEN,
		"fieldnotes.admin.slack-admins=UADMIN1", "fieldnotes.store.uri=", "spring.quartz.auto-startup=false",
		// the outbox sends at once in the caller's thread; retries wait for a test to run the worker (drainOutbox)
		"fieldnotes.outbox.worker=false", "fieldnotes.outbox.per-channel=PT0S", "fieldnotes.outbox.rate=1000" })
@Import({ TestClockConfiguration.class, RecordingMessengerConfiguration.class })
public abstract class IntegrationTest {

	/** Wednesday 2 December 2026, 10:00 UTC. */
	public static final Instant DEFAULT_NOW = Instant.parse("2026-12-02T10:00:00Z");
	public static final String ADMIN_TOKEN = "test-admin-token";
	protected static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected People people;

	@Autowired
	private ObjectProvider<App> slackApp;

	@Autowired
	private OutboxWorker outboxWorker;

	@Autowired
	private Messenger messenger;

	@DynamicPropertySource
	static void slackAndStore(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.slack.api-url", SlackStub::apiUrl);
		Path dataDir = temporaryDataDir();
		registry.add("fieldnotes.store.data-dir", dataDir::toString);
	}

	private static Path temporaryDataDir() {
		try {
			Path dir = Files.createTempDirectory("fieldnotes-test");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@BeforeEach
	void cleanSlate() {
		clock.set(DEFAULT_NOW);
		SlackStub.reset();
		sent().reset();
		for (String collection : mongo.getCollectionNames()) {
			mongo.getCollection(collection).deleteMany(new Document());
		}
	}

	/**
	 * Lets the work a test started after an ack (confirmations, modals, Home) finish before the next test resets
	 * the Slack stand-in, so that no late call lands in another test's recordings.
	 */
	@AfterEach
	protected void awaitAfterAckWork() {
		App app = slackApp.getIfAvailable();
		if (app != null && app.executorService() instanceof ThreadPoolExecutor executor) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> executor.getActiveCount() == 0 && executor.getQueue().isEmpty());
		}
	}

	/*
	 * The people helpers name no stored type (Person, ChatAccount…), not even in a lambda: see Accounts. Tests that
	 * need one use Accounts' static methods.
	 */

	/** The person id (as stored) of the person with this Slack member id; fails when there is none. */
	protected String personOf(String memberId) {
		return Accounts.personOf(people, memberId);
	}

	/**
	 * The digest recipient key of the person with this Slack member id: their person id; for someone who is nobody
	 * (yet), a key no digest or trigger has.
	 */
	protected String keyOf(String memberId) {
		return Accounts.keyOf(people, memberId);
	}

	/** The digest recipient key of the person reached only by e-mail at this address (see {@link #keyOf}). */
	protected String keyOfAddress(String address) {
		return Accounts.keyOfAddress(people, address);
	}

	/** The cohort-digest key of the admin with this Slack member id: {@code admin:<person id>}. */
	protected String adminKeyOf(String memberId) {
		return "admin:" + keyOf(memberId);
	}

	/**
	 * What the application gave the chat port for each person (messages, forms, Home screens), as neutral models: what
	 * feature tests look at, whatever the platform.
	 */
	protected RecordingMessenger sent() {
		return (RecordingMessenger) messenger;
	}

	/** Runs the outbox worker once, now: sends every message that is due at the clock's time; returns how many. */
	protected int drainOutbox() {
		return outboxWorker.drain();
	}

	protected HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build());
	}

	protected HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Posts to /slack/events signed as Slack would sign it now (by the test clock). */
	protected HttpResponse<String> slackEvent(String body, String contentType, String... headers) {
		long timestamp = clock.instant().getEpochSecond();
		return slackEventSignedAt(body, contentType, timestamp,
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body), headers);
	}

	protected HttpResponse<String> slackEventSignedAt(String body, String contentType, long timestamp,
			String signature, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/slack/events"))
			.header("Content-Type", contentType)
			.header("X-Slack-Request-Timestamp", Long.toString(timestamp))
			.header("X-Slack-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	protected HttpResponse<String> directMessage(String eventId, String userId, String ts, String text,
			String threadTs, String... headers) {
		return slackEvent(SlackRequests.directMessage(eventId, userId, "D" + userId, ts, text, threadTs),
				"application/json", headers);
	}

	protected HttpResponse<String> slashCommand(String userId, String text) {
		return slackEvent(SlackRequests.slashCommand(userId, text), "application/x-www-form-urlencoded");
	}

	/**
	 * Runs {@code /fieldnotes <text>} as the member and returns the texts of its answer, which must be a 200 and
	 * ephemeral.
	 */
	protected String commandAnswer(String userId, String text) {
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode ack = json(response.body());
		assertThat(ack.get("response_type").asString()).isEqualTo("ephemeral");
		return texts(ack.get("blocks"));
	}

	/**
	 * Runs {@code /fieldnotes <text>} as the member where the command answers after its ack (e.g. {@code send-now}):
	 * the ack must be an empty 200, and the answer, ephemeral, comes to the command's {@code response_url}. Returns
	 * the answer's texts.
	 */
	protected String answerAfterAck(String userId, String text) {
		int before = SlackStub.commandResponses().size();
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).as("the ack carries no answer").isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> SlackStub.commandResponses().size() > before);
		JsonNode answer = SlackStub.commandResponses().get(before);
		assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
		return texts(answer.get("blocks"));
	}

	/** An answer's blocks as JSON, one block per line (strings as Slack receives them, JSON-escaped). */
	protected static String blocksJson(JsonNode answer) {
		StringBuilder all = new StringBuilder();
		answer.get("blocks").forEach(block -> all.append(block.toString()).append('\n'));
		return all.toString();
	}

	/** Every {@code text} string in a Block Kit tree (blocks, a view, an answer), depth first, one per line. */
	protected static String texts(JsonNode node) {
		List<String> texts = new ArrayList<>();
		collectTexts(node, texts);
		return String.join("\n", texts);
	}

	private static void collectTexts(JsonNode node, List<String> texts) {
		if (node == null) {
			return;
		}
		if (node.isObject() && node.has("text") && node.get("text").isString()) {
			texts.add(node.get("text").asString());
		}
		for (JsonNode child : node) {
			collectTexts(child, texts);
		}
	}

	protected HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	protected static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/**
	 * Enrols a placement through the admin API and returns its id. Participant {@code participantId}, manager
	 * UMAJA, academic coach UANDERS, business coach UBEATA, all in Europe/Stockholm, prompted Fridays 14:00.
	 */
	protected String enrol(String participantId, String start, String end) {
		HttpResponse<String> response = postJson("/api/v1/placements", placementJson(participantId, start, end));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Enrolment failed: " + response.statusCode() + " " + response.body());
		}
		return json(response.body()).get("id").asString();
	}

	protected static String placementJson(String participantId, String start, String end) {
		return """
				{"participant": {"name": "Ada Lindqvist", "slackUserId": "%s", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "%s", "endDate": "%s",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "Europe/Stockholm", "locale": "sv"},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(participantId, start, end);
	}
}
