package org.fieldnotes.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.delivery.OutboxWorker;
import org.fieldnotes.digest.DigestChannel;
import org.fieldnotes.digest.DigestPreferences;
import org.fieldnotes.digest.DigestRecord;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.MutableClock;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.fieldnotes.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store written by the version before people had ids is converted at start, once, and every feature reads it.
 * The documents in {@code legacy/people-before-ids.jsonl} are what that version stored (Extended JSON, types kept),
 * written by a run of it ({@code legacy/LegacyLayoutDump.java.txt}: two placements, a prompt and a reply, a status
 * update, an acknowledgement from Slack and a reply from an e-mail link, a participant's own choices, a manager's
 * digest settings, an admin added by command, a week of digests and a cohort digest, a prompt held back by Slack's
 * rate limit, and the audit trail of it all). They are written straight into an embedded store file, as that version
 * left it, before the application starts on it.
 */
class PeopleMigrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** Thursday 3 December 2026, 09:00 UTC: when the old version stopped (it had just sent week 49's digests). */
	private static final Instant STOPPED = Instant.parse("2026-12-03T09:00:00Z");
	private static final String SCANIA = "Scania";

	@TempDir
	Path dataDir;

	private final Map<String, List<Document>> legacy = new LinkedHashMap<>();

	@BeforeEach
	void oldStore() throws IOException {
		SlackStub.reset();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(
				getClass().getResourceAsStream("/legacy/people-before-ids.jsonl"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				Document entry = Document.parse(line);
				legacy.computeIfAbsent(entry.getString("collection"), c -> new ArrayList<>())
					.add(entry.get("document", Document.class));
			}
		}
		MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("fieldnotes.mv").toString()));
		try {
			server.bind("127.0.0.1", 0);
			try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
				legacy.forEach((collection, documents) -> client.getDatabase("fieldnotes").getCollection(collection)
					.insertMany(documents));
			}
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void theOldLayoutIsConvertedAtStartAndASecondStartChangesNothing() {
		Map<String, List<String>> converted;
		try (ConfigurableApplicationContext first = start()) {
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			converted = snapshot(mongo);
			Document record = mongo.findById(PeopleMigration.ID, Document.class, "migrations");
			assertThat(record.get("changed", Document.class)).containsKeys("placements", "digests", "admins", "audit",
					"logbook", "outbox");
			assertThat(record.get("changed", Document.class).values()).allSatisfy(n -> assertThat((Long) n).isPositive());

			// one person per member id or address the old data named, each reached by their account or address
			People people = first.getBean(People.class);
			assertThat(mongo.findAll(Person.class)).hasSize(8);
			for (String member : List.of("UADA", "UBO", "UMAJA", "UANDERS", "UBEATA", "UZED", "UADMIN1")) {
				assertThat(people.find(Accounts.slack(member))).as(member).isPresent();
			}
			Person ada = people.find(Accounts.slack("UADA")).orElseThrow();
			assertThat(ada.name()).isEqualTo("Ada Lindqvist");
			assertThat(ada.emails()).containsExactly("ada@scania.example");
			assertThat(ada.timezone()).isEqualTo("Europe/Stockholm");
			assertThat(ada.accounts()).containsExactly(new ChatAccount("slack", null, "UADA"));
			assertThat(people.find(Accounts.slack("UANDERS")).orElseThrow().locale()).isEqualTo("sv");
			Person eva = people.withAddressOnly("eva.strom@uni.example").orElseThrow();
			assertThat(eva.name()).isEqualTo("Eva Ström");
			assertThat(eva.hasChat()).isFalse();

			// nothing names anyone by member id any more but the accounts (in the person records, and on the messages
			// that go to them); no embedded person record is left
			for (Map.Entry<String, List<String>> collection : converted.entrySet()) {
				if (!collection.getKey().equals("people")) {
					assertThat(collection.getValue()).as(collection.getKey())
						.map(d -> d.replaceAll("\"memberId\": \"U[A-Z0-9]+\"", ""))
						.noneMatch(d -> d.matches("(?s).*\"U(ADA|BO|MAJA|ANDERS|BEATA|ZED|ADMIN1)\".*"))
						.noneMatch(d -> d.contains("slackUserId"))
						.noneMatch(d -> d.contains("\"email:eva"));
				}
			}
			assertThat(converted.get("digest_preferences")).singleElement().asString().contains("\"CHAT\"");
			assertThat(converted.get("outbox_pauses")).singleElement().asString().contains("\"platform\": \"slack\"");
		}

		try (ConfigurableApplicationContext second = start()) {
			MongoTemplate mongo = second.getBean(MongoTemplate.class);
			assertThat(snapshot(mongo)).as("a second start changes nothing").isEqualTo(converted);
			Document record = mongo.findById(PeopleMigration.ID, Document.class, "migrations");
			assertThat(record.getDate("lastRanAt")).isAfterOrEqualTo(record.getDate("lastChangedAt"));
			assertThat(second.getBean(PeopleMigration.class).run().values()).allSatisfy(n -> assertThat(n).isZero());
			assertThat(snapshot(mongo)).isEqualTo(converted);
		}
	}

	@Test
	void everyFeatureReadsTheConvertedData() {
		try (ConfigurableApplicationContext app = start()) {
			MutableClock clock = app.getBean(MutableClock.class);
			People people = app.getBean(People.class);
			String placementId = legacy.get("placements").stream()
				.filter(p -> SCANIA.equals(p.getString("hostOrganisation")))
				.findFirst()
				.orElseThrow()
				.getString("_id");

			// the admin API shows the placement as documented, with the people's ids
			JsonNode placement = JSON.readTree(get(app, "/api/v1/placements/" + placementId).body());
			assertThat(placement.get("participant").get("slackUserId").asString()).isEqualTo("UADA");
			assertThat(placement.get("participant").get("email").asString()).isEqualTo("ada@scania.example");
			assertThat(placement.get("participant").get("personId").asString())
				.isEqualTo(people.find(Accounts.slack("UADA")).orElseThrow().id().value());
			assertThat(placement.get("businessCoach").get("email").asString()).isEqualTo("Eva.Strom@uni.example");
			assertThat(placement.get("manager").get("slackUserId").asString()).isEqualTo("UMAJA");

			// the prompt Slack held back goes out to Bo once the pause has passed; Ada's next prompt is in her
			// language (she chose Swedish)
			clock.set(STOPPED.plus(Duration.ofMinutes(11)));
			assertThat(app.getBean(OutboxWorker.class).drain()).isEqualTo(1);
			assertThat(SlackStub.messagesTo("UBO")).hasSize(1);
			app.getBean(PromptDispatcher.class).sendNext(placementId);
			assertThat(SlackStub.messagesTo("UADA")).singleElement()
				.satisfies(m -> assertThat(m.get("text")).contains("vecka"));

			// her own choices still hold: Swedish, no reminders, her default visibility
			String me = command(app, "UADA", "me");
			assertThat(me).contains("Din placering").contains(SCANIA);
			assertThat(command(app, "UADA", "reminders")).contains("Påminnelser är av");
			assertThat(command(app, "UADA", "visibility")).contains("Det har du valt själv");

			// the manager's digest settings and week 49's records: no second digest this week, the next on her day
			String maja = people.find(Accounts.slack("UMAJA")).orElseThrow().id().value();
			assertThat(app.getBean(DigestService.class).sendAll()).extracting(DigestRecord::recipientKey)
				.doesNotContain(maja);
			assertThat(app.getBean(DigestPreferences.class).current(Accounts.slack("UMAJA"))).get()
				.satisfies(c -> assertThat(c.day()).isEqualTo(DayOfWeek.FRIDAY))
				.satisfies(c -> assertThat(c.time()).isEqualTo(LocalTime.of(16, 30)))
				.satisfies(c -> assertThat(c.channel()).isEqualTo(DigestChannel.CHAT))
				.satisfies(c -> assertThat(c.next()).isEqualTo(Instant.parse("2026-12-11T15:30:00Z")));

			// the admin added by command is an admin; the audit trail names people as before
			String audit = command(app, "UZED", "audit");
			assertThat(audit).contains("@UADMIN1 · admin-add · person UZED").contains("@UADMIN1 · pause · person UBO");

			// the acknowledgement made in Slack still counts once
			String entryId = legacy.get("logbook_entries").get(0).getString("_id");
			assertThat(app.getBean(Responses.class).acknowledge(entryId, Accounts.slack("UANDERS")).status())
				.isEqualTo(Responses.Status.ALREADY_DONE);

			// the Home
			HttpResponse<String> opened = slackEvent(app, clock, SlackInteractions.appHomeOpened("EvHome", "UADA"),
					"application/json");
			assertThat(opened.statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> !SlackStub.calls("views.publish").isEmpty());
			assertThat(SlackStub.calls("views.publish")).singleElement()
				.satisfies(call -> assertThat(call.get("user_id")).isEqualTo("UADA"))
				.satisfies(call -> assertThat(call.get("view")).contains(SCANIA));

			// export and erasure find everything
			HttpResponse<String> export = get(app, "/api/v1/people/UADA/export");
			assertThat(export.statusCode()).isEqualTo(200);
			JsonNode exported = JSON.readTree(export.body());
			assertThat(exported.get("placements")).hasSize(1);
			assertThat(exported.get("logbook_entries")).hasSize(1);
			assertThat(exported.get("status_updates")).hasSize(1);
			assertThat(exported.get("person_preferences")).hasSize(1);
			assertThat(exported.get("people")).hasSize(1);
			assertThat(exported.get("audit").size()).isGreaterThanOrEqualTo(1);

			HttpResponse<String> erased = send(app, HttpRequest.newBuilder(uri(app, "/api/v1/people/email:eva.strom@uni.example"))
				.header("Authorization", "Bearer t").DELETE().build());
			assertThat(erased.statusCode()).isEqualTo(200);
			JsonNode counts = JSON.readTree(erased.body()).get("erased");
			assertThat(counts.get("entry_responses").asLong()).isEqualTo(1);
			assertThat(counts.get("placement_roles_removed").asLong()).isEqualTo(1);
			assertThat(counts.get("digests").asLong()).isEqualTo(1);
			assertThat(counts.get("people").asLong()).isEqualTo(1);
			assertThat(app.getBean(PlacementManagement.class).get(placementId).getBusinessCoach()).isNull();
			Placement bo = app.getBean(PlacementManagement.class).currentFor(Accounts.slack("UBO")).orElseThrow();
			assertThat(bo.getManager().id().value()).isEqualTo(maja);
		}
	}

	/** Every document of every collection but Quartz's and the migration record, as JSON, sorted. */
	private static Map<String, List<String>> snapshot(MongoTemplate mongo) {
		Map<String, List<String>> all = new TreeMap<>();
		for (String collection : mongo.getCollectionNames()) {
			if (collection.equals("migrations")) {
				continue;
			}
			all.put(collection, mongo.findAll(Document.class, collection).stream().map(Document::toJson).sorted()
				.toList());
		}
		return all;
	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FieldnotesApplication.class,
				TestClockConfiguration.class)
			.run("--server.port=0", "--fieldnotes.store.data-dir=" + dataDir, "--fieldnotes.store.uri=",
					"--fieldnotes.admin.token=t", "--fieldnotes.admin.slack-admins=UADMIN1",
					"--spring.quartz.auto-startup=false", "--fieldnotes.outbox.worker=false",
					"--fieldnotes.outbox.per-channel=PT0S", "--fieldnotes.outbox.rate=1000",
					"--fieldnotes.slack.bot-token=xoxb-test-token",
					"--fieldnotes.slack.signing-secret=" + SlackRequests.SIGNING_SECRET, "--fieldnotes.slack.app-token=",
					"--fieldnotes.slack.api-url=" + SlackStub.apiUrl());
		context.getBean(MutableClock.class).set(STOPPED);
		return context;
	}

	/** {@code /fieldnotes <text>} as the member: the texts of the ephemeral answer. */
	private String command(ConfigurableApplicationContext app, String member, String text) {
		HttpResponse<String> response = slackEvent(app, app.getBean(MutableClock.class),
				SlackRequests.slashCommand(member, text), "application/x-www-form-urlencoded");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> texts = new ArrayList<>();
		collect(JSON.readTree(response.body()), texts);
		return String.join("\n", texts);
	}

	private static void collect(JsonNode node, List<String> texts) {
		if (node.isObject() && node.has("text") && node.get("text").isString()) {
			texts.add(node.get("text").asString());
		}
		node.forEach(child -> collect(child, texts));
	}

	private HttpResponse<String> slackEvent(ConfigurableApplicationContext app, MutableClock clock, String body,
			String contentType) {
		long timestamp = clock.instant().getEpochSecond();
		return send(app, HttpRequest.newBuilder(uri(app, "/slack/events"))
			.header("Content-Type", contentType)
			.header("X-Slack-Request-Timestamp", Long.toString(timestamp))
			.header("X-Slack-Signature", SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String path) {
		return send(app, HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer t").GET().build());
	}

	private static URI uri(ConfigurableApplicationContext app, String path) {
		return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext app, HttpRequest request) {
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
}
