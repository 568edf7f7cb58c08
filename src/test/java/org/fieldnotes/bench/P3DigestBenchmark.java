package org.fieldnotes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.digest.DigestRun;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * P3 (issue 13): composing and queueing every weekly digest of a cohort whose placements each have a year of history,
 * then the same week with four times the history. Five placements per manager and per coach, as a faculty has them,
 * so {@code placements × 3 / 5} recipients. The cohort is seeded straight into the embedded store (documents cloned
 * from one placement enrolled through the API, with its entry and prompt), then {@link DigestService#queueAll()} runs
 * as {@code POST /api/v1/digests/send} runs it; the outbox's worker is off, so only composing and queueing is timed.
 * Prints figures; asserts nothing about speed. Tagged {@code benchmark}, so not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbench test -Dtest=P3DigestBenchmark [-Dbench.placements=5000] [-Dbench.entriesPerWeek=2]
 * [-Dp3.fourYears=false]}.
 */
@Tag("benchmark")
class P3DigestBenchmark extends IntegrationTest {

	private static final int PLACEMENTS = Integer.getInteger("bench.placements", 500);
	private static final int ENTRIES_PER_WEEK = Integer.getInteger("bench.entriesPerWeek", 1);
	private static final int PER_FOLLOWER = 5;
	private static final int WEEKS = 52;
	private static final int BATCH = Integer.getInteger("bench.batch", 1_000);
	/** {@code -Dp3.fourYears=false}: only the year of history (a shorter run). */
	private static final boolean FOUR_YEARS = !"false".equals(System.getProperty("p3.fourYears"));
	private static final String TEXT = "Mapped the composite supplier chain and learned how design reviews are run.";

	@Autowired
	DigestService digests;

	private Document placementTemplate;
	private Document entryTemplate;
	private Document occurrenceTemplate;
	private final List<String> placementIds = new ArrayList<>();
	private final List<String> participantIds = new ArrayList<>();

	@Test
	void composeAndQueueEveryWeeklyDigest() {
		captureTemplates();
		long seedStart = System.nanoTime();
		seedCohort();
		seedHistory(0, WEEKS);
		double seeded1 = seconds(seedStart);
		List<String> lines = new ArrayList<>();

		// the first run warms the JVM up; the second, on the same history, is the one reported
		Result warmUp = run("1 year (warm-up)");
		Result year;
		try (Profile profile = Profile.start("1year")) {
			year = run("1 year");
		}
		String writes = writeCost();
		System.out.println(writes);
		if (!FOUR_YEARS) {
			System.out.printf("%n=== P3: compose and queue every weekly digest (%d placements, %d recipients; 1 year "
					+ "only) ===%n%s%n%s%n%s%n%n", PLACEMENTS, year.digests, warmUp.line(), year.line(), writes);
			assertThat(year.digests).isEqualTo(PLACEMENTS * 3 / PER_FOLLOWER);
			return;
		}
		long moreStart = System.nanoTime();
		seedHistory(WEEKS, 4 * WEEKS);
		double seeded4 = seconds(moreStart);
		Result fourYears;
		try (Profile profile = Profile.start("4years")) {
			fourYears = run("4 years");
		}
		Result yearAgain = run("4 years, again");
		for (Result r : List.of(warmUp, year, fourYears, yearAgain)) {
			lines.add(r.line());
		}
		System.out.printf("%n=== P3: compose and queue every weekly digest (%d placements, %d recipients, %d entries "
				+ "a week each; seeded in %.1f s + %.1f s) ===%n%-16s %10s %10s %12s %14s %12s%n%s%n"
				+ "ratio of the time per 1,000 digests, 4 years : 1 year = %.2f (goal ≤ 1.2); 1 year: %.2f s per "
				+ "1,000 digests (goal ≤ 5 s)%n%n",
				PLACEMENTS, year.digests, ENTRIES_PER_WEEK, seeded1, seeded4, "history", "entries", "digests",
				"seconds", "s per 1,000", "digests/s", String.join("\n", lines),
				Math.min(fourYears.perThousand(), yearAgain.perThousand()) / year.perThousand(), year.perThousand());
		System.out.println(writes);
		assertThat(year.digests).isEqualTo(PLACEMENTS * 3 / PER_FOLLOWER);
		assertThat(fourYears.digests).isEqualTo(year.digests);
	}

