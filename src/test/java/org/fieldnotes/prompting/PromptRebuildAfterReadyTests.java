package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fieldnotes.support.Accounts.slack;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fieldnotes.placement.PlacementBatches;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.QuartzFiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The prompt schedule is rebuilt after the app is ready, by a Quartz job of its own, so that a start with 10,000
 * placements reports UP without waiting for it (docs/performance.md, P4). Meanwhile nothing is lost or sent twice:
 * a prompt that falls due while the rebuild is under way goes once, whether the rebuild has reached its placement yet
 * or not, and a prompt missed while the app was down is caught up once. Quartz does not run here: what it would do
 * is done with {@link QuartzFiring}, and the rebuild is taken a batch (of one placement) at a time, with the clock
 * moved between batches.
 *
 * <p>Each placement is prompted on Fridays at 14:00 Stockholm (13:00Z): the next is Friday 4 December.
 */
class PromptRebuildAfterReadyTests extends IntegrationTest {

	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");
	private static final Instant FRIDAY_DEC_11 = Instant.parse("2026-12-11T13:00:00Z");
	private static final List<String> PARTICIPANTS = List.of("UADA", "UBO", "UCY");

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	PromptScheduleHealth health;

	@Autowired
	PlacementManagement placements;

	@MockitoSpyBean
	PlacementBatches batches;

	@Autowired
	Scheduler quartz;

	@AfterEach
	void noMoreSurprises() {
		reset(batches);
	}

	@Test
	void aStartLeavesTheRebuildToItsOwnTriggerWhichFiresAtOnce() throws SchedulerException {
		List<String> ids = enrolledThenStarted();

		scheduler.startUp();

		// the start itself rebuilds nothing: the app is ready meanwhile
		assertThat(ids).allSatisfy(id -> assertThat(scheduler.nextFireTime(id)).isEmpty());
		assertThat(scheduler.nextRebuild()).hasValue(clock.instant());
		assertThat(detail()).isEqualTo("waiting to rebuild");
		rebuildFires();
		assertThat(ids).allSatisfy(id -> assertThat(scheduler.nextFireTime(id)).hasValue(FRIDAY_DEC_4));
		assertThat(scheduler.nextRebuild()).as("the rebuild's trigger is used up").isEmpty();
		assertThat(detail()).isEqualTo("rebuilt: 3 of 3 placements scheduled");
	}

