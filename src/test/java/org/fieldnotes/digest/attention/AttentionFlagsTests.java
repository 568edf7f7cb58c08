package org.fieldnotes.digest.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.digest.attention.Facts.PromptFact;
import org.fieldnotes.digest.attention.Flag.Kind;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementFixtures;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each attention rule, where it fires and where it does not quite. The participant is in Stockholm (UTC+1 in
 * November); "now" starts at Sunday 22 November 2026, 10:00 there, and moves.
 */
class AttentionFlagsTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	private final MutableClock clock = new MutableClock(at("2026-11-22T10:00"));
	private final Placement placement = PlacementFixtures.placement("Europe/Stockholm", "2026-09-07", "2027-04-30",
			DayOfWeek.FRIDAY, "14:00");
	private Optional<Instant> lastEntry = Optional.of(at("2026-11-20T09:00"));
	private final List<StatusUpdate> updates = new ArrayList<>();
	private final List<PromptFact> prompts = new ArrayList<>();
	private final List<Closure> closures = new ArrayList<>();

	@Test
	void aPlacementWhereAllIsWellHasNoFlags() {
		update("2026-11-13T12:00", OverallStatus.GREEN, null, 4);
		update("2026-11-20T12:00", OverallStatus.AMBER, null, 3);
		prompt("2026-11-13T14:00", OccurrenceStatus.SENT, null, true);
		prompt("2026-11-20T14:00", OccurrenceStatus.SENT, null, false);

		assertThat(flags()).isEmpty();
	}

	@Test
	void flagsComeInTheOrderOfTheirKinds() {
		lastEntry = Optional.of(at("2026-11-01T12:00"));
		update("2026-11-01T12:00", OverallStatus.AMBER, "no CRM access", 5);
		update("2026-11-20T12:00", OverallStatus.RED, "no CRM access", 2);

		prompt("2026-11-20T14:00", OccurrenceStatus.FAILED, null, false, "user_not_found");

		assertThat(flags()).extracting(Flag::kind).containsExactly(Kind.NO_RECENT_ENTRY, Kind.RED_STATUS,
				Kind.MOOD_DROP, Kind.LONG_BLOCKER, Kind.DELIVERY_FAILED);
	}

	@Nested
	class NoRecentEntry {

		@Test
		void firesAfter14DaysWithTheDaysAndTheLastDate() {
			lastEntry = Optional.of(at("2026-11-06T16:00"));

			assertThat(flags()).containsExactly(Flag.of(Kind.NO_RECENT_ENTRY, 16L, LocalDate.parse("2026-11-06")));
			assertThat(flags().get(0).messageKey()).isEqualTo("digest.attention.NO_RECENT_ENTRY");
		}

		@Test
		void doesNotFireAfter13DaysButDoesOnTheNextDay() {
			lastEntry = Optional.of(at("2026-11-09T08:00"));
			assertThat(flags()).isEmpty();

			clock.advance(Duration.ofDays(1));

			assertThat(flags()).containsExactly(Flag.of(Kind.NO_RECENT_ENTRY, 14L, LocalDate.parse("2026-11-09")));
		}

		@Test
		void countsCalendarDaysInTheParticipantsZone() {
			// 8 Nov 23:30 UTC is already 9 Nov in Stockholm: 13 days ago there
			lastEntry = Optional.of(Instant.parse("2026-11-08T23:30:00Z"));

			assertThat(flags()).isEmpty();
		}

		@Test
		void countsFromTheStartWhenNothingWasEverWritten() {
			Placement started = PlacementFixtures.placement("Europe/Stockholm", "2026-11-09", "2027-04-30",
					DayOfWeek.FRIDAY, "14:00");
			lastEntry = Optional.empty();
			assertThat(AttentionFlags.flagsFor(started, facts(), clock.instant())).as("13 days after the start")
				.isEmpty();

			clock.advance(Duration.ofDays(1));

			List<Flag> flags = AttentionFlags.flagsFor(started, facts(), clock.instant());
			assertThat(flags).containsExactly(
					new Flag(Kind.NO_RECENT_ENTRY, "never", List.of(LocalDate.parse("2026-11-09"))));
			assertThat(flags.get(0).messageKey()).isEqualTo("digest.attention.NO_RECENT_ENTRY.never");
		}

		@Test
		void daysTheProgrammeWasClosedDoNotCount() {
			// 16 days since the last entry, 3 of them in a closure: 13 open days
			lastEntry = Optional.of(at("2026-11-06T16:00"));
			closures.add(closure(placement.getProgram(), "2026-11-10", "2026-11-12", false));
			assertThat(flags()).as("13 open days").isEmpty();

			clock.advance(Duration.ofDays(1));

			// the flag still tells the calendar days since the last entry
			assertThat(flags()).containsExactly(Flag.of(Kind.NO_RECENT_ENTRY, 17L, LocalDate.parse("2026-11-06")));
		}

		@Test
		void aClosureOfAnotherProgrammeOrACancelledOneStillCounts() {
			lastEntry = Optional.of(at("2026-11-06T16:00"));
			closures.add(closure("Another programme", "2026-11-07", "2026-11-21", false));
			closures.add(closure(placement.getProgram(), "2026-11-07", "2026-11-21", true));

			assertThat(flags()).containsExactly(Flag.of(Kind.NO_RECENT_ENTRY, 16L, LocalDate.parse("2026-11-06")));
		}

		@Test
		void aClosureWithoutAnEndCoversEveryDayFromItsStartAndCountsFromTheStartToo() {
			Placement started = PlacementFixtures.placement("Europe/Stockholm", "2026-11-01", "2027-04-30",
					DayOfWeek.FRIDAY, "14:00");
			lastEntry = Optional.empty();
			closures.add(closure(null, "2026-11-09", null, false));

			assertThat(AttentionFlags.flagsFor(started, facts(), clock.instant())).as("7 open days since the start")
				.isEmpty();
			closures.clear();
			assertThat(AttentionFlags.flagsFor(started, facts(), clock.instant())).extracting(Flag::kind)
				.containsExactly(Kind.NO_RECENT_ENTRY);
		}
	}

	@Nested
	class RedStatus {

		@Test
		void firesWhenTheLatestUpdateIsRedSinceTheFirstOfTheRedRun() {
			update("2026-11-06T12:00", OverallStatus.RED, null, 3);
			update("2026-11-13T12:00", OverallStatus.AMBER, null, 3);
			update("2026-11-16T12:00", OverallStatus.RED, null, 3);
			update("2026-11-20T12:00", OverallStatus.RED, null, 3);

			assertThat(flags()).containsExactly(Flag.of(Kind.RED_STATUS, LocalDate.parse("2026-11-16")));
		}

		@Test
		void doesNotFireWhenARedUpdateWasFollowedByAnotherStatus() {
			update("2026-11-13T12:00", OverallStatus.RED, null, 3);
			update("2026-11-20T12:00", OverallStatus.AMBER, null, 3);

			assertThat(flags()).isEmpty();
		}
	}

	@Nested
	class MoodDrop {

		@Test
		void firesWhenTheLatestMoodIs2BelowTheHighestOfThe21DaysBefore() {
			update("2026-10-30T12:00", OverallStatus.GREEN, null, 4); // exactly 21 days before the latest
			update("2026-11-13T12:00", OverallStatus.GREEN, null, 3);
			update("2026-11-20T12:00", OverallStatus.GREEN, null, 2);

			assertThat(flags()).containsExactly(Flag.of(Kind.MOOD_DROP, 4, 2));
		}

		@Test
		void doesNotFireForADropOfOnePoint() {
			update("2026-11-06T12:00", OverallStatus.GREEN, null, 3);
			update("2026-11-20T12:00", OverallStatus.GREEN, null, 2);

			assertThat(flags()).isEmpty();
		}

		@Test
		void doesNotLookFurtherBackThan21Days() {
			update("2026-10-30T11:59", OverallStatus.GREEN, null, 5); // a minute more than 21 days before
			update("2026-11-13T12:00", OverallStatus.GREEN, null, 3);
			update("2026-11-20T12:00", OverallStatus.GREEN, null, 2);

			assertThat(flags()).isEmpty();
		}

		@Test
		void doesNotFireWhenMoodRoseAgain() {
			update("2026-11-06T12:00", OverallStatus.GREEN, null, 5);
			update("2026-11-13T12:00", OverallStatus.GREEN, null, 2);
			update("2026-11-20T12:00", OverallStatus.GREEN, null, 4);

			assertThat(flags()).isEmpty();
		}
	}

	@Nested
	class LongBlocker {

		@Test
		void firesWhenEveryUpdateFor14DaysOrMoreHadABlocker() {
			update("2026-10-30T12:00", OverallStatus.GREEN, null, 4);
			update("2026-11-06T12:00", OverallStatus.AMBER, "no CRM access", 4);
			update("2026-11-13T12:00", OverallStatus.AMBER, "still no CRM access", 4);
			update("2026-11-20T12:00", OverallStatus.AMBER, "waiting for IT", 4);

			assertThat(flags()).containsExactly(Flag.of(Kind.LONG_BLOCKER, 16L));
		}

		@Test
		void doesNotFireAfter13DaysButDoesOnTheNextDay() {
			update("2026-11-09T12:00", OverallStatus.AMBER, "no CRM access", 4);
			update("2026-11-16T12:00", OverallStatus.AMBER, "no CRM access", 4);
			assertThat(flags()).isEmpty();

			clock.advance(Duration.ofDays(1));

			assertThat(flags()).containsExactly(Flag.of(Kind.LONG_BLOCKER, 14L));
		}

		@Test
		void anUpdateWithoutBlockersEndsTheRun() {
			update("2026-11-01T12:00", OverallStatus.AMBER, "no CRM access", 4);
			update("2026-11-08T12:00", OverallStatus.GREEN, "  ", 4);
			update("2026-11-15T12:00", OverallStatus.AMBER, "no VPN", 4);

			assertThat(flags()).isEmpty();
		}

		@Test
		void doesNotFireWhenTheLatestUpdateHasNoBlocker() {
			update("2026-11-01T12:00", OverallStatus.AMBER, "no CRM access", 4);
			update("2026-11-20T12:00", OverallStatus.GREEN, null, 4);

			assertThat(flags()).isEmpty();
		}

		/** The rule the digests use to show a blocker's age is the flag's own. */
		@Test
		void theOpenBlockerIsTheLatestWithTheAgeOfItsRun() {
			update("2026-10-30T12:00", OverallStatus.GREEN, null, 4);
			update("2026-11-06T12:00", OverallStatus.AMBER, "no CRM access", 4);
			update("2026-11-20T12:00", OverallStatus.AMBER, "waiting for IT", 4);
			List<StatusUpdate> newestFirst = new ArrayList<>(updates);
			java.util.Collections.reverse(newestFirst);

			var open = AttentionFlags.openBlocker(newestFirst, STOCKHOLM, LocalDate.parse("2026-11-22")).orElseThrow();

			assertThat(open.latest().blockers()).isEqualTo("waiting for IT");
			assertThat(open.since()).isEqualTo(LocalDate.parse("2026-11-06"));
			assertThat(open.days()).isEqualTo(16L);
			assertThat(flags()).containsExactly(Flag.of(Kind.LONG_BLOCKER, open.days()));
			assertThat(AttentionFlags.openBlocker(List.of(), STOCKHOLM, LocalDate.parse("2026-11-22"))).isEmpty();
			update("2026-11-21T12:00", OverallStatus.GREEN, null, 4);
			newestFirst.add(0, updates.get(updates.size() - 1));
			assertThat(AttentionFlags.openBlocker(newestFirst, STOCKHOLM, LocalDate.parse("2026-11-22"))).isEmpty();
		}
	}

	@Nested
	class SkippedInARow {

		@Test
		void firesWhenTheLastThreeDuePromptsWereSkippedOrMissed() {
			prompt("2026-10-30T14:00", OccurrenceStatus.SENT, null, true);
			prompt("2026-11-06T14:00", OccurrenceStatus.SKIPPED, null, false);
			prompt("2026-11-13T14:00", OccurrenceStatus.MISSED, null, false);
			prompt("2026-11-20T14:00", OccurrenceStatus.SKIPPED, null, false);
			prompt("2026-11-27T14:00", OccurrenceStatus.SKIPPED, null, false); // not due yet

			assertThat(flags()).containsExactly(Flag.of(Kind.SKIPPED_IN_A_ROW, 3));
		}

		@Test
		void doesNotFireForTwoSkipsAndAnUnansweredPrompt() {
			prompt("2026-11-06T14:00", OccurrenceStatus.SKIPPED, null, false);
			prompt("2026-11-13T14:00", OccurrenceStatus.SKIPPED, null, false);
			prompt("2026-11-20T14:00", OccurrenceStatus.SENT, null, false);

			assertThat(flags()).isEmpty();
		}

		@Test
		void promptsSkippedWhileAwayOrOnHolidayAreNotSkippedOnes() {
			prompt("2026-10-30T14:00", OccurrenceStatus.SKIPPED, null, false);
			prompt("2026-11-06T14:00", OccurrenceStatus.SKIPPED, "away", false);
			prompt("2026-11-13T14:00", OccurrenceStatus.SKIPPED, null, false);
			prompt("2026-11-20T14:00", OccurrenceStatus.SKIPPED, null, false);

			assertThat(flags()).isEmpty();
		}
	}

	@Nested
	class DeliveryFailed {

		@Test
		void firesForAPromptThatFailedInTheLast7DaysWithTheReason() {
			prompt("2026-11-15T10:00", OccurrenceStatus.FAILED, null, false, "user_not_found"); // exactly 7 days ago

			assertThat(flags()).containsExactly(Flag.of(Kind.DELIVERY_FAILED, "user_not_found"));
		}

		@Test
		void doesNotFireForAFailureMoreThan7DaysAgo() {
			prompt("2026-11-15T09:59", OccurrenceStatus.FAILED, null, false, "user_not_found");

			assertThat(flags()).isEmpty();
		}
	}

	// -------------------------------------------------------------------------------------------- helpers

	private List<Flag> flags() {
		return AttentionFlags.flagsFor(placement, facts(), clock.instant());
	}

	private Facts facts() {
		return new Facts(lastEntry, updates, prompts, null, closures);
	}

	private void update(String stockholmTime, OverallStatus status, String blockers, int mood) {
		updates.add(new StatusUpdate("su-" + updates.size(), placement.getId(), "UADA", status, "progress", blockers,
				mood, null, "key-" + updates.size(), at(stockholmTime)));
	}

	private void prompt(String stockholmDue, OccurrenceStatus status, String skipReason, boolean answered) {
		prompt(stockholmDue, status, skipReason, answered, null);
	}

	private void prompt(String stockholmDue, OccurrenceStatus status, String skipReason, boolean answered,
			String failure) {
		prompts.add(new PromptFact(at(stockholmDue), status, skipReason, at(stockholmDue), failure, answered));
	}

	private static Closure closure(String program, String from, String to, boolean cancelled) {
		return new Closure("c-" + from, program, LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
				"closed", Instant.EPOCH, cancelled);
	}

	/** A Stockholm local time. */
	private static Instant at(String stockholmTime) {
		return LocalDateTime.parse(stockholmTime).atZone(STOCKHOLM).toInstant();
	}
}
