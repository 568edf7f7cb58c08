package org.fieldnotes.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.fieldnotes.support.ChildFieldnotes;
import org.fieldnotes.support.SlackRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fieldnotes scales out as stateless instances over one store: two, then three Fieldnotes processes
 * ({@link ChildFieldnotes}, each its own JVM) with {@code MONGODB_URI} pointing at one MongoDB-wire server started by
 * the test — our own {@link EmbeddedMongo}, the durable H2 backend on a temporary folder, reached over the wire
 * protocol as a real MongoDB would be. Nothing else is shared: each instance has its own Quartz (in memory), its own
 * outbox worker and pacer, and its own path on the stand-in Slack ({@code /i1/api/…}, {@code /i2/api/…}), so that
 * the stand-in knows which instance sent each message.
 * <p>
 * Each test enrols a cohort of its own through one instance (one CSV file, five placements per manager and per coach)
 * and runs this week's digests for it with {@code POST /api/v1/digests/send}, which queues and answers at once; the
 * instances' outbox workers deliver. Every digest is then counted at the stand-in per idempotency key (the outbox's
 * {@code digest:…} key, matched to what Slack accepted through the {@code ts} the outbox recorded and the message's
 * recipient and body): accepted exactly once — twice only if the outbox marks it possibly duplicated (a lease taken
 * over, a send that got no answer) — and the work shared (each instance sent some).
 * <p>
 * The last test kills ({@code kill -9}) the first instance it sees holding a lease on one of the run's digests (not
 * the one still answering the run's request), at once; the others take its claims over when their 5-second lease
 * (renewed to cover a wait for a pacing slot) runs out, and each claim taken over is marked possibly duplicated. The instances' logs are kept in
 * {@code target/many-instances/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ManyInstancesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final String ADMIN_TOKEN = "many-instances-admin-token";
	private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
	private static final int PER_FOLLOWER = 5;
	/** Placements per cohort: 6 managers and 6 coaches, 12 digests a run. */
	private static final int PLACEMENTS = 30;
	/**
	 * With three instances the cohort is twice as large (24 digests), so that the run is still going when the third
	 * instance looks for work, and when an instance is killed.
	 */
	private static final int LARGER_PLACEMENTS = 60;
	/** Messages per second from each instance: slow enough that a run takes seconds and leases are held meanwhile. */
	private static final String RATE = "2";
	/**
	 * Short, so that a killed instance's claims are taken over soon. Shorter than the longest wait for a pacing slot
	 * here (three instances' workers at 2 messages a second): a claim's lease is renewed to cover its wait, which is
	 * what keeps this test from the livelock it once showed (claims taken over while they waited, again and again).
	 */
	private static final String LEASE = "PT5S";
	/** Where the instances' logs are kept after the run ({@code <name>.log}). */
	private static final Path LOGS = Path.of("target", "many-instances");

	@TempDir
	static Path dir;

	private EmbeddedMongo store;
	private MongoClient client;
	private WireMockServer slack;
	private final StandInSlack accepted = new StandInSlack();
	private final List<ChildFieldnotes> instances = new ArrayList<>();

	@BeforeAll
	void startStoreSlackAndTwoInstances() throws Exception {
		Files.createDirectories(LOGS);
		// the store as Fieldnotes opens it: the pacing slots' writes wait for the next synced write
		store = new EmbeddedMongo(Files.createDirectories(dir.resolve("store")),
				List.of(org.fieldnotes.delivery.PacingStore.SLOTS));
		client = MongoClients.create(store.connectionString("fieldnotes"));
		slack = new WireMockServer(options().dynamicPort().containerThreads(40).extensions(accepted));
		slack.start();
		slack.stubFor(post(urlPathMatching("/i[0-9]/api/.*")).atPriority(10).willReturn(okJson("")));
		slack.stubFor(post(urlPathMatching("/i[0-9]/api/auth.test")).willReturn(okJson("\"user_id\":\"UBOT\","
				+ "\"bot_id\":\"BBOT\",\"team_id\":\"T0MANY\",\"team\":\"Many\",\"url\":\"https://many.slack.com/\"")));
		slack.stubFor(post(urlPathMatching("/i[0-9]/api/chat.postMessage"))
			.willReturn(aResponse().withTransformers(StandInSlack.NAME)));
		running(2);
	}

	@AfterAll
	void stopEverything() throws InterruptedException {
		for (ChildFieldnotes instance : instances) {
			instance.close();
		}
		if (slack != null) {
			slack.stop();
		}
		if (client != null) {
			client.close();
		}
		if (store != null) {
			store.close();
		}
	}

	@Test
	@Order(1)
	void twoInstancesShareTheDeliveryOfOneDigestRun() throws Exception {
		running(2);
		Cohort cohort = enrol("A", PLACEMENTS);

		Run run = sendDigests(instances.get(0));
		assertThat(run.queued).as("recipients whose digest the run queued").isEqualTo(cohort.recipients);

		Map<String, Document> outbox = awaitDelivered(cohort, Duration.ofSeconds(90));
		Map<String, Integer> perInstance = assertEachDeliveredOnce(cohort, outbox);
		System.out.printf("ManyInstancesTests, 2 instances: %d digests sent, per instance %s; accepted twice %d%n",
				outbox.size(), perInstance, duplicates(outbox));
		assertThat(perInstance).as("digests each instance sent: the work was shared")
			.containsOnlyKeys("i1", "i2")
			.allSatisfy((instance, sent) -> assertThat(sent).isPositive());
	}

	@Test
	@Order(2)
	void threeInstancesRacingDigestRunsQueueAndSendEachWeekOnce() throws Exception {
		running(3);
		Set<String> earlier = digestKeys();
		Cohort cohort = enrol("B", LARGER_PLACEMENTS);

		// the three instances start this week's run at the same moment, each request on a thread of its own
		ExecutorService threads = Executors.newFixedThreadPool(instances.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Run>> racing = new ArrayList<>();
		for (ChildFieldnotes instance : instances) {
			racing.add(threads.submit(() -> {
				go.await();
				return sendDigests(instance);
			}));
		}
		go.countDown();
		List<Run> runs = new ArrayList<>();
		try {
			for (Future<Run> run : racing) {
				runs.add(run.get(2, TimeUnit.MINUTES));
			}
		}
		finally {
			threads.shutdownNow();
		}
		List<String> queued = runs.stream().flatMap(r -> r.queuedRecipients.stream()).toList();
		// a run that finds a week claimed by another but not yet in the outbox delivers it too, under the claim's own
		// key (see DigestService.recover): the outbox keeps one message, though both runs report it queued
		long reportedTwice = queued.size() - new HashSet<>(queued).size();
		System.out.printf("ManyInstancesTests, 3 racing runs reported %s digests queued (%d reported by two runs)%n",
				runs.stream().map(r -> r.queued).toList(), reportedTwice);
		assertThat(new HashSet<>(queued)).as("the recipients whose week the racing runs queued: the new cohort's")
			.containsExactlyInAnyOrderElementsOf(cohort.personIds(client));

		Map<String, Document> outbox = awaitDelivered(cohort, Duration.ofSeconds(90));
		assertThat(client.getDatabase("fieldnotes").getCollection("digests")
			.countDocuments(Filters.in("recipientKey", cohort.personIds(client))))
			.as("one digest record (a claimed week) per recipient")
			.isEqualTo(cohort.recipients);
		assertThat(digestKeys()).as("the earlier cohort's digests were not queued again, the new ones once each")
			.containsAll(earlier)
			.hasSize(earlier.size() + cohort.recipients);
		Map<String, Integer> perInstance = assertEachDeliveredOnce(cohort, outbox);
		System.out.printf("ManyInstancesTests, 3 instances: %d digests sent, per instance %s; accepted twice %d%n",
				outbox.size(), perInstance, duplicates(outbox));
		assertThat(perInstance).as("digests each instance sent: the work was shared")
			.containsOnlyKeys("i1", "i2", "i3")
			.allSatisfy((instance, sent) -> assertThat(sent).isPositive());
	}

	@Test
	@Order(3)
	void anInstanceKilledMidRunLosesNothing() throws Exception {
		running(3);
		Cohort cohort = enrol("C", LARGER_PLACEMENTS);
		List<String> people = cohort.personIds(client);
		MongoCollection<Document> outbox = client.getDatabase("fieldnotes").getCollection("outbox");

		// the run is started in the background: its digests are delivered while it is still queueing the rest
		ExecutorService background = Executors.newSingleThreadExecutor();
		Future<Run> run = background.submit(() -> sendDigests(instances.get(0)));
		background.shutdown();

		// kill -9 the first instance seen holding a claim (a lease) on one of this run's digests, at once; not the one
		// answering the run's request, which is still queueing
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		ChildFieldnotes victim = null;
		while (victim == null) {
			assertThat(System.nanoTime()).as("an instance claimed one of the run's digests").isLessThan(deadline);
			for (Document claimed : outbox
				.find(Filters.and(Filters.in("recipient", people), Filters.eq("status", "SENDING")))) {
				ChildFieldnotes holder = holder(claimed.getString("owner"));
				if (holder != instances.get(0)) {
					victim = holder;
					victim.kill();
					break;
				}
			}
			if (victim == null) {
				Thread.sleep(5);
			}
		}
		assertThat(victim.alive()).isFalse();
		String victimName = instanceName(victim);
		String victimOwner = victim.process().pid() + "@";
		List<Document> held = outbox
			.find(Filters.and(Filters.in("recipient", people), Filters.eq("status", "SENDING"),
					Filters.regex("owner", "^" + victimOwner)))
			.into(new ArrayList<>());
		long unsettled = outbox.countDocuments(Filters.and(Filters.in("recipient", people),
				Filters.ne("status", "SENT")));
		System.out.printf("ManyInstancesTests: killed %s (%s) holding %d leases, %d of %d digests not yet sent%n",
				victimName, victimOwner, held.size(), unsettled, cohort.recipients);
		assertThat(held).as("leases the killed instance held when it died").isNotEmpty();
		assertThat(unsettled).as("the run was still going when it died").isPositive();
		assertThat(run.get(2, TimeUnit.MINUTES).queued).as("digests the run queued").isEqualTo(cohort.recipients);

		Map<String, Document> delivered = awaitDelivered(cohort, Duration.ofSeconds(90));
		Set<String> heldKeys = new HashSet<>();
		held.forEach(d -> heldKeys.add(d.getString("key")));
		for (String key : heldKeys) {
			Document after = delivered.get(key);
			assertThat(after.getString("status")).as(key + ", held by the killed instance").isEqualTo("SENT");
			assertThat(after.getInteger("ambiguousAttempts", 0))
				.as(key + " was taken over after its lease ran out: its holder may have sent it")
				.isPositive();
			assertThat(accepted.instanceOf(after.getString("ts")))
				.as(key + " was delivered by a surviving instance")
				.isNotEqualTo(victimName);
		}
		Map<String, Integer> perInstance = assertEachDeliveredOnce(cohort, delivered);
		long possiblyDuplicated = delivered.values().stream().filter(d -> d.getInteger("ambiguousAttempts", 0) > 0)
			.count();
		System.out.printf("ManyInstancesTests, kill -9: %d digests sent, per instance %s; %d possibly duplicated, "
				+ "%d actually accepted twice%n", delivered.size(), perInstance, possiblyDuplicated,
				duplicates(delivered));
	}

	// --- the instances

	/** The instance whose outbox owner ({@code <pid>@<host>/<random>}) this is. */
	private ChildFieldnotes holder(String owner) {
		return instances.stream()
			.filter(i -> owner.startsWith(i.process().pid() + "@"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no instance of the test holds " + owner));
	}

	private String instanceName(ChildFieldnotes instance) {
		return "i" + (instances.indexOf(instance) + 1);
	}

	/** Starts instances until {@code count} are running (they start at once, then are awaited). */
	private void running(int count) throws Exception {
		List<ChildFieldnotes> started = new ArrayList<>();
		while (instances.size() < count) {
			String name = "i" + (instances.size() + 1);
			Map<String, String> environment = new HashMap<>();
			environment.put("MONGODB_URI", store.connectionString("fieldnotes"));
			environment.put("FIELDNOTES_DATA_DIR", Files.createDirectories(dir.resolve(name)).toString());
			environment.put("SLACK_BOT_TOKEN", "xoxb-many");
			environment.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
			environment.put("SLACK_API_URL", "http://localhost:" + slack.port() + "/" + name + "/api/");
			environment.put("FIELDNOTES_ADMIN_TOKEN", ADMIN_TOKEN);
			environment.put("FIELDNOTES_WORKING_HOURS", "00:00-23:59");
			environment.put("FIELDNOTES_OUTBOX_RATE", RATE);
			environment.put("FIELDNOTES_OUTBOX_LEASE", LEASE);
			ChildFieldnotes instance = ChildFieldnotes.start(name, LOGS, ChildFieldnotes.freePort(), environment);
			instances.add(instance);
			started.add(instance);
		}
		for (ChildFieldnotes instance : started) {
			instance.awaitHealthy(Duration.ofMinutes(2));
		}
		assertThat(instances.subList(0, count)).allSatisfy(i -> assertThat(i.alive()).isTrue());
	}

	/** A cohort: its placements' managers and coaches ({@code UM<tag><n>}, {@code UA<tag><n>}) get the digests. */
	private record Cohort(String tag, int recipients) {

		Set<String> slackIds() {
			Set<String> ids = new HashSet<>();
			for (int f = 0; f < recipients / 2; f++) {
				ids.add("UM" + tag + f);
				ids.add("UA" + tag + f);
			}
			return ids;
		}

		/** The people ids of its recipients, as the outbox names them. */
		List<String> personIds(MongoClient client) {
			List<String> ids = new ArrayList<>();
			client.getDatabase("fieldnotes").getCollection("people")
				.find(Filters.in("accounts.memberId", slackIds()))
				.forEach((Consumer<Document>) d -> ids.add(String.valueOf(d.get("_id"))));
			assertThat(ids).as("the cohort's managers and coaches in the store").hasSize(recipients);
			return ids;
		}
	}

	/** Enrols a cohort of {@code placements} through the first instance with one CSV file. */
	private Cohort enrol(String tag, int placements) throws Exception {
		LocalDate today = LocalDate.now(ZONE);
		// prompts fall on another day, so that none is due while the test runs
		String day = today.plusDays(3).getDayOfWeek().name();
		StringBuilder csv = new StringBuilder("participant_name,participant_slack_id,participant_timezone,"
				+ "participant_locale,program,host_organisation,start_date,end_date,manager_name,manager_slack_id,"
				+ "academic_coach_name,academic_coach_slack_id,schedule_day,schedule_time,work_days\n");
		for (int i = 0; i < placements; i++) {
			int f = i / PER_FOLLOWER;
			csv.append(String.format("Participant %2$s%1$d,UP%2$s%1$d,Europe/Stockholm,en,KTP 2026,Host %3$d,%4$s,%5$s,"
					+ "Manager %2$s%6$d,UM%2$s%6$d,Academic coach %2$s%6$d,UA%2$s%6$d,%7$s,09:00,"
					+ "MONDAY;TUESDAY;WEDNESDAY;THURSDAY;FRIDAY%n", i, tag, i % 7, today.minusWeeks(2),
					today.plusMonths(6), f, day));
		}
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(instances.get(0).baseUrl() + "/api/v1/placements:import"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.header("Content-Type", "text/csv; charset=utf-8")
					.timeout(Duration.ofMinutes(2))
					.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new Cohort(tag, 2 * placements / PER_FOLLOWER);
	}

	/** What one {@code POST /api/v1/digests/send} queued. */
	private record Run(int queued, List<String> queuedRecipients) {
	}

	private static Run sendDigests(ChildFieldnotes instance) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/api/v1/digests/send"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.timeout(Duration.ofMinutes(2))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode body = JSON.readTree(response.body());
		List<String> recipients = new ArrayList<>();
		for (JsonNode digest : body.get("digests")) {
			if (digest.get("status").asString().equals("QUEUED")) {
				recipients.add(digest.get("recipient").asString());
			}
		}
		return new Run(body.get("queued").asInt(), recipients);
	}

	// --- what the store and the stand-in saw

	private Set<String> digestKeys() {
		Set<String> keys = new HashSet<>();
		client.getDatabase("fieldnotes").getCollection("outbox").find(Filters.regex("key", "^digest:"))
			.forEach((Consumer<Document>) d -> keys.add(d.getString("key")));
		return keys;
	}

	/** Until every digest of the cohort is sent (or the time is up); its outbox messages by key. */
	private Map<String, Document> awaitDelivered(Cohort cohort, Duration timeout) throws InterruptedException {
		List<String> people = cohort.personIds(client);
		MongoCollection<Document> outbox = client.getDatabase("fieldnotes").getCollection("outbox");
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, Document> digests = new TreeMap<>();
		while (true) {
			digests.clear();
			outbox.find(Filters.and(Filters.regex("key", "^digest:"), Filters.in("recipient", people)))
				.forEach((Consumer<Document>) d -> digests.put(d.getString("key"), d));
			boolean done = digests.size() == cohort.recipients
					&& digests.values().stream().allMatch(d -> "SENT".equals(d.getString("status")));
			if (done || System.nanoTime() > deadline) {
				break;
			}
			Thread.sleep(200);
		}
		// a little longer, so that a late second send would be counted too
		Thread.sleep(2_000);
		Map<String, String> statuses = new TreeMap<>();
		digests.forEach((key, d) -> statuses.put(key, d.getString("status")));
		assertThat(statuses).as("the cohort's digests in the outbox, all sent").hasSize(cohort.recipients)
			.allSatisfy((key, status) -> assertThat(status).isEqualTo("SENT"));
		return digests;
	}

	/**
	 * Every digest accepted by the stand-in exactly once, unless the outbox marks it possibly duplicated (an attempt
	 * of unknown outcome: a lease taken over, a send with no answer); returns how many each instance sent.
	 */
	private Map<String, Integer> assertEachDeliveredOnce(Cohort cohort, Map<String, Document> outbox) {
		Map<String, Integer> perInstance = new TreeMap<>();
		Set<String> recipients = new HashSet<>();
		for (Document message : outbox.values()) {
			String key = message.getString("key");
			Sent sent = accepted.byTs(message.getString("ts"));
			assertThat(sent).as(key + ": the stand-in accepted the send the outbox recorded").isNotNull();
			recipients.add(sent.channel);
			int times = accepted.times(sent);
			if (times > 1) {
				assertThat(message.getInteger("ambiguousAttempts", 0))
					.as(key + " was accepted " + times + " times: the outbox says it possibly was").isPositive();
			}
			else {
				assertThat(times).as(key + ": times accepted").isEqualTo(1);
			}
			perInstance.merge(sent.instance, 1, Integer::sum);
		}
		assertThat(recipients).as("one digest for each of the cohort's managers and coaches")
			.containsExactlyInAnyOrderElementsOf(cohort.slackIds());
		return perInstance;
	}

	private long duplicates(Map<String, Document> outbox) {
		return outbox.values().stream().filter(m -> accepted.times(accepted.byTs(m.getString("ts"))) > 1).count();
	}

	private static ResponseDefinitionBuilder okJson(String fields) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true" + (fields.isEmpty() ? "" : "," + fields) + "}");
	}

	/** One message the stand-in accepted: from which instance, to which conversation, with which body. */
	private record Sent(String instance, String channel, String body) {
	}

	/**
	 * {@code chat.postMessage} as Slack answers it, recording each accepted message with a {@code ts} of its own and
	 * the instance whose path it came by.
	 */
	static final class StandInSlack implements ResponseDefinitionTransformerV2 {

		static final String NAME = "many-instances-slack";
		private static final Pattern INSTANCE = Pattern.compile("^/(i[0-9])/api/");

		private final AtomicLong ts = new AtomicLong(1_765_000_000_000_000L);
		private final Map<String, Sent> byTs = new HashMap<>();
		private final Map<Sent, Integer> times = new HashMap<>();

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public synchronized ResponseDefinition transform(ServeEvent event) {
			Matcher instance = INSTANCE.matcher(event.getRequest().getUrl());
			Map<String, String> form = form(event.getRequest().getBodyAsString());
			String channel = form.getOrDefault("channel", "");
			// a thread reply (a long message's later part) is not a message of its own
			if (!form.containsKey("thread_ts")) {
				Sent sent = new Sent(instance.find() ? instance.group(1) : "?", channel,
						form.getOrDefault("text", "") + form.getOrDefault("blocks", ""));
				long n = ts.incrementAndGet();
				String stamp = n / 1_000_000 + "." + String.format("%06d", n % 1_000_000);
				byTs.put(stamp, sent);
				times.merge(sent, 1, Integer::sum);
				return reply(channel, stamp);
			}
			long n = ts.incrementAndGet();
			return reply(channel, n / 1_000_000 + "." + String.format("%06d", n % 1_000_000));
		}

		private static ResponseDefinition reply(String channel, String stamp) {
			return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"channel\":\"D" + channel + "\",\"ts\":\"" + stamp + "\"}")
				.build();
		}

		synchronized Sent byTs(String ts) {
			return byTs.get(ts);
		}

		synchronized int times(Sent sent) {
			return sent == null ? 0 : times.getOrDefault(sent, 0);
		}

		synchronized String instanceOf(String ts) {
			Sent sent = byTs.get(ts);
			return sent == null ? null : sent.instance;
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
}