	@Test
	void aPromptFallingDueWhileTheRebuildIsUnderWayGoesOnceToEveryone() throws SchedulerException {
		List<String> ids = enrolledThenStarted();
		clock.set(FRIDAY_DEC_4.minusSeconds(60));
		PromptScheduler.Rebuild rebuild = scheduler.startRebuild(1);

		// the first placement is scheduled a minute before its prompt is due
		assertThat(rebuild.step()).isTrue();
		assertThat(detail()).isEqualTo("rebuilding 1/3 placements");
		String first = only(ids, id -> scheduler.nextFireTime(id).isPresent());
		assertThat(scheduler.nextFireTime(first)).hasValue(FRIDAY_DEC_4);
		// the prompt falls due: the first placement's trigger fires and sends it; the others have no trigger yet
		clock.set(FRIDAY_DEC_4.plusSeconds(30));
		QuartzFiring.fires(quartz, PromptScheduler.GROUP, first, clock.instant());
		scheduler.fire(first);
		assertThat(sent().allMessages()).hasSize(1);

		// the second is reached after it fell due: its catch-up queues it
		assertThat(rebuild.step()).isTrue();
		String second = only(ids, id -> !id.equals(first) && scheduler.nextFireTime(id).isPresent());
		assertThat(scheduler.nextFireTime(second)).hasValue(FRIDAY_DEC_11);
		assertThat(drainOutbox()).isEqualTo(1);

		// the third batch was read just before the due time and its trigger set just after: it is due already, so
		// Quartz fires it at once (misfire: fire now) and nothing falls between the catch-up and the trigger
		assertThat(rebuild.step(FRIDAY_DEC_4.minusSeconds(1))).isFalse();
		String third = only(ids, id -> !id.equals(first) && !id.equals(second));
		assertThat(scheduler.nextFireTime(third)).hasValue(FRIDAY_DEC_4);
		QuartzFiring.fires(quartz, PromptScheduler.GROUP, third, clock.instant());
		scheduler.fire(third);
		assertThat(detail()).isEqualTo("rebuilt: 3 of 3 placements scheduled");

		assertThat(PARTICIPANTS).allSatisfy(p -> assertThat(sent().messagesTo(slack(p))).as(p).hasSize(1));
		assertThat(ids).allSatisfy(id -> {
			assertThat(occurrences(id)).extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus)
				.containsExactly(tuple(LocalDate.parse("2026-12-04"), OccurrenceStatus.SENT));
			assertThat(scheduler.nextFireTime(id)).hasValue(FRIDAY_DEC_11);
		});
		// and another start a little later sends nothing more
		clock.set(FRIDAY_DEC_4.plusSeconds(600));
		scheduler.startUp();
		rebuildFires();
		assertThat(drainOutbox()).isZero();
		assertThat(sent().allMessages()).hasSize(3);
	}

	@Test
	void aPromptMissedWhileTheAppWasDownIsCaughtUpOnceAfterReady() throws SchedulerException {
		List<String> ids = enrolledThenStarted();
		// down over the 13:00Z prompt; started at 16:00Z, 17:00 in Stockholm: in the catch-up window and working hours
		clock.set(FRIDAY_DEC_4.plusSeconds(3 * 3600));

		scheduler.startUp();
		assertThat(sent().allMessages()).isEmpty();
		rebuildFires();
		assertThat(drainOutbox()).isEqualTo(3);
		scheduler.startUp();
		rebuildFires();
		assertThat(drainOutbox()).isZero();

		assertThat(PARTICIPANTS).allSatisfy(p -> assertThat(sent().messagesTo(slack(p))).as(p).hasSize(1));
		assertThat(ids).allSatisfy(id -> assertThat(occurrences(id)).singleElement()
			.satisfies(o -> assertThat(o.getSentAt()).isEqualTo(clock.instant())));
	}

	@Test
	void aPlacementChangedWhileTheRebuildRunsIsCaughtUpAndScheduledAsChanged() throws SchedulerException {
		List<String> ids = enrolledThenStarted();
		String paused = ids.get(0);
		// started an hour after the prompts fell due; an admin pauses a placement just after the rebuild read it
		// (still active) and before the rebuild caught it up and set its trigger
		clock.set(FRIDAY_DEC_4.plusSeconds(3600));
		AtomicBoolean once = new AtomicBoolean(true);
		doAnswer(read -> {
			Object stale = read.callRealMethod();
			if (read.getArgument(0, Collection.class).contains(paused) && once.getAndSet(false)) {
				placements.pause(paused);
			}
			return stale;
		}).when(batches).withIds(anyCollection());

		scheduler.rebuild();

		assertThat(once).isFalse();
		assertThat(scheduler.nextFireTime(paused)).as("paused: no trigger").isEmpty();
		assertThat(ids).filteredOn(id -> !id.equals(paused))
			.allSatisfy(id -> assertThat(scheduler.nextFireTime(id)).hasValue(FRIDAY_DEC_11));
		assertThat(drainOutbox()).isEqualTo(2);
		assertThat(sent().messagesTo(slack(PARTICIPANTS.get(0)))).as("the paused participant").isEmpty();
		assertThat(occurrences(paused)).isEmpty();
	}

	/** Enrols the participants, then forgets their triggers, as a new start of the app has none (Quartz is in memory). */
	private List<String> enrolledThenStarted() throws SchedulerException {
		List<String> ids = PARTICIPANTS.stream().map(p -> enrol(p, "2026-11-02", "2027-04-30")).toList();
		for (String id : ids) {
			quartz.deleteJob(JobKey.jobKey(id, PromptScheduler.GROUP));
		}
		quartz.deleteJob(JobKey.jobKey(PromptScheduler.REBUILD, PromptScheduler.REBUILD_GROUP));
		return ids;
	}

	/** The rebuild's trigger fires, as Quartz would fire it. */
	private void rebuildFires() {
		QuartzFiring.fires(quartz, PromptScheduler.REBUILD_GROUP, PromptScheduler.REBUILD, clock.instant());
		scheduler.rebuildFiring();
	}

	private String detail() {
		Map<String, Object> details = health.health().getDetails();
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		return String.valueOf(details.get("schedule"));
	}

	private static String only(List<String> ids, java.util.function.Predicate<String> which) {
		List<String> found = ids.stream().filter(which).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private List<PromptOccurrence> occurrences(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("dueAt")),
				PromptOccurrence.class, "prompt_occurrences");
	}
}
