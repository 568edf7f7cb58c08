package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.personId;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.slack.api.util.json.GsonFactory;

/**
 * What each role's digest contains, on the {@link FixedWeekTest fixed placement week}: each role sees exactly its
 * sections; private words never appear, confidential ones only for the academic coach; the mood trend, the goals
 * touched, the blocker's age and the engagement numbers follow their rules as the clock moves.
 */
class RoleDigestTests extends FixedWeekTest {

	private static final Map<Role, String> READER = Map.of(Role.MANAGER, "UMAJA", Role.ACADEMIC_COACH, "UANDERS",
			Role.BUSINESS_COACH, "UBEATA");

	@Autowired
	DigestService digests;

	@Autowired
	PlacementManagement placements;

	@Test
	void eachRoleSeesExactlyItsSections() {
		createFixedWeek();

		String academic = digestOf(Role.ACADEMIC_COACH);
		assertThat(academic).contains("you are the academic coach")
			.contains("Summary: ")
			.contains("Prompts answered: 1 of 1 this week")
			.contains("*Mood*")
			.contains("*Learning goals touched this week (2 of 3)*")
			.contains("*Reflections*")
			.doesNotContain("*Status*")
			.doesNotContain("Progress")
			.doesNotContain("Blocker")
			.doesNotContain("Reflections shared with coaches")
			.doesNotContain("Placements you manage");

		String business = digestOf(Role.BUSINESS_COACH);
		assertThat(business).contains("you are the business coach")
			.contains("Summary: ")
			.contains("Prompts answered: 1 of 1 this week")
			.contains("*Status*  🟠 some concerns (latest update, Mon 30 Nov)")
			.contains("_Progress_\n>Load cases agreed with the supplier.")
			.contains("*Reflections shared with coaches*")
			.doesNotContain("*Mood*")
			.doesNotContain("Learning goals")
			.doesNotContain("Placements you manage");

		String manager = digestOf(Role.MANAGER);
		assertThat(manager).contains("*Placements you manage*")
			.contains("🟠 *Ada Lindqvist* — Scania, week 6 of 26 · some concerns · prompts answered 1 of 1 this week, "
					+ "3 of 4 so far · streak: 3 weeks · blocker open 14 days · ⚠ needs attention (see above)")
			.doesNotContain("Summary")
			.doesNotContain("Mood")
			.doesNotContain("Learning goals")
			.doesNotContain("Reflections")
			.doesNotContain("Progress")
			.doesNotContain(COACHES_WORDS);
		// the one quote a manager gets: what the participant shared with the whole placement, after the line
		assertThat(manager.substring(manager.indexOf("Placements you manage"))).contains(
				"Ada Lindqvist shared an entry with you:\n_Wed 2 Dec · logbook entry_\n>" + PLACEMENT_WORDS);
		assertThat(manager.split("\n>", -1)).as("quotes in the manager's digest").hasSize(2);
		// every digest opens with the flags
		for (String digest : List.of(academic, business, manager)) {
			assertThat(digest.indexOf("Needs attention")).isPositive()
				.isLessThan(digest.indexOf("*Ada Lindqvist*"));
			assertThat(digest).contains("mood 4 → 2 over 3 weeks; a blocker open for 14 days");
		}
	}

	/** Property-style: for every role, exactly the words it may read, and never a private word, count or flag. */
	@ParameterizedTest
	@EnumSource(Role.class)
	void privateWordsReachNoOneAndConfidentialOnlyTheAcademicCoach(Role role) {
		createFixedWeek();

		String digest = digestOf(role);

		assertThat(digest).doesNotContain(PRIVATE_WORDS)
			.doesNotContain("quitting")
			.doesNotContain("off track")
			.doesNotContain("status red")
			.doesNotContain("4 → 1");
		boolean coach = role != Role.MANAGER;
		assertThat(digest.contains(COACHES_WORDS)).as("coaches' entry").isEqualTo(coach);
		assertThat(digest.contains(PLACEMENT_WORDS)).as("placement entry (shared with the manager too)").isTrue();
		assertThat(digest.contains(CONFIDENTIAL_WORDS)).as("confidential entry")
			.isEqualTo(role == Role.ACADEMIC_COACH);
		assertThat(digest.contains("exhausted")).as("confidential words, in the summary too")
			.isEqualTo(role == Role.ACADEMIC_COACH);
		assertThat(digest.contains("🔒 Confidential to you")).isEqualTo(role == Role.ACADEMIC_COACH);
	}

