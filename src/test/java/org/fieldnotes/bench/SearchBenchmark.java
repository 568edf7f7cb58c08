package org.fieldnotes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.search.Search;
import org.fieldnotes.search.SearchQuery;
import org.fieldnotes.search.SearchResults;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;

/**
 * Search on a year of a large cohort (issue 15): {@code bench.placements} placements (200), each with a year of
 * history: every week a prompt answer (a reflection, 300–1,500 characters), a free-form entry (80–600) and a status
 * update (progress, and blockers one week in three); a coach's reply to one entry in four. Words are drawn from a
 * vocabulary of 6,000 (English and Swedish words, then made-up ones) with Zipf's law, as words in text are; a
 * visibility of each kind in a realistic mix. Five placements per manager and per coach. Seeded straight into the
 * embedded store (documents cloned from one placement enrolled through the API), then {@link Search#find} is timed
 * for a coach (their 5 placements) and a coordinator (an admin API token: the whole cohort), for queries from a
 * common word to one that is nowhere. Prints p50/p95 latency, the results' count and the bytes allocated per search;
 * asserts nothing about speed. Tagged {@code benchmark}, not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbench test -Dtest=SearchBenchmark [-Dbench.placements=200] [-Dbench.runs=30]}.
 */
@Tag("benchmark")
class SearchBenchmark extends IntegrationTest {

	private static final int PLACEMENTS = Integer.getInteger("bench.placements", 200);
	private static final int RUNS = Integer.getInteger("bench.runs", 30);
	private static final int WEEKS = 52;
	private static final int PER_FOLLOWER = 5;
	private static final int BATCH = 1_000;
	private static final String[] COMMON = ("the and to of a i in was it that for on with my we is this but at had "
			+ "be have they not so about what how more as from team work review design rig test supplier host "
			+ "manager coach week meeting plan feedback project learned next time report data customer process "
			+ "och att det som en på är jag för med har av till inte vi var om men handledare möte återkoppling "
			+ "vecka projekt rapport kund lärde nästa gång testrigg leverantör öppen fråga")
		.split(" ");

	@Autowired
	Search search;

	@Autowired
	AccessPolicy access;

	private final Random random = new Random(15);
	private final List<String> vocabulary = new ArrayList<>();
	private double[] zipf;
	private Document placementTemplate;
	private final List<String> placementIds = new ArrayList<>();
	private final List<String> participantIds = new ArrayList<>();
	private final List<String> academicCoaches = new ArrayList<>();

	@Test
	void searchAYearOfACohort() {
		vocabulary();
		captureTemplate();
		long seedStart = System.nanoTime();
		seedCohort();
		long[] counts = seedHistory();
		double seeded = seconds(seedStart);

		Actor coach = access.member(new ChatAccount("slack", "T0BENCH", "UA0"));
		Actor coordinator = access.apiCaller("bench");
		assertThat(search.placementsOf(coach)).hasSize(PER_FOLLOWER);
		assertThat(search.placementsOf(coordinator)).hasSize(PLACEMENTS);
		String rare = vocabulary.get(3_000);
		List<String> queries = List.of("review", "feedback rig", "\"design review\"", "återkoppling", rare, "lev",
				"zzyzxnowhere");
		List<String> lines = new ArrayList<>();
		for (String query : queries) {
			lines.add(run("coach (5 placements)", coach, SearchQuery.of(query)));
		}
		for (String query : queries) {
			lines.add(run("coordinator (all)", coordinator, SearchQuery.of(query)));
		}
		lines.add(run("coordinator, 1 programme", coordinator, SearchQuery.of("review").inProgram("Cohort 1")));
		lines.add(run("coordinator, 1 programme", coordinator, SearchQuery.of("zzyzxnowhere").inProgram("Cohort 1")));
		lines.add(run("coordinator, 1 month", coordinator, SearchQuery.of("review")
			.between(clock.instant().minus(Duration.ofDays(30)).atZone(java.time.ZoneId.of("Europe/Stockholm"))
				.toLocalDate(), null)));
		lines.add(run("coordinator, 1 placement", coordinator, SearchQuery.of("review").inPlacement(placementIds.get(7))));
		lines.add(floor());
		System.out.printf("%n=== Search: %d placements, a year each: %d entries, %d status updates, %d replies "
				+ "(seeded in %.1f s); %d runs each after 3 to warm up ===%n%-26s %-16s %8s %9s %9s %9s %12s%n%s%n%n",
				PLACEMENTS, counts[0], counts[1], counts[2], seeded, RUNS, "reader", "query", "found", "p50 ms",
				"p95 ms", "max ms", "MiB alloc.", String.join("\n", lines));
	}

