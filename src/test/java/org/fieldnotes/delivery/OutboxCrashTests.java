package org.fieldnotes.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.support.ChildFieldnotes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The outbox survives {@code kill -9}: N prompts (10,000 unless {@code -Dcrash.messages=N}) are queued in MongoDB,
 * Fieldnotes runs as a child process and is killed with SIGKILL when Slack has received about half of them; a
 * second process then delivers the rest. Nothing is lost, and the only messages Slack receives twice are ones
 * that were {@code SENDING} at the moment of the crash (sent, but their SENT mark never reached MongoDB), so the
 * duplicates are at most the sends in flight then: the worker's {@code concurrency} plus foreground senders.
 * <p>
 * MongoDB (an in-memory wire-protocol server) and Slack (WireMock, answering {@code chat.postMessage} after a small
 * fixed delay) live in this JVM, so they outlive the killed process as a real MongoDB and Slack would. Slow (a
 * minute or two for 10,000) and so tagged {@code crash} and left out of the default build; run it with
 * {@code ./mvnw -B -ntp test -Dtest=OutboxCrashTests -DexcludedTestGroups=fuzz -DskipFuzzTests=true}.
 */
class OutboxCrashTests {

	private static final int MESSAGES = Integer.getInteger("crash.messages", 300);
	private static final int RATE = Integer.getInteger("crash.rate", 200);
	private static final int CONCURRENCY = 4;
	private static final int SLACK_DELAY_MS = 15;
	private static final String KEY_PREFIX = "prompt:crash-";
	/** In every message's text and in nothing Fieldnotes may log: the log check looks for it. */
	private static final String WORDS = "what surprised you most today";
	private static final Pattern KEY = Pattern.compile(Pattern.quote(KEY_PREFIX) + "\\d+");

	@TempDir
	Path dir;

	private MongoServer mongo;
	private WireMockServer slack;
	private MongoClient client;
	private final List<ChildFieldnotes> children = new ArrayList<>();
	/** How many chat.postMessage calls Slack received per key, counted as each request arrives. */
	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
	private final AtomicInteger posts = new AtomicInteger();