	@Test
	void aPrivateEntryDoesNotCountForTheNoRecentEntryFlag() {
		createFixedWeek();
		entry("e6", "2026-12-19T10:00:00Z", Visibility.PRIVATE, PRIVATE_WORDS + " again");
		clock.set(Instant.parse("2026-12-20T09:00:00Z"));

		for (Role role : Role.values()) {
			assertThat(digestOf(role)).as(role.name())
				.contains("no entry for 16 days (last: 4 Dec)")
				.doesNotContain(PRIVATE_WORDS);
		}
	}

	@Test
	void theConfidentialEntryIsMarkedAndEveryOtherIsNot() {
		createFixedWeek();

		String academic = digestOf(Role.ACADEMIC_COACH);

		assertThat(academic).contains("_Thu 3 Dec · logbook entry · 🔒 Confidential to you_\n>Honestly, I am exhausted.")
			.contains("_Tue 1 Dec · logbook entry_\n>" + COACHES_WORDS)
			.contains("_Wed 2 Dec · logbook entry_\n>" + PLACEMENT_WORDS);
		assertThat(academic.split("Confidential to you", -1)).hasSize(2);
	}

	@Test
	void theMoodTrendSaysFallingRisingOrSteadyFromTheUpdatesTheCoachMayRead() {
		createFixedWeek();
		// the private mood 1 of 4 Dec is not in the trend
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Mood*  4 → 3 → 2 (falling)");

		status("s5", "2026-12-05T09:00:00Z", OverallStatus.GREEN, "Rig access granted.", null, 5,
				Visibility.CONFIDENTIAL);
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Mood*  4 → 3 → 5 (rising)");

		mongo.getCollection("status_updates").deleteMany(new Document("_id", "s5"));
		status("s5", "2026-12-05T09:00:00Z", OverallStatus.GREEN, "Rig access granted.", null, 4, Visibility.COACHES);
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Mood*  4 → 3 → 4 (steady)");

		clock.advance(Duration.ofDays(28)); // nothing in the last 4 weeks
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Mood*  no mood reported in the last 4 weeks");
	}

	@Test
	void theMoodTrendIsInTheCoachsLanguage() {
		createFixedWeek();
		mongo.getCollection("people").updateOne(new Document("_id", keyOf(READER.get(Role.ACADEMIC_COACH))),
				new Document("$set", new Document("locale", "sv")));

		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Humör*  4 → 3 → 2 (sjunkande)")
			.contains("*Lärandemål som berördes den här veckan (2 av 3)*")
			.contains("• *Understand the composite supplier chain*  2 anteckningar")
			.contains("🔒 Konfidentiellt, bara till dig");
	}

	@Test
	void goalsTouchedCountOnlyTheEntriesTheCoachMayRead() {
		createFixedWeek();

		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("• *Run a design review on my own*  1 entry\n"
				+ "• *Understand the composite supplier chain*  2 entries")
			.doesNotContain("Present results to the steering group");

		// a goal only the private entry touches is not touched
		placements.setLearningGoals(slack("UADA"), List.of("Think about quitting", "Present results to the steering group"));
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Learning goals*  none of the 2 came up in this week's entries")
			.doesNotContain("quitting");

		placements.setLearningGoals(slack("UADA"), List.of());
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("*Learning goals*  none set yet");
	}