	private String run(String reader, Actor actor, SearchQuery query) {
		for (int i = 0; i < 3; i++) {
			search.find(actor, query);
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long[] nanos = new long[RUNS];
		long allocated = 0;
		SearchResults results = null;
		for (int i = 0; i < RUNS; i++) {
			long before = threads.getCurrentThreadAllocatedBytes();
			long start = System.nanoTime();
			results = search.find(actor, query);
			nanos[i] = System.nanoTime() - start;
			allocated += threads.getCurrentThreadAllocatedBytes() - before;
		}
		Arrays.sort(nanos);
		String line = String.format("%-26s %-16s %8d %9.1f %9.1f %9.1f %12.1f", reader, shorten(query.words()),
				results.total(), nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6,
				nanos[RUNS - 1] / 1e6, allocated / (double) RUNS / (1 << 20));
		System.out.println("search run: " + line);
		return line;
	}

	/**
	 * The floor of a coordinator's search, in the same run: only the store's reads that {@link Search} makes for the
	 * whole cohort (the same filters and fields), without access checks or matching.
	 */
	private String floor() {
		long[] nanos = new long[RUNS];
		long read = 0;
		for (int i = -3; i < RUNS; i++) {
			long start = System.nanoTime();
			List<Document> found = new ArrayList<>();
			mongo.getCollection("logbook_entries")
				.find(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.in("placementId", placementIds),
						com.mongodb.client.model.Filters.eq("deletedAt", null)))
				.projection(com.mongodb.client.model.Projections.include("placementId", "createdAt", "authorId", "text",
						"source", "promptId", "visibility"))
				.into(found);
			mongo.getCollection("status_updates")
				.find(com.mongodb.client.model.Filters.in("placementId", placementIds))
				.projection(com.mongodb.client.model.Projections.include("placementId", "createdAt", "authorId",
						"progress", "blockers", "status", "visibility"))
				.into(found);
			mongo.getCollection("entry_responses")
				.find(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.in("placementId", placementIds),
						com.mongodb.client.model.Filters.eq("kind", "REPLIED")))
				.projection(com.mongodb.client.model.Projections.include("placementId", "createdAt", "entryId", "role",
						"text"))
				.into(found);
			if (i >= 0) {
				nanos[i] = System.nanoTime() - start;
				read = found.size();
			}
		}
		Arrays.sort(nanos);
		String line = String.format("%-26s %-16s %8d %9.1f %9.1f %9.1f %12s", "floor: the store's reads", "(all)",
				read, nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, nanos[RUNS - 1] / 1e6, "");
		System.out.println("search run: " + line);
		return line;
	}

	private static String shorten(String words) {
		return words.length() <= 16 ? words : words.substring(0, 15) + "…";
	}

	/** The common words first, then made-up words of two to four syllables, ranked for Zipf's law. */
	private void vocabulary() {
		vocabulary.addAll(List.of(COMMON));
		String[] syllables = "ka lo mi ne su ra te vo bi da fe gu ho ji ku le ma no pi qu ri sa tu ve wy ex ol an ur"
			.split(" ");
		while (vocabulary.size() < 6_000) {
			StringBuilder word = new StringBuilder();
			for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
				word.append(syllables[random.nextInt(syllables.length)]);
			}
			vocabulary.add(word.toString());
		}
		zipf = new double[vocabulary.size()];
		double sum = 0;
		for (int rank = 0; rank < zipf.length; rank++) {
			sum += 1.0 / (rank + 1);
			zipf[rank] = sum;
		}
		for (int rank = 0; rank < zipf.length; rank++) {
			zipf[rank] /= sum;
		}
	}

	/** About {@code length} characters of sentences. */
	private String text(int length) {
		StringBuilder text = new StringBuilder(length + 20);
		boolean start = true;
		while (text.length() < length) {
			int rank = Arrays.binarySearch(zipf, random.nextDouble());
			String word = vocabulary.get(Math.min(zipf.length - 1, rank < 0 ? -rank - 1 : rank));
			text.append(start ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
			start = random.nextInt(12) == 0;
			text.append(start ? ". " : random.nextInt(15) == 0 ? ", " : " ");
		}
		return text.toString().strip();
	}

	private String visibility() {
		int roll = random.nextInt(100);
		return roll < 70 ? "COACHES" : roll < 85 ? "PLACEMENT" : roll < 95 ? "CONFIDENTIAL" : "PRIVATE";
	}

	/** One placement enrolled through the API: the document to clone. */
	private void captureTemplate() {
		enrol("UADA", "2026-01-05", "2027-04-30");
		placementTemplate = mongo.getCollection("placements").find().first();
		for (String collection : mongo.getCollectionNames()) {
			mongo.getCollection(collection).deleteMany(new Document());
		}
	}

	private void seedCohort() {
		List<Person> people = new ArrayList<>();
		List<Document> placements = new ArrayList<>();
		List<String> managers = new ArrayList<>();
		List<String> business = new ArrayList<>();
		for (int f = 0; f < PLACEMENTS / PER_FOLLOWER; f++) {
			managers.add(person(people, "UM" + f, "Manager " + f));
			academicCoaches.add(person(people, "UA" + f, "Academic coach " + f));
			business.add(person(people, "UB" + f, "Business coach " + f));
		}
		for (int p = 0; p < PLACEMENTS; p++) {
			String participant = person(people, "UP" + p, "Participant " + p);
			String id = UUID.randomUUID().toString();
			Document placement = new Document(placementTemplate);
			placement.put("_id", id);
			placement.put("participant", participant);
			placement.put("manager", managers.get(p / PER_FOLLOWER));
			placement.put("academicCoach", academicCoaches.get(p / PER_FOLLOWER));
			placement.put("businessCoach", business.get(p / PER_FOLLOWER));
			// four programmes of 50 placements each
			placement.put("program", "Cohort " + p % 4);
			placements.add(placement);
			placementIds.add(id);
			participantIds.add(participant);
		}
		mongo.insert(people, Person.class);
		mongo.getCollection("placements").insertMany(placements);
	}

	private static String person(List<Person> people, String memberId, String name) {
		PersonId id = new PersonId(UUID.randomUUID().toString());
		people.add(new Person(id, name, List.of(new ChatAccount("slack", "T0BENCH", memberId)), List.of(),
				"Europe/Stockholm", "en", "SE"));
		return id.value();
	}

	/** A year of every placement, oldest first; the counts of entries, status updates and replies. */
	private long[] seedHistory() {
		MongoCollection<Document> entries = mongo.getCollection("logbook_entries");
		MongoCollection<Document> updates = mongo.getCollection("status_updates");
		MongoCollection<Document> replies = mongo.getCollection("entry_responses");
		List<Document> entryBatch = new ArrayList<>();
		List<Document> updateBatch = new ArrayList<>();
		List<Document> replyBatch = new ArrayList<>();
		long[] counts = new long[3];
		Instant now = clock.instant();
		for (int week = WEEKS - 1; week >= 0; week--) {
			for (int p = 0; p < PLACEMENTS; p++) {
				Instant friday = now.minus(Duration.ofDays(7L * week + 5));
				String answer = entry(entryBatch, p, friday, "weekly-rolfe", "What? " + text(300 + random.nextInt(700))
						+ "\n\nSo what? " + text(100 + random.nextInt(200)) + "\n\nNow what? " + text(60 + random.nextInt(200)));
				entry(entryBatch, p, friday.minus(Duration.ofDays(2)).plusSeconds(random.nextInt(30_000)), null,
						text(80 + random.nextInt(520)));
				counts[0] += 2;
				Document update = new Document("_id", UUID.randomUUID().toString()).append("placementId", placementIds.get(p))
					.append("authorId", participantIds.get(p))
					.append("status", random.nextInt(5) == 0 ? "AMBER" : "GREEN")
					.append("progress", text(40 + random.nextInt(200)))
					.append("mood", 1 + random.nextInt(5))
					.append("naturalKey", "status:" + UUID.randomUUID())
					.append("createdAt", Date.from(friday.minus(Duration.ofDays(1))))
					.append("visibility", visibility());
				if (random.nextInt(3) == 0) {
					update.append("blockers", text(30 + random.nextInt(120)));
				}
				updateBatch.add(update);
				counts[1]++;
				if (random.nextInt(4) == 0) {
					String id = UUID.randomUUID().toString();
					replyBatch.add(new Document("_id", id).append("entryId", answer)
						.append("placementId", placementIds.get(p))
						.append("responderKey", academicCoaches.get(p / PER_FOLLOWER))
						.append("role", "ACADEMIC_COACH")
						.append("kind", "REPLIED")
						.append("text", text(40 + random.nextInt(250)))
						.append("createdAt", Date.from(friday.plus(Duration.ofDays(1))))
						.append("naturalKey", "reply:" + id));
					counts[2]++;
				}
				if (entryBatch.size() >= BATCH) {
					flush(entries, entryBatch);
					flush(updates, updateBatch);
					flush(replies, replyBatch);
				}
			}
		}
		flush(entries, entryBatch);
		flush(updates, updateBatch);
		flush(replies, replyBatch);
		return counts;
	}

	private String entry(List<Document> batch, int p, Instant at, String promptId, String text) {
		String id = UUID.randomUUID().toString();
		Document entry = new Document("_id", id).append("placementId", placementIds.get(p))
			.append("authorId", participantIds.get(p))
			.append("text", text)
			.append("source", promptId == null ? "FREE_FORM" : "PROMPT_REPLY")
			.append("naturalKey", "entry:" + id)
			.append("createdAt", Date.from(at))
			.append("visibility", visibility());
		if (promptId != null) {
			entry.append("promptId", promptId);
		}
		batch.add(entry);
		return id;
	}

	private static void flush(MongoCollection<Document> collection, List<Document> batch) {
		if (!batch.isEmpty()) {
			collection.insertMany(batch);
			batch.clear();
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}
}
