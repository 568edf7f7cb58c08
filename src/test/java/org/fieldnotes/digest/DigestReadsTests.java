package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.support.Accounts;
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
 * A digest run reads the store a fixed number of times per batch of recipients, whatever the number of recipients
 * and however long their placements' history: no read per recipient (their language, how they want their digest,
 * this week's record) and none per placement (its people). Each read of the embedded store is a round trip, and a
 * run of 300 digests made one or more per recipient (docs/performance.md, P3). Observed as the commands the store
 * receives.
 */
@Import(DigestReadsTests.Commands.class)
class DigestReadsTests extends IntegrationTest {

	private static final List<BsonDocument> COMMANDS = new CopyOnWriteArrayList<>();
	private static final List<String> READS = List.of("find", "aggregate", "count", "distinct");

	@Autowired
	DigestService digests;

	@Autowired
	Logbook logbook;

	@Test
	void aRunReadsAsOftenForTwelveRecipientsWithHistoryAsForThree() {
		enrolFollowedBy(0);
		write(0);
		COMMANDS.clear();

		DigestRun.Started small = digests.queueAll();

		Map<String, Long> smallReads = readsByCollection();
		for (int i = 1; i < 4; i++) {
			enrolFollowedBy(i);
		}
		// four weeks of history for every placement, then next week's run: 12 recipients, each week to claim again
		for (int week = 0; week < 4; week++) {
			for (int i = 0; i < 4; i++) {
				write(i);
			}
			clock.advance(Duration.ofDays(7));
		}
		COMMANDS.clear();

		DigestRun.Started large = digests.queueAll();

		Map<String, Long> largeReads = readsByCollection();
		assertThat(small.run().queuedCount()).isEqualTo(3);
		assertThat(large.run().queuedCount()).isEqualTo(12);
		assertThat(largeReads).as("reads of a run of 12 digests, each placement with weeks of history: the same as "
				+ "of a run of 3 (%s)", smallReads).isEqualTo(smallReads);
		assertThat(smallReads).as("the people, their languages and digest settings, and this week's records are "
				+ "read once for the run").containsEntry("people", 1L)
			.containsEntry("person_preferences", 1L)
			.containsEntry("digest_preferences", 1L)
			.containsEntry("digests", 1L);
		drainOutbox();
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

	private void write(int i) {
		logbook.write(Accounts.slack("UP" + i), "A day at the plant, " + clock.instant());
	}

	/** The reads the store received, by collection (a command's name is its first key, its collection the value). */
	private static Map<String, Long> readsByCollection() {
		Map<String, Long> reads = new TreeMap<>();
		for (BsonDocument command : COMMANDS) {
			String name = command.getFirstKey();
			if (READS.contains(name) && command.get(name).isString()) {
				reads.merge(command.getString(name).getValue(), 1L, Long::sum);
			}
		}
		return reads;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		MongoClientSettingsBuilderCustomizer recordCommands() {
			return StoreCommands.recordingInto(COMMANDS);
		}
	}
}