	@Test
	void aBlockerIsOpenSinceTheFirstOfTheUnbrokenRunOfUpdatesTheReaderMaySee() {
		createFixedWeek();

		// business coach: 23 Nov (coaches) and 30 Nov (placement) both report one; the private 4 Dec one is not seen
		assertThat(digestOf(Role.BUSINESS_COACH))
			.contains("_Blocker · open for 14 days (since 23 Nov)_\n>Still no access to the test rig; IT ticket open.");
		// manager: the age as the flag counts it (every update that is not private), never the words
		assertThat(digestOf(Role.MANAGER)).contains("blocker open 14 days").doesNotContain("test rig");

		clock.advance(Duration.ofDays(3));
		assertThat(digestOf(Role.BUSINESS_COACH)).contains("_Blocker · open for 17 days (since 23 Nov)_");
		assertThat(digestOf(Role.MANAGER)).contains("blocker open 17 days");

		status("s5", "2026-12-09T09:00:00Z", OverallStatus.GREEN, "Rig access granted.", null, 4, Visibility.PLACEMENT);
		assertThat(digestOf(Role.BUSINESS_COACH)).contains("*Blockers*  no open blockers").doesNotContain("test rig");
		assertThat(digestOf(Role.MANAGER)).contains("🟢 *Ada Lindqvist*")
			.contains("on track")
			.contains("no open blockers");
	}

	@Test
	void aManagersLineTakesItsFactsFromEveryUpdateThatIsNotPrivate() {
		createFixedWeek();
		mongo.getCollection("status_updates").deleteMany(new Document("_id", "s3"));

		// no update is shared with the placement any more: the facts of the coaches' ones still count, as in the flags
		assertThat(digestOf(Role.MANAGER)).contains("blocker open 14 days").doesNotContain("test rig");
		assertThat(digestOf(Role.BUSINESS_COACH)).contains("_Blocker · open for 14 days (since 23 Nov)_");

		mongo.getCollection("status_updates").updateMany(new Document(),
				new Document("$set", new Document("visibility", Visibility.PRIVATE.name())));
		assertThat(digestOf(Role.MANAGER)).contains("⚪ *Ada Lindqvist* — Scania, week 6 of 26 · no status yet")
			.contains("no open blockers");
	}

	@Test
	void engagementCountsThisWeekAndOverallAndTheStreakAsTheClockMoves() {
		createFixedWeek();
		assertThat(digestOf(Role.BUSINESS_COACH)).contains("Prompts answered: 1 of 1 this week · 3 of 4 so far · streak: 3 weeks");

		// a week later: no prompt went out (the 11 Dec one was never sent)
		clock.set(MONDAY.plus(Duration.ofDays(7)));
		assertThat(digestOf(Role.BUSINESS_COACH))
			.contains("No prompt was due this week. So far: 3 of 4 prompts answered · streak: 3 weeks.");
		assertThat(digestOf(Role.MANAGER)).contains("no prompt this week, 3 of 4 answered so far · streak: 3 weeks");

		// Friday 18 Dec's prompt goes out and stays open: it does not break the streak yet
		clock.set(Instant.parse("2026-12-18T12:59:00Z"));
		dispatcher.sendNext(placementId);
		clock.set(Instant.parse("2026-12-21T07:00:00Z"));
		assertThat(digestOf(Role.BUSINESS_COACH)).contains("Prompts answered: 0 of 1 this week · 3 of 5 so far")
			.contains("streak: 3 weeks");

		// unanswered after its reply window: the streak is over
		clock.set(Instant.parse("2026-12-28T07:00:00Z"));
		assertThat(digestOf(Role.ACADEMIC_COACH)).contains("So far: 3 of 5 prompts answered · no current streak.");
	}

	/** The block texts of the role's digest as it would be sent now. */
	private String digestOf(Role role) {
		String blocks = GsonFactory.createSnakeCase()
			.toJson(new BlockKitRenderer().render(digests.preview(personId(people, READER.get(role))).orElseThrow()));
		return SlackStub.blockTexts(Map.of("blocks", blocks));
	}
}
