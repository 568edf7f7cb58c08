package org.fieldnotes.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Cadence;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.PromptSet;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /fieldnotes programs <programme> cadence|prompt-set|review-every [value]}: shows or sets a programme's
 * rhythm in the admin's language, moves its placements' next prompts at once, audits as {@code program-settings},
 * and answers a bad value with what to write instead.
 */
class ProgramRhythmCommandTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";

	@Autowired
	Commands commands;

	@Autowired
	Programs programs;

	@Autowired
	Scheduler quartz;

	@Test
	void anAdminSetsTheCadenceAndTheNextPromptMoves() throws Exception {
		// Mon 9 Nov 2026 to Fri 30 Apr 2027; now Wed 2 Dec: weekly, the next is Fri 4 Dec (week 4)
		String placementId = enrol("UADA", "2026-11-09", "2027-04-30");
		assertThat(trigger(placementId)).hasValue(Instant.parse("2026-12-04T13:00:00Z"));

		ChatMessage shown = commands.run(slack(ADMIN), "programs \"ktp 2026\" cadence");
		ChatMessage set = commands.run(slack(ADMIN), "programs KTP 2026 cadence fortnightly");

		assertThat(words(shown)).contains("KTP 2026: prompts go out every week between the first and the last week.");
		assertThat(words(set)).contains("✅ KTP 2026: prompts now go out every second week");
		assertThat(programs.of("KTP 2026").rhythm()).isEqualTo(Cadence.FORTNIGHTLY);
		assertThat(trigger(placementId)).as("weeks 1, 3, 5: Fri 11 Dec").hasValue(Instant.parse("2026-12-11T13:00:00Z"));
		assertThat(audit()).extracting(a -> a.getString("outcome"), a -> a.getString("detail")).containsExactly(
				org.assertj.core.groups.Tuple.tuple("done",
						"KTP 2026: cadence fortnightly, promptSet shared, reviewEvery none"));
	}

	@Test
	void promptSetAndReviewsInSwedish() {
		enrol("UADA", "2026-11-09", "2027-04-30");
		commands.run(slack(ADMIN), "language sv");

		ChatMessage own = commands.run(slack(ADMIN), "programs KTP 2026 prompt-set own");
		ChatMessage reviews = commands.run(slack(ADMIN), "programs KTP 2026 review-every p3m");
		ChatMessage shown = commands.run(slack(ADMIN), "programs KTP 2026 review-every");

		assertThat(words(own)).contains("✅ KTP 2026: från och med nu kommer frågorna bara från de frågefiler som nämner programmet.");
		assertThat(words(reviews)).contains("✅ KTP 2026: från och med nu en avstämning var P3M i placeringar");
		assertThat(words(shown)).contains("KTP 2026: en avstämning var P3M i placeringar som är längre än så");
		assertThat(programs.of("KTP 2026").prompts()).isEqualTo(PromptSet.OWN);
		assertThat(programs.of("KTP 2026").reviewEvery()).isEqualTo("P3M");

		commands.run(slack(ADMIN), "programs KTP 2026 review-every none");
		assertThat(programs.of("KTP 2026").reviewPeriod()).isEmpty();
	}

	@Test
	void aBadValueOrAnUnknownProgrammeChangesNothingAndSaysWhatToWrite() {
		enrol("UADA", "2026-11-09", "2027-04-30");

		ChatMessage badCadence = commands.run(slack(ADMIN), "programs KTP 2026 cadence daily");
		ChatMessage badPeriod = commands.run(slack(ADMIN), "programs KTP 2026 review-every quarterly");
		ChatMessage unknown = commands.run(slack(ADMIN), "programs Nope cadence monthly");

		assertThat(words(badCadence)).contains("⚠ “daily” isn't a cadence. Choose weekly, fortnightly or monthly.",
				"/fieldnotes programs <programme> cadence <weekly|fortnightly|monthly>");
		assertThat(words(badPeriod)).contains("“quarterly” isn't a review period. Write an ISO period such as P3M");
		assertThat(words(unknown)).contains("There is no programme called “Nope”.");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
		assertThat(audit()).extracting(a -> a.getString("outcome")).containsExactly("refused", "refused", "refused");
	}

	@Test
	void someoneWhoIsNoAdminIsRefused() {
		enrol("UADA", "2026-11-09", "2027-04-30");

		ChatMessage answer = commands.run(slack("UADA"), "programs KTP 2026 cadence monthly");

		assertThat(words(answer)).contains("only programme coordinators (admins) can do that");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
	}

	private Optional<Instant> trigger(String placementId) throws Exception {
		return Optional.ofNullable(quartz.getTrigger(TriggerKey.triggerKey(placementId, "prompts")))
			.map(t -> t.getNextFireTime().toInstant());
	}

	private List<Document> audit() {
		return mongo.getCollection("audit").find(new Document("action", "program-settings"))
			.sort(new Document("_id", 1)).into(new ArrayList<>());
	}
}
