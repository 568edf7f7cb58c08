package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The prompt schedule on the whole application: Quartz triggers follow placements, and every path that sends
 * (a firing, the start-up catch-up, the admin's "send now") claims the occurrence first, so nothing goes twice.
 * Quartz does not run here; the tests call what a firing or a start would call, with the clock moved.
 *
 * <p>{@link #enrol} prompts on Fridays at 14:00 Europe/Stockholm (13:00Z in winter). DEFAULT_NOW is Wednesday
 * 2 December 2026, 10:00Z; the placement enrolled then starts on 2 November 2026, so the next prompt is
 * weekly-status-check on Friday 4 December (week 5), then weekly-gibbs on 11 December.
 */
class PromptSchedulingTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");
	private static final Instant FRIDAY_DEC_11 = Instant.parse("2026-12-11T13:00:00Z");

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptHistory history;

	@Autowired
	PlacementManagement placements;

	@Test
	void enrollingSetsATriggerForTheNextFridayAfternoonInStockholm() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_4);
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrences(placementId)).isEmpty();
	}

	@Test
	void pausingRemovesTheTriggerAndResumingRestoresIt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		placements.pause(placementId);
		assertThat(scheduler.nextFireTime(placementId)).isEmpty();

		placements.resume(placementId);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_4);
	}

	@Test
	void resumingAfterADueTimeSetsTheTriggerToTheFollowingOne() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		placements.pause(placementId);

		clock.set(Instant.parse("2026-12-07T09:00:00Z"));
		placements.resume(placementId);

		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
	}

	@Test
	void weeksSpentPausedAreNotRecordedAsMissedAfterResuming() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		placements.pause(placementId);

		// paused over the 4 and 11 December prompts; resumed on Monday 14 December
		clock.set(Instant.parse("2026-12-14T09:00:00Z"));
		placements.resume(placementId);
		clock.set(Instant.parse("2026-12-18T13:00:00Z"));
		scheduler.fire(placementId);

		assertThat(occurrences(placementId)).extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus)
			.containsExactly(tuple(LocalDate.parse("2026-12-18"), OccurrenceStatus.SENT));
	}

	@Test
	void aStartThreeHoursAfterADueTimeSendsThePromptOnceAndARestartDoesNotSendItAgain() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		// Friday 4 December, 17:00 in Stockholm: late, but within the catch-up window and the working hours.
		clock.set(Instant.parse("2026-12-04T16:00:00Z"));
		scheduler.rebuild();

		// at start the catch-up only queues; the outbox's worker sends
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(drainOutbox()).isEqualTo(1);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
		assertThat(words(sent().messagesTo(slack(ADA)).get(0))).contains("Week 5 of 26 at Scania");
		List<PromptOccurrence> sent = history.within(placementId, Instant.parse("2026-12-04T00:00:00Z"),
				Instant.parse("2026-12-06T00:00:00Z"));
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).getStatus()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(sent.get(0).getPromptId()).isEqualTo("weekly-status-check");
		assertThat(sent.get(0).getDueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
		assertThat(sent.get(0).getDueAt()).isEqualTo(FRIDAY_DEC_4);
		assertThat(sent.get(0).getSentAt()).isEqualTo(Instant.parse("2026-12-04T16:00:00Z"));
		assertThat(sent.get(0).getChannel()).isEqualTo("D" + ADA);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);

		// Restarted again, a little later: the claim is in the store, so nothing more goes out.
		clock.set(Instant.parse("2026-12-04T16:30:00Z"));
		scheduler.rebuild();

		assertThat(drainOutbox()).isZero();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
		assertThat(occurrences(placementId)).hasSize(1);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);
	}

	@Test
	void aStartElevenHoursAfterADueTimeIsAtNightSoThePromptIsRecordedAsMissedNotSent() {
		// Until issue 3 this prompt went out at 01:00 Stockholm time; now nothing reaches a participant outside the
		// working hours (08:00-18:00), and a catch-up cannot wait for them without becoming stale.
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		clock.set(Instant.parse("2026-12-05T00:00:00Z"));
		scheduler.rebuild();

		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrences(placementId)).extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus)
			.containsExactly(tuple(LocalDate.parse("2026-12-04"), OccurrenceStatus.MISSED));
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);
	}

	@Test
	void aStartThirteenHoursAfterADueTimeRecordsItAsMissedWithoutSending() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		clock.set(Instant.parse("2026-12-05T02:00:00Z"));
		scheduler.rebuild();

		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		List<PromptOccurrence> recorded = occurrences(placementId);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0).getStatus()).isEqualTo(OccurrenceStatus.MISSED);
		assertThat(recorded.get(0).getDueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
		assertThat(recorded.get(0).getSentAt()).isNull();
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);

		scheduler.rebuild();
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrences(placementId)).hasSize(1);
	}

	@Test
	void exactlyTwelveHoursLateIsNoLongerInTime() {
		// The catch-up window (PT12H) sends prompts that are *less* late than it.
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		clock.set(Instant.parse("2026-12-05T01:00:00Z"));
		scheduler.rebuild();

		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrences(placementId)).extracting(PromptOccurrence::getStatus)
			.containsExactly(OccurrenceStatus.MISSED);
	}

	@Test
	void firingTwiceForTheSameDueTimeSendsOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		clock.set(FRIDAY_DEC_4);
		scheduler.fire(placementId);
		scheduler.fire(placementId);

		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
		List<PromptOccurrence> recorded = occurrences(placementId);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0).getStatus()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(recorded.get(0).getSentAt()).isEqualTo(FRIDAY_DEC_4);
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);
	}

	@Test
	void sendingNowTwiceSendsTheNextTwoPromptsAndTheirFiringsSendNothingMore() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		PromptDelivery first = dispatcher.sendNext(placementId);
		PromptDelivery second = dispatcher.sendNext(placementId);

		assertThat(first.dueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
		assertThat(first.promptId()).isEqualTo("weekly-status-check");
		assertThat(first.status()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(second.dueDate()).isEqualTo(LocalDate.parse("2026-12-11"));
		assertThat(second.promptId()).isEqualTo("weekly-gibbs");
		assertThat(second.status()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);

		// The trigger still fires on 4 December, and then on 11 December: both were sent already.
		clock.set(FRIDAY_DEC_4);
		scheduler.fire(placementId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
		clock.set(FRIDAY_DEC_11);
		scheduler.fire(placementId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
		assertThat(occurrences(placementId)).extracting(PromptOccurrence::getDueDate)
			.containsExactly(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-11"));

		// The week after goes out as usual.
		clock.set(Instant.parse("2026-12-18T13:00:00Z"));
		scheduler.fire(placementId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(3);
	}

	@Test
	void aPausedPlacementIsNotSentAPromptOnRequest() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		placements.pause(placementId);

		assertThatThrownBy(() -> dispatcher.sendNext(placementId)).isInstanceOf(PromptNotSent.class)
			.hasMessageContaining("paused");

		assertThat(sent().allMessages()).isEmpty();
		assertThat(occurrences(placementId)).isEmpty();
	}

	@Test
	void aPausedPlacementIsNotCaughtUpAtStart() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		placements.pause(placementId);

		clock.set(Instant.parse("2026-12-04T14:00:00Z"));
		scheduler.rebuild();

		assertThat(sent().allMessages()).isEmpty();
		assertThat(occurrences(placementId)).isEmpty();
		assertThat(scheduler.nextFireTime(placementId)).isEmpty();
	}

	@Test
	void aPromptSlackRefusesIsRecordedAsFailed() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		SlackStub.error("chat.postMessage", "channel_not_found");

		clock.set(FRIDAY_DEC_4);
		assertThatNoException().isThrownBy(() -> scheduler.fire(placementId));

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		List<PromptOccurrence> recorded = occurrences(placementId);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0).getStatus()).isEqualTo(OccurrenceStatus.FAILED);
		assertThat(recorded.get(0).getFailure()).isEqualTo("channel_not_found");
		assertThat(recorded.get(0).getSentAt()).isNull();
		assertThat(scheduler.nextFireTime(placementId)).hasValue(FRIDAY_DEC_11);

		// "Send now" reports the refusal instead of throwing.
		PromptDelivery delivery = dispatcher.sendNext(placementId);
		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.FAILED);
		assertThat(delivery.failure()).isEqualTo("channel_not_found");
		assertThat(delivery.dueDate()).isEqualTo(LocalDate.parse("2026-12-11"));
	}

	@Test
	void noPromptBeforeTheStartDate() {
		// Monday 11 January 2027; the first Friday on or after it is 15 January (CET).
		String placementId = enrol(ADA, "2027-01-11", "2027-04-30");

		assertThat(scheduler.nextFireTime(placementId)).hasValue(Instant.parse("2027-01-15T13:00:00Z"));

		// Firings and starts before then send nothing, not even on the start date itself.
		scheduler.fire(placementId);
		clock.set(Instant.parse("2027-01-11T13:00:00Z"));
		scheduler.rebuild();
		assertThat(sent().allMessages()).isEmpty();
		assertThat(occurrences(placementId)).isEmpty();
		assertThat(scheduler.nextFireTime(placementId)).hasValue(Instant.parse("2027-01-15T13:00:00Z"));

		clock.set(Instant.parse("2027-01-15T13:00:00Z"));
		scheduler.fire(placementId);
		List<PromptOccurrence> recorded = occurrences(placementId);
		assertThat(recorded).extracting(PromptOccurrence::getPromptId).containsExactly("first-week-onboarding");
		assertThat(recorded.get(0).getDueDate()).isEqualTo(LocalDate.parse("2027-01-15"));
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
	}

	private List<PromptOccurrence> occurrences(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("dueAt")),
				PromptOccurrence.class, "prompt_occurrences");
	}
}