	@AfterEach
	void tearDown() throws InterruptedException {
		for (ChildFieldnotes child : children) {
			child.close();
		}
		if (client != null) {
			client.close();
		}
		if (slack != null) {
			slack.stop();
		}
		if (mongo != null) {
			mongo.shutdownNow();
		}
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void aKillNineWhileSendingLosesNothingAndSendsTwiceOnlyWhatWasInFlight() throws Exception {
		String uri = startMongo();
		startSlack();
		seed(uri);
		MongoCollection<Document> outbox = client.getDatabase("fieldnotes").getCollection("outbox");

		// 1. the first instance sends until Slack has about half, then dies without a chance to clean up
		long started = System.nanoTime();
		ChildFieldnotes first = startFieldnotes(uri, "first");
		waitFor(() -> posts.get() >= MESSAGES / 2, first, Duration.ofMinutes(15), Duration.ofMillis(2),
				"Slack to receive half the prompts");
		first.kill();
		long crashedAt = System.nanoTime();
		int receivedAtCrash = posts.get();
		Set<String> inFlightKeys = keys(outbox, "SENDING");
		long sentAtCrash = outbox.countDocuments(Filters.eq("status", "SENT"));
		int bound = inFlightKeys.size();

		// 2. a second instance picks up what was queued, and, once their leases run out, what was in flight
		long restarted = System.nanoTime();
		ChildFieldnotes second = startFieldnotes(uri, "second");
		waitFor(() -> outbox.countDocuments(Filters.eq("status", "SENT")) == MESSAGES
				|| outbox.countDocuments(Filters.eq("status", "FAILED")) > 0, second, Duration.ofMinutes(20),
				Duration.ofMillis(250), "every prompt to be SENT");
		long drained = System.nanoTime();
		second.stop();

		// 3. what Slack got
		Set<String> delivered = received.keySet();
		int duplicated = posts.get() - delivered.size();
		Set<String> lost = new TreeSet<>();
		for (int i = 0; i < MESSAGES; i++) {
			if (!delivered.contains(KEY_PREFIX + i)) {
				lost.add(KEY_PREFIX + i);
			}
		}
		Set<String> twice = received.entrySet()
			.stream()
			.filter(e -> e.getValue().get() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
		String logs = Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log"));

		System.out.printf("""

				=== Outbox crash test (kill -9) ===
				attempted            %d prompts (%d recipients, concurrency %d, rate %d/s, Slack delay %d ms)
				delivered            %d distinct keys
				duplicated           %d extra sends %s
				lost                 %d keys never received %s
				in flight at crash   %d (SENDING in MongoDB after the kill: the bound on duplicates)
				at the crash         Slack had received %d; %d were SENT in MongoDB; killed %.1f s after the start
				drain after restart  %.1f s (new JVM start, lease expiry of %s and the remaining %d sends)
				total                %.1f s (%.0f sends/s on average)
				%n""", MESSAGES, recipients(), CONCURRENCY, RATE, SLACK_DELAY_MS, delivered.size(), duplicated, twice,
				lost.size(), lost.size() > 20 ? "(first 20: " + lost.stream().limit(20).toList() + ")" : lost, bound,
				receivedAtCrash, sentAtCrash, seconds(crashedAt - started), seconds(drained - restarted), "PT5S",
				MESSAGES - sentAtCrash, seconds(drained - started),
				posts.get() / seconds(drained - started));

		assertThat(outbox.countDocuments(Filters.eq("status", "FAILED"))).as("given up").isZero();
		assertThat(outbox.countDocuments(Filters.eq("status", "SENT"))).isEqualTo(MESSAGES);
		assertThat(lost).as("prompts never delivered").isEmpty();
		assertThat(delivered).hasSize(MESSAGES);
		assertThat(duplicated).as("extra sends").isLessThanOrEqualTo(bound);
		assertThat(bound).as("sends in flight cannot exceed the worker's threads (no foreground senders here)")
			.isLessThanOrEqualTo(CONCURRENCY);
		assertThat(twice).as("only messages in flight at the crash may arrive twice").isSubsetOf(inFlightKeys);
		assertThat(received.values()).allSatisfy(count -> assertThat(count.get()).isLessThanOrEqualTo(2));
		// every duplicate is among the messages an operator is told may have arrived twice
		assertThat(keys(outbox, Filters.gt("ambiguousAttempts", 0))).as("flagged possibly duplicated")
			.containsAll(twice);
		// a delivered message keeps its Slack coordinates and loses its body
		assertThat(outbox.countDocuments(Filters.or(Filters.exists("message"), Filters.eq("ts", null)))).isZero();
		assertThat(logs).contains("Outbox worker started").doesNotContain(WORDS);
	}

	/** The in-JVM servers would otherwise log every connection, request and ignored index, burying the figures. */
	private static void quiet(String logger) {
		if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger logback) {
			logback.setLevel(ch.qos.logback.classic.Level.ERROR);
		}
	}

	private String startMongo() {
		quiet("de.bwaldvogel.mongo");
		// the kill resets the dead process's connections: expected, and logged with a stack trace each
		Object resets = LoggerFactory.getLogger("de.bwaldvogel.mongo.wire.MongoExceptionHandler");
		if (resets instanceof ch.qos.logback.classic.Logger logback) {
			logback.setLevel(ch.qos.logback.classic.Level.OFF);
		}
		quiet("org.mongodb.driver");
		quiet("wiremock");
		quiet("com.github.tomakehurst.wiremock");
		mongo = new MongoServer(new MemoryBackend());
		mongo.bind("127.0.0.1", 0);
		InetSocketAddress bound = mongo.getLocalAddress();
		String uri = "mongodb://" + bound.getHostString() + ":" + bound.getPort();
		client = MongoClients.create(uri);
		return uri;
	}

	private void startSlack() {
		slack = new WireMockServer(options().dynamicPort()
			.globalTemplating(true)
			.disableRequestJournal()
			.containerThreads(32)
			.extensions(new CountPosts()));
		slack.start();
		slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(ok(
				"\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\",\"team\":\"Test\",\"url\":\"https://test.slack.com/\"")));
		slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(ok(
				"{{formData request.body 'form' urlDecode=true}}\"channel\":\"D{{form.channel}}\","
						+ "\"ts\":\"{{now format='epoch'}}.{{randomValue length=6 type='NUMERIC'}}\"")
			.withFixedDelay(SLACK_DELAY_MS)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String fields) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true," + fields + "}");
	}

	/** Counts each chat.postMessage by the key named in its text, as it arrives (before Slack answers). */
	private final class CountPosts implements ServeEventListener {

		@Override
		public void beforeMatch(ServeEvent event, Parameters parameters) {
			if (!event.getRequest().getUrl().startsWith("/api/chat.postMessage")) {
				return;
			}
			String body = URLDecoder.decode(event.getRequest().getBodyAsString(), StandardCharsets.UTF_8);
			Matcher key = KEY.matcher(body);
			if (key.find()) {
				received.computeIfAbsent(key.group(), k -> new AtomicInteger()).incrementAndGet();
			}
			posts.incrementAndGet();
		}

		@Override
		public String getName() {
			return "count-posts";
		}
	}

	private static int recipients() {
		return Math.max(1, MESSAGES / 10);
	}

	/** N prompts, exactly as {@link Outbox#enqueue} stores them, enqueued one after the other. */
	private void seed(String uri) {
		MongoTemplate template = new MongoTemplate(client, "fieldnotes");
		Instant first = Instant.now().minusMillis(MESSAGES);
		List<OutboxMessage> batch = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			String key = KEY_PREFIX + i;
			Instant at = first.plusMillis(i);
			ChatMessage message = ChatMessage.text("Prompt " + key + " for today: " + WORDS + "?");
			String member = "UCRASH" + (i % recipients());
			batch.add(new OutboxMessage(java.util.UUID.randomUUID().toString(), key, MessageKind.PROMPT, "crash-" + i,
					member, new org.fieldnotes.chat.ChatAccount("slack", null, member), message, List.of(),
					OutboxStatus.PENDING, 0, at, at, null, null,
					null, null, null, null, null, null, false));
			if (batch.size() == 1000) {
				template.insertAll(batch);
				batch.clear();
			}
		}
		template.insertAll(batch);
		assertThat(template.count(Query.query(Criteria.where("status").is(OutboxStatus.PENDING)), OutboxMessage.class))
			.isEqualTo(MESSAGES);
	}

	private ChildFieldnotes startFieldnotes(String uri, String name) throws IOException {
		ChildFieldnotes child = ChildFieldnotes.start(name, dir, 0, Map.of("MONGODB_URI", uri, "SLACK_BOT_TOKEN",
				"xoxb-crash-test", "SLACK_SIGNING_SECRET", "crash-test-secret", "SLACK_API_URL",
				"http://localhost:" + slack.port() + "/api/", "FIELDNOTES_OUTBOX_RATE", String.valueOf(RATE),
				"FIELDNOTES_OUTBOX_CONCURRENCY", String.valueOf(CONCURRENCY), "FIELDNOTES_OUTBOX_LEASE", "PT5S",
				"FIELDNOTES_DATA_DIR", dir.resolve("data-" + name).toString()));
		children.add(child);
		return child;
	}

	private static Set<String> keys(MongoCollection<Document> outbox, String status) {
		return keys(outbox, Filters.eq("status", status));
	}

	private static Set<String> keys(MongoCollection<Document> outbox, org.bson.conversions.Bson filter) {
		Set<String> keys = new TreeSet<>();
		outbox.find(filter).forEach(d -> keys.add(d.getString("key")));
		return keys;
	}

	private void waitFor(Check done, ChildFieldnotes child, Duration timeout, Duration poll, String what) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!done.holds()) {
			if (!child.alive()) {
				throw new AssertionError("Fieldnotes exited (" + child.process().exitValue() + ") while waiting for " + what
						+ "; see its log in " + dir);
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what + " (Slack received "
						+ posts.get() + ")");
			}
			Thread.sleep(poll.toMillis());
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	@FunctionalInterface
	private interface Check {

		boolean holds() throws Exception;
	}
}