	/**
	 * The floor of the run's writes, in the same run: the documents the last run wrote (each recipient's claim and
	 * outbox message) written again to the same store one at a time, claim then message, as a run wrote them before
	 * they were batched, and then in one unordered {@code insertMany} per collection (per batch of
	 * {@link org.fieldnotes.digest.DigestService} recipients), as now. Each write is committed and synced before the
	 * store answers, so the difference is the disk waits a batch saves.
	 */
	private String writeCost() {
		MongoCollection<Document> claims = mongo.getCollection("digests");
		MongoCollection<Document> messages = mongo.getCollection("outbox");
		List<Document> claimed = claims.find().into(new ArrayList<>());
		List<Document> queued = messages.find().into(new ArrayList<>());
		claims.deleteMany(new Document());
		messages.deleteMany(new Document());
		long start = System.nanoTime();
		for (int i = 0; i < Math.max(claimed.size(), queued.size()); i++) {
			if (i < claimed.size()) {
				claims.insertOne(claimed.get(i));
			}
			if (i < queued.size()) {
				messages.insertOne(queued.get(i));
			}
		}
		double oneByOne = seconds(start);
		claims.deleteMany(new Document());
		messages.deleteMany(new Document());
		start = System.nanoTime();
		for (int i = 0; i < claimed.size(); i += 500) {
			claims.insertMany(claimed.subList(i, Math.min(claimed.size(), i + 500)),
					new InsertManyOptions().ordered(false));
		}
		for (int i = 0; i < queued.size(); i += 500) {
			messages.insertMany(queued.subList(i, Math.min(queued.size(), i + 500)),
					new InsertManyOptions().ordered(false));
		}
		double batched = seconds(start);
		return String.format("the run's writes, same store, same run: %d claims and %d outbox messages one at a time "
				+ "%.2f s (%.1f ms each); in batches of 500 %.2f s; ratio %.0f : 1", claimed.size(), queued.size(),
				oneByOne, oneByOne * 1000 / Math.max(1, claimed.size() + queued.size()), batched, oneByOne / batched);
	}

	private record Result(String name, long entries, int digests, double seconds) {

		double perThousand() {
			return seconds * 1000 / digests;
		}

		String line() {
			return String.format("%-16s %10d %10d %12.2f %14.2f %12.0f", name, entries, digests, seconds,
					perThousand(), digests / seconds);
		}
	}

	/**
	 * A JFR recording of one run, when {@code -Dbench.jfr=<folder>} asks for it: {@code <folder>/p3-<name>.jfr}, to be
	 * read with {@code jfr print --events jdk.ExecutionSample} (or {@code jfr view hot-methods}).
	 */
	record Profile(jdk.jfr.Recording recording) implements AutoCloseable {

		static Profile start(String name) {
			String folder = System.getProperty("bench.jfr");
			if (folder == null) {
				return new Profile(null);
			}
			try {
				jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
				recording.setDestination(java.nio.file.Path.of(folder, "p3-" + name + ".jfr"));
				recording.start();
				return new Profile(recording);
			}
			catch (java.io.IOException | java.text.ParseException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void close() {
			if (recording != null) {
				recording.stop();
				recording.close();
			}
		}
	}

	/** One run of the week, on a store without this week's digests (the previous run's are forgotten first). */
	private Result run(String name) {
		for (String collection : List.of("digests", "outbox", "digest_runs")) {
			mongo.getCollection(collection).deleteMany(new Document());
		}
		long start = System.nanoTime();
		DigestRun.Started started = digests.queueAll();
		double took = seconds(start);
		assertThat(started.run().queuedCount()).isEqualTo(started.records().size());
		Result result = new Result(name, mongo.getCollection("logbook_entries").estimatedDocumentCount(),
				started.run().queuedCount(), took);
		System.out.println("P3 run: " + result.line());
		return result;
	}

	/** One placement enrolled through the API, with an entry and a prompt sent: the documents to clone. */
	private void captureTemplates() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements/" + id + "/send-prompt", "").statusCode()).isEqualTo(202);
		Document placement = mongo.getCollection("placements").find().first();
		Document occurrence = mongo.getCollection("prompt_occurrences").find().first();
		System.out.printf("templates:%n%s%n%s%n", placement.toJson(), occurrence.toJson());
		placementTemplate = placement;
		occurrenceTemplate = occurrence;
		entryTemplate = new Document("_id", "x").append("placementId", id)
			.append("authorId", placement.get("participant"))
			.append("text", TEXT)
			.append("source", "FREE_FORM")
			.append("naturalKey", "entry:x")
			.append("createdAt", Date.from(clock.instant()))
			.append("visibility", "PLACEMENT");
		for (String collection : mongo.getCollectionNames()) {
			mongo.getCollection(collection).deleteMany(new Document());
		}
	}

