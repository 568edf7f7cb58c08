package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.support.CrashGapTest;
import org.fieldnotes.support.QuartzFiring;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A crash, or a lost store, between a prompting sender's two writes — its claim and its outbox row — loses nothing
 * and doubles nothing: reminders, snoozed prompts coming back, and the end-of-placement note. Each test cuts the
 * store off at that moment (the write fails once) and then runs what would run next (the next run of the job, or a
 * start), and counts what Slack received.
 */
class ClaimCrashGapTests extends CrashGapTest {

	private static final String ADA = "UADA";
	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");
	private static final Instant MONDAY_DEC_7_0800 = Instant.parse("2026-12-07T07:00:00Z");
	private static final SentMessage PRESSED_ON = new SentMessage(new org.fieldnotes.chat.ChatAccount("slack", null, "UADA"), "DUADA", "1764669600.000500");
	private static final String REMINDER = "Still two minutes for this week's reflection";
	private static final String SNOOZED_AGAIN = "here is “Reflect on one moment” again";

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	Reminders reminders;

	@Autowired
	PromptResponses responses;

	@Autowired
	Scheduler quartz;

	@Test
	void aReminderWhoseOutboxWriteFailedGoesOnceAtTheNextRun() {
		String occurrenceId = promptSentOnFriday();
		clock.set(MONDAY_DEC_7_0800);
		AtomicInteger faults = failNextInsertInto("outbox");

		reminders.run();

		assertThat(faults).hasValue(1);
		assertThat(reminders()).isEmpty();
		clock.advance(Duration.ofMinutes(ReminderJob.EVERY_MINUTES));
		reminders.run();
		reminders.run();

		assertThat(reminders()).hasSize(1);
		assertThat(occurrence(occurrenceId).getRemindedAt()).isNotNull();
		assertThat(outboxStatus("reminder:" + occurrenceId)).isEqualTo("SENT");
	}

	@Test
	void aReminderQueuedWhosePromptNeverHeardIsRecordedAtTheNextRunAndNotSentAgain() {
		String occurrenceId = promptSentOnFriday();
		clock.set(MONDAY_DEC_7_0800);
		AtomicInteger faults = failNextUpdateOf(PromptOccurrence.class);

		reminders.run();

		assertThat(faults).hasValue(1);
		assertThat(reminders()).hasSize(1);
		assertThat(occurrence(occurrenceId).getRemindedAt()).isNull();
		clock.advance(Duration.ofMinutes(ReminderJob.EVERY_MINUTES));
		reminders.run();

		assertThat(reminders()).hasSize(1);
		assertThat(occurrence(occurrenceId).getRemindedAt()).isNotNull();
	}

	@Test
	void aSnoozedPromptWhoseOutboxWriteFailedComesBackOnceAtTheNextStart() {
		String occurrenceId = snoozedReflection();
		clock.advance(PromptResponses.SNOOZE);
		AtomicInteger faults = failNextInsertInto("outbox");

		Throwable crash = catchThrowable(() -> responses.resendSnoozed(occurrenceId));

		assertThat(crash).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(faults).hasValue(1);
		assertThat(snoozedAgain()).isEmpty();
		clock.advance(Duration.ofMinutes(10));
		restart();
		restart();

		assertThat(snoozedAgain()).hasSize(1);
		PromptOccurrence after = occurrence(occurrenceId);
		assertThat(after.getSnoozedUntil()).as("the snooze is over").isNull();
		assertThat(after.getRemindedAt()).as("the re-send was its one nudge").isNotNull();
	}

	@Test
	void aSnoozedPromptSentAgainWhoseSnoozeWasNeverEndedIsNotSentTwice() {
		String occurrenceId = snoozedReflection();
		clock.advance(PromptResponses.SNOOZE);
		AtomicInteger faults = failNextUpdateOf(PromptOccurrence.class);

		Throwable crash = catchThrowable(() -> responses.resendSnoozed(occurrenceId));

		assertThat(crash).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(faults).hasValue(1);
		assertThat(snoozedAgain()).hasSize(1);
		restart();
		responses.resendSnoozed(occurrenceId);

		assertThat(snoozedAgain()).hasSize(1);
		assertThat(occurrence(occurrenceId).getSnoozedUntil()).isNull();
	}

	@Test
	void anEndOfPlacementNoteWhoseOutboxWriteFailedGoesOnceAfterTheNextStartAndIsRecordedSent() {
		// ends Friday 11 December; the note is due on Monday 14 December at 14:00 Stockholm
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2026-12-14T13:00:00Z"));
		AtomicInteger faults = failNextInsertInto("outbox");

		Throwable crash = catchThrowable(() -> dispatcher.catchUp(placementId));

		assertThat(crash).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(faults).hasValue(1);
		assertThat(notice(placementId).getString("status")).isEqualTo("CLAIMED");
		clock.advance(Duration.ofMinutes(3));
		start();
		start();
		drainOutbox();
		scheduler.fire(placementId);

		List<Map<String, String>> notes = SlackStub.messagesTo(ADA)
			.stream()
			.filter(m -> m.get("text").startsWith("Your placement at Scania has ended"))
			.toList();
		assertThat(notes).hasSize(1);
		assertThat(notice(placementId).getString("status")).isEqualTo("SENT");
		assertThat(mongo.getCollection("placement_notices").countDocuments()).isEqualTo(1);
	}

	/**
	 * What a start runs: the ready listeners, then the prompt schedule's rebuild, fired by its trigger as Quartz would
	 * fire it (Quartz does not run in tests).
	 */
	private void start() {
		restart();
		QuartzFiring.fires(quartz, PromptScheduler.REBUILD_GROUP, PromptScheduler.REBUILD, clock.instant());
		scheduler.rebuildFiring();
	}

	private String promptSentOnFriday() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		clock.set(FRIDAY_DEC_4);
		scheduler.fire(placementId);
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		return mongo.findOne(Query.query(Criteria.where("placementId").is(placementId)), PromptOccurrence.class)
			.getId();
	}

	/** Ada's reflection prompt (the second sent), snoozed now for two hours. */
	private String snoozedReflection() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		dispatcher.sendNext(placementId);
		String occurrenceId = dispatcher.sendNext(placementId).occurrenceId();
		assertThat(responses.snooze(occurrenceId, slack(ADA), PRESSED_ON)).isEqualTo(PromptResponses.Outcome.DONE);
		return occurrenceId;
	}

	private List<Map<String, String>> reminders() {
		return SlackStub.messagesTo(ADA).stream().filter(m -> m.get("text").startsWith(REMINDER)).toList();
	}

	private List<Map<String, String>> snoozedAgain() {
		return SlackStub.messagesTo(ADA).stream().filter(m -> SlackStub.blockTexts(m).contains(SNOOZED_AGAIN)).toList();
	}

	private PromptOccurrence occurrence(String id) {
		return mongo.findById(id, PromptOccurrence.class);
	}

	private Document notice(String placementId) {
		return mongo.getCollection("placement_notices").find(new Document("placementId", placementId)).first();
	}

	private String outboxStatus(String key) {
		Document found = mongo.getCollection("outbox").find(new Document("key", key)).first();
		return found == null ? null : found.getString("status");
	}
}
