package org.fieldnotes.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.bson.Document;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.support.ChildFieldnotes;
import org.fieldnotes.support.SlackRequests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * P2, fan-out (issue 13): N placements whose weekly prompt falls due in the same minute, delivered by Fieldnotes (a
 * child JVM, {@code -Xmx512m}) to a stand-in Slack that enforces Slack's limits itself: one message per second per
 * conversation and a workspace budget (a token bucket of {@code budget} messages a minute, a burst of one second's
 * worth), answering {@code 429} with {@code Retry-After} past either. The placements are enrolled with one CSV file
 * (their schedule set to the due minute), then the test only waits and watches: the prompts go out as production
 * sends them (each placement's Quartz trigger, the outbox, its pacer).
 * <p>
 * Reported, per store: the time from the due minute to the last prompt Slack accepted, against the bound the limits
 * allow ({@code (N − burst) / rate}, or the busiest conversation's 1 s per message if that is longer); the share of
 * {@code chat.postMessage} calls answered 429; and, per idempotency key ({@code prompt:<occurrence id>}, read back
 * from each prompt's buttons and from the outbox once the app is stopped), duplicates and losses. Only correctness
 * is asserted (every prompt delivered once); speed is printed.
 * <p>
 * {@code ./mvnw -Pbench test -Dtest=P2FanOutBenchmark}; {@code -Dbench.placements=N} (default 500, up to 10,000),
 * {@code -Dbench.budgetPerMinute} (the stand-in's workspace budget, default 240), {@code -Dbench.rate}
 * ({@code FIELDNOTES_OUTBOX_RATE} given to the app, default budget / 60), {@code -Dbench.stores} ({@code embedded},
 * {@code wire} or both, the default: the embedded store, and a mongo-java-server in the test JVM reached over the
 * MongoDB wire protocol), {@code -Dbench.jfr=true} for a flight recording in {@code target/bench/}.
 */
@Tag("benchmark")
class P2FanOutBenchmark {

	private static final int PLACEMENTS = Integer.getInteger("bench.placements", 500);
	/** The most rows the import takes in one file. */
	private static final int IMPORT_ROWS = 5_000;
	private static final int BUDGET_PER_MINUTE = Integer.getInteger("bench.budgetPerMinute", 240);
	private static final double APP_RATE = Double.parseDouble(
			System.getProperty("bench.rate", String.valueOf(BUDGET_PER_MINUTE / 60.0)));
	private static final List<String> STORES = List.of(System.getProperty("bench.stores", "embedded,wire").split(","));
	private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
	private static final String TEAM = "T0BENCH";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dir;

	@Test
	void everyPromptDueInTheSameMinuteDeliveredAtTheLimitsPace() throws Exception {
		List<Figures> all = new ArrayList<>();
		for (String store : STORES) {
			all.add(run(store.strip()));
		}
		Limits sample = new Limits(BUDGET_PER_MINUTE);
		System.out.printf("%n=== P2: fan-out of %,d prompts due in the same minute (stand-in Slack: 1 message/s per "
				+ "conversation, %d/min per workspace with a burst of %d; FIELDNOTES_OUTBOX_RATE=%s) ===%n"
				+ "%-9s %8s %9s %9s %7s %9s %7s %8s %10s %5s %6s%n", PLACEMENTS, BUDGET_PER_MINUTE, sample.burst,
				APP_RATE, "store", "prompts", "took (s)", "bound (s)", "ratio", "calls", "429s", "429 %", "1st after",
				"dup", "lost");
		for (Figures f : all) {
			System.out.println(f.line());
		}
		System.out.printf("goals: ratio ≤ 1.05, 429s ≤ 1%%, 0 duplicates, 0 lost. (\"1st after\": seconds from the due "
				+ "minute to the first prompt Slack accepted.)%n%n");
		for (Figures f : all) {
			assertThat(f.outboxPromptKeys).as(f.store + ": one outbox message per placement").isEqualTo(PLACEMENTS);
			assertThat(f.lost).as(f.store + ": prompts in the outbox Slack never accepted").isZero();
			assertThat(f.delivered).as(f.store + ": distinct prompts Slack accepted").isEqualTo(PLACEMENTS);
		}
	}

	private Figures run(String store) throws Exception {
		Limits limits = new Limits(BUDGET_PER_MINUTE);
		WireMockServer slack = standInSlack(limits);
		MongoServer wire = null;
		Path data = Files.createDirectories(dir.resolve(store + "-data"));
		Map<String, String> environment = new HashMap<>(Map.of("FIELDNOTES_DATA_DIR", data.toString(),
				"SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET, "SLACK_API_URL",
				"http://localhost:" + slack.port() + "/api/", "FIELDNOTES_ADMIN_TOKEN", BenchApps.ADMIN_TOKEN,
				"FIELDNOTES_WORKING_HOURS", "00:00-23:59", "FIELDNOTES_OUTBOX_RATE", String.valueOf(APP_RATE)));
		if (store.equals("wire")) {
			wire = new MongoServer(new MemoryBackend());
			environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + wire.bind().getPort() + "/fieldnotes");
		}
		else if (!store.equals("embedded")) {
			throw new IllegalArgumentException("-Dbench.stores takes embedded and/or wire, not " + store);
		}
		try {
			int port = ChildFieldnotes.freePort();
			Figures figures;
			try (ChildFieldnotes app = ChildFieldnotes.start("p2-" + store, BenchApps.output(), port, environment,
					Boolean.getBoolean("bench.jfr") ? List.of("-XX:StartFlightRecording=filename="
							+ BenchApps.output().resolve("p2-" + store + ".jfr").toAbsolutePath()
							+ ",settings=profile,dumponexit=true") : List.of())) {
				BenchApps.awaitUp(app, System.nanoTime());
				ZonedDateTime due = enrolDueInOneMinute(app);
				long dueNanos = System.nanoTime() + Duration.between(ZonedDateTime.now(ZONE), due).toNanos();
				limits.startCounting();
				waitForDelivery(limits, dueNanos);
				// a little longer, so that a late second send of a prompt is counted too
				Thread.sleep(5_000);
				app.stop();
				figures = limits.figures(store, dueNanos);
			}
			Map<String, String> outbox = wire != null ? outbox(wire) : outbox(data);
			figures.settle(outbox, limits);
			return figures;
		}
		finally {
			slack.stop();
			if (wire != null) {
				wire.shutdownNow();
			}
		}
	}

	/**
	 * Enrols {@link #PLACEMENTS} placements with CSV files of up to {@link #IMPORT_ROWS} rows, each with its weekly prompt on today's weekday at a
	 * minute far enough ahead for the import to finish first; returns that minute.
	 */
	private static ZonedDateTime enrolDueInOneMinute(ChildFieldnotes app) throws Exception {
		// the import takes tens of ms a placement on a loaded machine; allow 60 ms each and a minute more
		ZonedDateTime due = ZonedDateTime.now(ZONE).plusSeconds(60 + PLACEMENTS * 60L / 1000)
			.truncatedTo(ChronoUnit.MINUTES)
			.plusMinutes(1);
		String header = "participant_name,participant_slack_id,participant_timezone,"
				+ "participant_locale,program,host_organisation,start_date,end_date,manager_name,manager_slack_id,"
				+ "academic_coach_name,academic_coach_slack_id,schedule_day,schedule_time,work_days\n";
		String day = due.getDayOfWeek().name();
		String time = due.format(DateTimeFormatter.ofPattern("HH:mm"));
		long start = System.nanoTime();
		// one file per IMPORT_ROWS placements: the import takes at most that many rows a file
		for (int first = 0; first < PLACEMENTS; first += IMPORT_ROWS) {
			StringBuilder csv = new StringBuilder(header);
			for (int i = first; i < Math.min(PLACEMENTS, first + IMPORT_ROWS); i++) {
				int f = i / 5;
				csv.append(String.format("Participant %d,UP%d,Europe/Stockholm,en,KTP 2026,Host %d,%s,%s,Manager %d,"
						+ "UM%d,Academic coach %d,UA%d,%s,%s,MONDAY;TUESDAY;WEDNESDAY;THURSDAY;FRIDAY;SATURDAY;SUNDAY%n",
						i, i, i % 50, due.toLocalDate().minusDays(1), due.toLocalDate().plusMonths(6), f, f, f, f, day,
						time));
			}
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/placements:import"))
						.header("Authorization", "Bearer " + BenchApps.ADMIN_TOKEN)
						.header("Content-Type", "text/csv; charset=utf-8")
						.timeout(Duration.ofMinutes(30))
						.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		System.out.printf("P2: %d placements imported in %.1f s, due at %s%n", PLACEMENTS,
				(System.nanoTime() - start) / 1e9, due);
		assertThat(ZonedDateTime.now(ZONE)).as("the import finished before the due minute").isBefore(due);
		return due;
	}

	/** Until Slack has accepted a prompt of every placement, or nothing has been accepted for two minutes. */
	private static void waitForDelivery(Limits limits, long dueNanos) throws InterruptedException {
		long lastProgress = Math.max(System.nanoTime(), dueNanos);
		int seen = 0;
		while (limits.distinctPrompts() < PLACEMENTS) {
			Thread.sleep(500);
			int now = limits.distinctPrompts();
			if (now != seen) {
				seen = now;
				lastProgress = System.nanoTime();
			}
			else if (System.nanoTime() - lastProgress > Duration.ofMinutes(2).toNanos()) {
				System.out.printf("P2: no progress for 2 minutes at %d of %d prompts%n", now, PLACEMENTS);
				return;
			}
		}
	}

	/** WireMock as Slack: {@code chat.postMessage} through {@link Limits}, every other method answers ok. */
	private static WireMockServer standInSlack(Limits limits) {
		WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40).extensions(limits));
		server.start();
		server.stubFor(post(urlPathMatching("/api/.*")).atPriority(10).willReturn(okJson("")));
		server.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\","
				+ "\"team_id\":\"" + TEAM + "\",\"team\":\"Bench\",\"url\":\"https://bench.slack.com/\"")));
		server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withTransformers(Limits.NAME)));
		return server;
	}

	private static ResponseDefinitionBuilder okJson(String fields) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true" + (fields.isEmpty() ? "" : "," + fields) + "}");
	}

	/** The outbox's prompt messages (key → status), read from the embedded store's file once the app has stopped. */
	private static Map<String, String> outbox(Path data) {
		MongoServer server = new MongoServer(new H2Backend(data.resolve("fieldnotes.mv").toString()));
		try {
			return outbox("mongodb://127.0.0.1:" + server.bind().getPort());
		}
		finally {
			server.shutdownNow();
		}
	}

	private static Map<String, String> outbox(MongoServer wire) {
		return outbox("mongodb://" + wire.getLocalAddress().getHostString() + ":" + wire.getLocalAddress().getPort());
	}

	private static Map<String, String> outbox(String uri) {
		Map<String, String> keys = new HashMap<>();
		try (MongoClient client = MongoClients.create(uri)) {
			client.getDatabase("fieldnotes").getCollection("outbox")
				.find(new Document("key", new Document("$regex", "^prompt:")))
				.forEach((Consumer<Document>) d -> keys.put(d.getString("key"), d.getString("status")));
		}
		return keys;
	}

	/**
	 * The stand-in's limits on {@code chat.postMessage}, as Slack enforces them: one message per second per
	 * conversation, and a workspace budget of {@code perMinute} a minute as a token bucket holding one second's worth.
	 * Past either it answers 429 with the whole seconds until the call would have been accepted, as Slack does.
	 */
	static final class Limits implements ResponseDefinitionTransformerV2 {

		static final String NAME = "slack-limits";
		private static final long CONVERSATION_NANOS = 1_000_000_000L;

		final double perSecond;
		final int burst;
		private double tokens;
		private long refilledAt = System.nanoTime();
		private final Map<String, Long> lastInConversation = new HashMap<>();
		private final AtomicLong ts = new AtomicLong(1_765_000_000_000_000L);
		private boolean counting;
		private int calls;
		private int rejected;
		private int otherAccepted;
		private long firstPrompt = -1;
		private long lastPrompt = -1;
		/** Per idempotency key ({@code prompt:<occurrence id>}), how many times Slack accepted it. */
		private final Map<String, Integer> accepted = new LinkedHashMap<>();
		private final Map<String, Integer> perConversation = new HashMap<>();

		Limits(int perMinute) {
			this.perSecond = perMinute / 60.0;
			this.burst = Math.max(1, (int) Math.round(perSecond));
			this.tokens = burst;
		}

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		synchronized void startCounting() {
			counting = true;
		}

		synchronized int distinctPrompts() {
			return accepted.size();
		}

		@Override
		public synchronized ResponseDefinition transform(ServeEvent event) {
			Map<String, String> form = form(event.getRequest().getBodyAsString());
			String channel = form.getOrDefault("channel", "");
			long now = System.nanoTime();
			tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
			refilledAt = now;
			Long last = lastInConversation.get(channel);
			long waitNanos = 0;
			if (last != null && now - last < CONVERSATION_NANOS) {
				waitNanos = CONVERSATION_NANOS - (now - last);
			}
			if (tokens < 1) {
				waitNanos = Math.max(waitNanos, (long) ((1 - tokens) / perSecond * 1e9));
			}
			if (counting) {
				calls++;
			}
			if (waitNanos > 0) {
				if (counting) {
					rejected++;
				}
				long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
				return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds))
					.withHeader("Content-Type", "application/json")
					.withBody("{\"ok\":false,\"error\":\"ratelimited\"}")
					.build();
			}
			tokens -= 1;
			lastInConversation.put(channel, now);
			String key = promptKey(form.get("blocks"));
			if (counting) {
				if (key == null) {
					otherAccepted++;
				}
				else {
					accepted.merge(key, 1, Integer::sum);
					perConversation.merge(channel, 1, Integer::sum);
					firstPrompt = firstPrompt < 0 ? now : firstPrompt;
					lastPrompt = now;
				}
			}
			long n = ts.incrementAndGet();
			return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"channel\":\"D" + channel + "\",\"ts\":\"" + n / 1_000_000 + "."
						+ String.format("%06d", n % 1_000_000) + "\"}")
				.build();
		}

		synchronized Figures figures(String store, long dueNanos) {
			int busiest = perConversation.values().stream().mapToInt(Integer::intValue).max().orElse(1);
			double bound = Math.max((PLACEMENTS - burst) / perSecond, busiest - 1);
			int duplicates = accepted.values().stream().mapToInt(c -> c - 1).sum();
			return new Figures(store, accepted.size(), (lastPrompt - dueNanos) / 1e9, bound, calls, rejected,
					(firstPrompt - dueNanos) / 1e9, duplicates, otherAccepted);
		}

		synchronized boolean delivered(String key) {
			return accepted.containsKey(key);
		}

		/** {@code prompt:<occurrence id>}: the value of the prompt's write (or status) button, as the outbox keys it. */
		private static String promptKey(String blocks) {
			if (blocks == null) {
				return null;
			}
			return find(JSON.readTree(blocks));
		}

		private static String find(JsonNode node) {
			if (node.isObject() && node.has("action_id") && node.has("value")) {
				String action = node.get("action_id").asString();
				if (action.equals(PromptButtons.WRITE) || action.equals(PromptButtons.STATUS)) {
					return "prompt:" + node.get("value").asString();
				}
			}
			for (JsonNode child : node) {
				String found = find(child);
				if (found != null) {
					return found;
				}
			}
			return null;
		}

		private static Map<String, String> form(String body) {
			Map<String, String> fields = new HashMap<>();
			for (String pair : body.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return fields;
		}
	}

	/** One store's run. */
	static final class Figures {

		final String store;
		final int delivered;
		final double took;
		final double bound;
		final int calls;
		final int rejected;
		final double first;
		final int duplicates;
		final int other;
		int outboxPromptKeys;
		int lost;
		Map<String, Long> statuses = Map.of();

		Figures(String store, int delivered, double took, double bound, int calls, int rejected, double first,
				int duplicates, int other) {
			this.store = store;
			this.delivered = delivered;
			this.took = took;
			this.bound = bound;
			this.calls = calls;
			this.rejected = rejected;
			this.first = first;
			this.duplicates = duplicates;
			this.other = other;
		}

		/** Losses per idempotency key: prompts the outbox holds that Slack never accepted. */
		void settle(Map<String, String> outbox, Limits limits) {
			outboxPromptKeys = outbox.size();
			lost = (int) outbox.keySet().stream().filter(key -> !limits.delivered(key)).count()
					+ Math.max(0, PLACEMENTS - outbox.size());
			Map<String, Long> counts = new java.util.TreeMap<>();
			outbox.values().forEach(s -> counts.merge(String.valueOf(s), 1L, Long::sum));
			statuses = counts;
			System.out.printf("P2 %s: outbox prompt messages by status %s; other messages accepted %d%n", store,
					statuses, other);
		}

		String line() {
			return String.format("%-9s %8d %9.1f %9.1f %7.3f %9d %7d %8.2f %10.1f %5d %6d", store, delivered, took,
					bound, took / bound, calls, rejected, calls == 0 ? 0 : 100.0 * rejected / calls, first, duplicates,
					lost);
		}
	}
}