	/** The people and placements: each manager and coach follows {@link #PER_FOLLOWER} placements. */
	private void seedCohort() {
		List<Person> people = new ArrayList<>();
		List<Document> placements = new ArrayList<>();
		int followers = PLACEMENTS / PER_FOLLOWER;
		List<String> managers = new ArrayList<>();
		List<String> academic = new ArrayList<>();
		List<String> business = new ArrayList<>();
		for (int f = 0; f < followers; f++) {
			managers.add(person(people, "UM" + f, "Manager " + f));
			academic.add(person(people, "UA" + f, "Academic coach " + f));
			business.add(person(people, "UB" + f, "Business coach " + f));
		}
		for (int p = 0; p < PLACEMENTS; p++) {
			String participant = person(people, "UP" + p, "Participant " + p);
			String id = UUID.randomUUID().toString();
			Document placement = new Document(placementTemplate);
			placement.put("_id", id);
			placement.put("participant", participant);
			placement.put("manager", managers.get(p / PER_FOLLOWER));
			placement.put("academicCoach", academic.get(p / PER_FOLLOWER));
			placement.put("businessCoach", business.get(p / PER_FOLLOWER));
			placement.put("hostOrganisation", "Host " + p % 50);
			placements.add(placement);
			placementIds.add(id);
			participantIds.add(participant);
		}
		for (int i = 0; i < people.size(); i += BATCH) {
			mongo.insert(people.subList(i, Math.min(people.size(), i + BATCH)), Person.class);
		}
		insert(mongo.getCollection("placements"), placements);
	}

	private static String person(List<Person> people, String memberId, String name) {
		PersonId id = new PersonId(UUID.randomUUID().toString());
		people.add(new Person(id, name, List.of(new ChatAccount("slack", "T0BENCH", memberId)), List.of(),
				"Europe/Stockholm", "en", "SE"));
		return id.value();
	}

	/**
	 * Weeks {@code [fromWeek, toWeek)} before now of every placement: one prompt a week and {@link #ENTRIES_PER_WEEK}
	 * entries, the first the prompt's answer.
	 */
	private void seedHistory(int fromWeek, int toWeek) {
		MongoCollection<Document> entries = mongo.getCollection("logbook_entries");
		MongoCollection<Document> occurrences = mongo.getCollection("prompt_occurrences");
		List<Document> entryBatch = new ArrayList<>();
		List<Document> occurrenceBatch = new ArrayList<>();
		Instant now = clock.instant();
		Instant templateDue = occurrenceTemplate.getDate("dueAt").toInstant();
		for (int week = fromWeek; week < toWeek; week++) {
			for (int p = 0; p < PLACEMENTS; p++) {
				String placementId = placementIds.get(p);
				// this week's prompt went out yesterday; earlier ones a week apart, each answered an hour later
				Duration back = Duration.between(now.minus(Duration.ofDays(1 + 7L * week)), templateDue);
				Document occurrence = shifted(occurrenceTemplate, back);
				occurrence.put("_id", UUID.randomUUID().toString());
				occurrence.put("placementId", placementId);
				occurrence.put("status", "SENT");
				Instant due = occurrence.getDate("dueAt").toInstant();
				if (occurrence.get("dueDate") instanceof String) {
					occurrence.put("dueDate", due.atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalDate().toString());
				}
				occurrence.put("answeredAt", Date.from(occurrence.getDate("dueAt").toInstant().plusSeconds(3600)));
				occurrenceBatch.add(occurrence);
				for (int e = 0; e < ENTRIES_PER_WEEK; e++) {
					String id = UUID.randomUUID().toString();
					Document entry = new Document(entryTemplate);
					entry.put("_id", id);
					entry.put("placementId", placementId);
					entry.put("authorId", participantIds.get(p));
					entry.put("naturalKey", "entry:" + id);
					entry.put("createdAt", Date.from(now.minus(Duration.ofDays(7L * week)).minus(Duration.ofHours(20 + 24L * e))));
					if (e == 0) {
						entry.put("source", "PROMPT_REPLY");
						entry.put("occurrenceId", occurrence.get("_id"));
					}
					entryBatch.add(entry);
				}
				if (entryBatch.size() >= BATCH) {
					insert(entries, entryBatch);
					insert(occurrences, occurrenceBatch);
				}
			}
		}
		insert(entries, entryBatch);
		insert(occurrences, occurrenceBatch);
	}

	/** The document with every date in it moved back by {@code back}. */
	private static Document shifted(Document template, Duration back) {
		Document copy = new Document();
		template.forEach((key, value) -> copy.put(key,
				value instanceof Date date ? Date.from(date.toInstant().minus(back)) : value));
		return copy;
	}

	private static long inserted;
	private static long insertStart = System.nanoTime();

	private static void insert(MongoCollection<Document> collection, List<Document> batch) {
		if (!batch.isEmpty()) {
			collection.insertMany(batch);
			long before = inserted;
			inserted += batch.size();
			if (before / 20_000 != inserted / 20_000) {
				System.out.printf("seeded %d documents in %.1f s%n", inserted, seconds(insertStart));
			}
			batch.clear();
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}
}
