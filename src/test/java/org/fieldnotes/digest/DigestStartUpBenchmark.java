package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * What the digests' start-up ({@link DigestScheduler#startUp}, run when the app is ready) costs with a cohort of
 * placements (P4, issue 13): once when no digest is due (the schedule is set), once an hour after everyone's digest
 * time with none sent yet (every digest is caught up). The cohort is seeded straight into the store: copies of one
 * placement enrolled through the API, {@code bench.perFollower} placements per manager and per coach. Prints figures;
 * asserts nothing about speed. {@code ./mvnw -Pbench test -Dtest=DigestStartUpBenchmark [-Dbench.placements=10000]
 * [-Dbench.perFollower=5]} ({@code -Dbench.jfr=<folder>} records each start-up).
 */
@Tag("benchmark")
class DigestStartUpBenchmark extends IntegrationTest {

	private static final int PLACEMENTS = Integer.getInteger("bench.placements", 2_000);
	private static final int PER_FOLLOWER = Integer.getInteger("bench.perFollower", 5);
	/** Monday 7 December 2026, 09:00 in Stockholm: an hour after everyone's digest time. */
	private static final Instant MONDAY_0900_STOCKHOLM = Instant.parse("2026-12-07T08:00:00Z");

	@Autowired
	DigestScheduler scheduler;

	@Test
	void startUpWithACohort() {
		seed();
		// the enrolled placement's three followers, and three for every PER_FOLLOWER copies
		int recipients = 3 + (PLACEMENTS - 1 + PER_FOLLOWER - 1) / PER_FOLLOWER * 3;

		double nothingDue = time("nothing due", () -> scheduler.startUp());
		clock.set(MONDAY_0900_STOCKHOLM);
		double catchUp = time("catch-up", () -> scheduler.startUp());
		long claimed = mongo.getCollection("digests").countDocuments();
		double again = time("again", () -> scheduler.startUp());
		int sent = drainOutbox();

		System.out.printf("%n=== digests' start-up: %,d placements, %,d recipients (%d placements each) ===%n"
				+ "nothing due (the schedule set):           %8.2f s%n"
				+ "an hour after the digest time (catch-up): %8.2f s  (%d weeks claimed)%n"
				+ "a second start after that:                %8.2f s%n"
				+ "then sent by the outbox's worker: %d%n%n", PLACEMENTS, recipients, PER_FOLLOWER, nothingDue,
				catchUp, claimed, again, sent);
		// every follower's week (and the admins' cohort digests), once
		assertThat(claimed).isGreaterThanOrEqualTo(recipients);
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(claimed);
		assertThat(sent).isLessThanOrEqualTo((int) claimed);
	}

	private static double time(String name, Runnable startUp) {
		long start = System.nanoTime();
		String folder = System.getProperty("bench.jfr");
		try (Recording recording = folder == null ? null : new Recording(Configuration.getConfiguration("profile"))) {
			if (recording != null) {
				recording.setDestination(Path.of(folder, "digest-start-up-" + name.replace(' ', '-') + ".jfr"));
				recording.start();
			}
			startUp.run();
			if (recording != null) {
				recording.stop();
			}
		}
		catch (IOException | ParseException e) {
			throw new IllegalStateException(e);
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("digests' start-up, %s: %.2f s%n", name, took);
		return took;
	}

	/** One placement enrolled through the API, then copies of it under new participants and followers. */
	private void seed() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		Document template = mongo.getCollection("placements").find().first();
		List<Person> people = new ArrayList<>();
		List<Document> placements = new ArrayList<>();
		String manager = null;
		String academic = null;
		String business = null;
		for (int p = 1; p < PLACEMENTS; p++) {
			if ((p - 1) % PER_FOLLOWER == 0) {
				manager = person(people, "UM" + p);
				academic = person(people, "UA" + p);
				business = person(people, "UB" + p);
			}
			Document placement = new Document(template);
			placement.put("_id", UUID.randomUUID().toString());
			placement.put("participant", person(people, "UP" + p));
			placement.put("manager", manager);
			placement.put("academicCoach", academic);
			placement.put("businessCoach", business);
			placements.add(placement);
		}
		for (int i = 0; i < people.size(); i += 1_000) {
			mongo.insert(people.subList(i, Math.min(people.size(), i + 1_000)), Person.class);
		}
		for (int i = 0; i < placements.size(); i += 1_000) {
			mongo.getCollection("placements").insertMany(placements.subList(i, Math.min(placements.size(), i + 1_000)));
		}
	}

	private static String person(List<Person> people, String memberId) {
		PersonId id = new PersonId(UUID.randomUUID().toString());
		people.add(new Person(id, "Person " + memberId, List.of(new ChatAccount("slack", "T0BENCH", memberId)),
				List.of(), "Europe/Stockholm", "en", "SE"));
		return id.value();
	}
}
