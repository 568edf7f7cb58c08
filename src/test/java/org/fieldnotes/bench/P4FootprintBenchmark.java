package org.fieldnotes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.support.ChildFieldnotes;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * P4, footprint (issue 13): start to UP and resident memory ({@code VmRSS}) of Fieldnotes (a child JVM,
 * {@code -Xmx512m}, embedded store) with {@code -Dp4.placements} (10,000) active placements scheduled, idle and after
 * a P1 load, beside the bare Bolt app's. The placements are seeded straight into the store file: one is enrolled
 * through the admin API, then its placement and participant documents are copied under new ids and member ids
 * (enrolling 10,000 one by one through the API would take longer than the benchmark). Prints figures; asserts only
 * that the seeded placements are there after the start.
 * <p>
 * {@code ./mvnw -Pbench test -Dtest=P4FootprintBenchmark}; {@code -Dp4.placements}, {@code -Dp4.loadSeconds} (P1
 * load at {@code -Dp4.rate} (300/s) for 20 s), {@code -Dp4.idleSeconds} (how long after UP "idle" is read, 10).
 */
@Tag("benchmark")
class P4FootprintBenchmark {

	private static final int PLACEMENTS = Integer.getInteger("p4.placements", 10_000);
	private static final int RATE = Integer.getInteger("p4.rate", 300);
	private static final Duration LOAD = Duration.ofSeconds(Long.getLong("p4.loadSeconds", 20));
	private static final Duration IDLE = Duration.ofSeconds(Long.getLong("p4.idleSeconds", 10));
	private static final int PARTICIPANTS = 50;

	@TempDir
	Path dir;

	@Test
	void footprintWithTenThousandPlacements() throws Exception {
		SlackStub.reset();
		Path data = dir.resolve("data");
		int port = ChildFieldnotes.freePort();
		List<String> participants;
		try (ChildFieldnotes setup = BenchApps.fieldnotes("p4-fieldnotes-setup", data, port)) {
			setup.awaitHealthy(Duration.ofMinutes(3));
			participants = BenchApps.enrol(setup, "UFOOT", PARTICIPANTS);
			setup.stop();
		}
		long seeding = System.nanoTime();
		seed(data, PLACEMENTS - PARTICIPANTS);
		double seeded = (System.nanoTime() - seeding) / 1e9;

		Footprint bare = bare(participants);
		Footprint fieldnotes = fieldnotes(data, port, participants);
		long active = BenchApps.count(data, "placements");

		System.out.printf(Locale.ROOT, """

				=== P4 footprint: %,d placements scheduled (seeded in %.1f s), -Xmx512m %s, embedded store; %d cores, JDK %s ===
				%-34s %12s %12s %9s   %s
				%-34s %12.2f %12.2f %8.2fx   %s
				%-34s %12.0f %12.0f %8.2fx   %s
				%-34s %12.0f %12.0f %8.2fx   %s
				%-34s %12.0f %12.0f %8.2fx   %s
				%n""", active, seeded, System.getProperty("bench.jvmOptions", ""), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				"figure", "bare Bolt", "Fieldnotes", "ratio", "goal",
				"start to UP (s)", bare.up, fieldnotes.up, fieldnotes.up / bare.up, "<= 6 s",
				"RSS idle, " + IDLE.toSeconds() + " s after UP (MiB)", bare.idle, fieldnotes.idle,
				fieldnotes.idle / bare.idle, "<= 400 MiB",
				"RSS after " + LOAD.toSeconds() + " s at " + RATE + "/s (MiB)", bare.loaded, fieldnotes.loaded,
				fieldnotes.loaded / bare.loaded, "<= 400 MiB",
				"events acknowledged under load", (double) bare.acknowledged, (double) fieldnotes.acknowledged,
				(double) fieldnotes.acknowledged / bare.acknowledged, "all");
		assertThat(active).as("placements in the store").isEqualTo(PLACEMENTS);
	}

	private Footprint bare(List<String> participants) throws Exception {
		long starting = System.nanoTime();
		try (ChildFieldnotes app = BenchApps.bare("p4-bare", ChildFieldnotes.freePort())) {
			Footprint footprint = measure(app, starting, participants, "bare");
			app.stop();
			return footprint;
		}
	}

	private Footprint fieldnotes(Path data, int port, List<String> participants) throws Exception {
		long starting = System.nanoTime();
		try (ChildFieldnotes app = BenchApps.fieldnotes("p4-fieldnotes", data, port)) {
			Footprint footprint = measure(app, starting, participants, "fn");
			app.stop();
			return footprint;
		}
	}

	private static Footprint measure(ChildFieldnotes app, long starting, List<String> participants, String tag)
			throws Exception {
		Footprint footprint = new Footprint();
		footprint.up = BenchApps.awaitUp(app, starting);
		Thread.sleep(IDLE.toMillis());
		footprint.idle = BenchApps.residentMiB(app.process());
		Load.Run run = new Load(app.baseUrl(), participants, tag).openLoop(RATE, LOAD);
		footprint.acknowledged = run.acknowledged();
		footprint.loaded = BenchApps.residentMiB(app.process());
		return footprint;
	}

	/**
	 * Copies the first enrolled placement and its participant {@code count} times under new ids, straight into the
	 * store file (the app is stopped): active placements with the same programme, dates, manager and coach.
	 */
	private static void seed(Path data, int count) {
		MongoServer server = new MongoServer(new H2Backend(data.resolve("fieldnotes.mv").toString()));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoDatabase db = client.getDatabase("fieldnotes");
			MongoCollection<Document> placements = db.getCollection("placements");
			MongoCollection<Document> people = db.getCollection("people");
			Document placement = placements.find().first();
			Object participantId = placement.get("participant");
			Document participant = people.find(Filters.eq("_id", participantId)).first();
			if (Boolean.getBoolean("p4.showDocuments")) {
				System.out.println("placement: " + placement.toJson() + "\nparticipant: " + participant.toJson());
			}
			String memberId = memberId(participant);
			List<Document> newPeople = new ArrayList<>();
			List<Document> newPlacements = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String personId = UUID.randomUUID().toString();
				String member = "USEED" + i;
				newPeople.add(Document.parse(participant.toJson()
					.replace(String.valueOf(participantId), personId)
					.replace(memberId, member)));
				Document copy = Document.parse(placement.toJson().replace(String.valueOf(participantId), personId)
					.replace(memberId, member));
				copy.put("_id", UUID.randomUUID().toString());
				newPlacements.add(copy);
				if (newPlacements.size() == 1000) {
					people.insertMany(newPeople);
					placements.insertMany(newPlacements);
					newPeople.clear();
					newPlacements.clear();
				}
			}
			if (!newPlacements.isEmpty()) {
				people.insertMany(newPeople);
				placements.insertMany(newPlacements);
			}
		}
		finally {
			server.shutdownNow();
		}
	}

	/** The participant's Slack member id, as stored on their account. */
	private static String memberId(Document person) {
		for (Object account : person.getList("accounts", Object.class)) {
			if (account instanceof Document d && d.getString("memberId") != null) {
				return d.getString("memberId");
			}
		}
		throw new IllegalStateException("no account on " + person.get("_id"));
	}

	private static final class Footprint {

		double up;
		double idle;
		double loaded;
		long acknowledged;
	}
}
