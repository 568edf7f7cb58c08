package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.fieldnotes.support.StoreCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;


/**
 * A digest run writes to the store a fixed number of times per batch of recipients, not per digest: the store
 * commits and syncs every write before it answers, so a run that wrote each claim and each outbox message on its own
 * waited for the disk two or three times per digest (docs/performance.md, P3). Observed as the commands the store
 * receives.
 */
@Import(DigestWritesTests.Commands.class)
class DigestWritesTests extends IntegrationTest {

	private static final List<BsonDocument> COMMANDS = new CopyOnWriteArrayList<>();
	/** Monday 7 December 2026, 09:00 in Stockholm: an hour after everyone's digest time. */
	private static final Instant MONDAY_0900_STOCKHOLM = Instant.parse("2026-12-07T08:00:00Z");
	private static final List<String> WRITES = List.of("insert", "update", "delete", "findAndModify");

	@Autowired
	DigestService digests;

	@Autowired
	DigestScheduler scheduler;

	@Test
	void aRunClaimsItsWeeksInOneWriteAndQueuesItsDigestsInAnother() {
		enrolFollowedBy(0);
		COMMANDS.clear();

		DigestRun.Started small = digests.queueAll();

		List<BsonDocument> smallWrites = writes("digests", "outbox");
		for (int i = 1; i < 4; i++) {
			enrolFollowedBy(i);
		}
		// next week: every recipient's week is to be claimed again
		clock.advance(Duration.ofDays(7));
		COMMANDS.clear();

		DigestRun.Started large = digests.queueAll();

		List<BsonDocument> largeWrites = writes("digests", "outbox");
		assertThat(small.run().queuedCount()).isEqualTo(3);
		assertThat(large.run().queuedCount()).isEqualTo(12);
		assertThat(smallWrites).as("writes of a run of 3 digests").extracting(DigestWritesTests::describe)
			.containsExactly("insert digests: 3 documents", "insert outbox: 3 documents");
		assertThat(largeWrites).as("writes of a run of 12 digests: as many as of 3").extracting(DigestWritesTests::describe)
			.containsExactly("insert digests: 12 documents", "insert outbox: 12 documents");
		assertThat(drainOutbox()).isEqualTo(15);
		for (int i = 0; i < 4; i++) {
			for (String follower : List.of("UM" + i, "UA" + i, "UB" + i)) {
				assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(i == 0 ? 2 : 1);
			}
		}
	}

	@Test
	void aStartQueuesTheDigestsMissedWhileTheAppWasDownInOneWriteOfEach() {
		enrolFollowedBy(0);
		clock.set(MONDAY_0900_STOCKHOLM);
		COMMANDS.clear();

		scheduler.startUp();

		List<BsonDocument> smallWrites = writes("digests", "outbox");
		assertThat(SlackStub.messagesTo("UM0")).as("queued for the outbox's worker, not sent by the start").isEmpty();
		assertThat(drainOutbox()).isEqualTo(3);
		for (int i = 1; i < 4; i++) {
			enrolFollowedBy(i);
		}
		clock.set(MONDAY_0900_STOCKHOLM.plus(Duration.ofDays(7)));
		COMMANDS.clear();

		scheduler.startUp();

		List<BsonDocument> largeWrites = writes("digests", "outbox");
		assertThat(smallWrites).extracting(DigestWritesTests::describe)
			.contains("insert digests: 3 documents", "insert outbox: 3 documents");
		assertThat(largeWrites).extracting(DigestWritesTests::describe)
			.contains("insert digests: 12 documents", "insert outbox: 12 documents");
		assertThat(largeWrites).as("a start's writes (the admin's cohort digest besides the batch): as many for 12 "
				+ "missed digests as for 3").hasSameSizeAs(smallWrites);
		COMMANDS.clear();
		scheduler.startUp();
		assertThat(writes("digests", "outbox")).as("a second start finds nothing missed").isEmpty();
		assertThat(drainOutbox()).isEqualTo(12);
		for (int i = 0; i < 4; i++) {
			for (String follower : List.of("UM" + i, "UA" + i, "UB" + i)) {
				assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(i == 0 ? 2 : 1);
			}
		}
	}

	/** A placement whose manager and coaches follow no other: UM<i>, UA<i>, UB<i>. */
	private void enrolFollowedBy(int i) {
		String json = placementJson("UP" + i, "2026-11-02", "2027-04-30").replace("UMAJA", "UM" + i)
			.replace("UANDERS", "UA" + i)
			.replace("UBEATA", "UB" + i);
		assertThat(postJson("/api/v1/placements", json).statusCode()).isEqualTo(201);
	}

	private static List<BsonDocument> writes(String... collections) {
		return COMMANDS.stream()
			// a command's name is its first key, its collection that key's value (findAndModify also has an
			// "update" field, the update itself)
			.filter(c -> WRITES.contains(c.getFirstKey()) && c.get(c.getFirstKey()).isString()
					&& List.of(collections).contains(c.getString(c.getFirstKey()).getValue()))
			.toList();
	}

	private static String describe(BsonDocument command) {
		String name = command.getFirstKey();
		int documents = command.containsKey("documents") ? command.getArray("documents").size()
				: command.containsKey("updates") ? command.getArray("updates").size() : 1;
		return name + " " + command.getString(name).getValue() + ": " + documents + " documents";
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		MongoClientSettingsBuilderCustomizer recordCommands() {
			return StoreCommands.recordingInto(COMMANDS);
		}
	}
}
