package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Instant;
import java.util.List;

import org.fieldnotes.digest.DigestService;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * At most one reminder per unanswered prompt, 24 h after it was sent, inside working hours on a work day; and the
 * language people choose for themselves. Ada's prompt goes out on Friday 4 December 2026 at 14:00 Stockholm
 * (13:00Z); 24 h later is Saturday, a day off, so the reminder waits for Monday 7 December 08:00 (07:00Z).
 */
class ReminderTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");
	private static final Instant SATURDAY_DEC_5 = Instant.parse("2026-12-05T13:00:00Z");
	private static final Instant MONDAY_DEC_7_0800 = Instant.parse("2026-12-07T07:00:00Z");

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	Reminders reminders;

	@Autowired
	DigestService digests;

	@Test
	void oneReminderAtMostAndOnlyOnceTheWorkingHoursOfAWorkDayBegin() {
		String placementId = promptSentOnFriday();

		clock.set(SATURDAY_DEC_5);
		assertThat(reminders.run()).isEmpty();
		clock.set(Instant.parse("2026-12-07T06:59:00Z"));
		assertThat(reminders.run()).isEmpty();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);

		clock.set(MONDAY_DEC_7_0800);
		assertThat(reminders.run()).hasSize(1);
		List<ChatMessage> messages = sent().messagesTo(slack(ADA));
		assertThat(messages).hasSize(2);
		assertThat(messages.get(1).summary()).isEqualTo(
				"Still two minutes for this week's reflection, \"Weekly status\"? Reply here or in the prompt's thread.");
		assertThat(occurrence(placementId).getRemindedAt()).isEqualTo(MONDAY_DEC_7_0800);

		clock.set(Instant.parse("2026-12-07T07:05:00Z"));
		assertThat(reminders.run()).isEmpty();
		clock.set(Instant.parse("2026-12-08T10:00:00Z"));
		assertThat(reminders.run()).isEmpty();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
	}

	@Test
	void noReminderBeforeTwentyFourHours() {
		// A Monday prompt: 24 h later is Tuesday 14:00, inside working hours.
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(placementId)),
				new Update().set("schedule.dayOfWeek", "MONDAY"), "placements");
		clock.set(Instant.parse("2026-12-07T13:00:00Z"));
		scheduler.fire(placementId);

		clock.set(Instant.parse("2026-12-08T12:59:00Z"));
		assertThat(reminders.run()).isEmpty();
		clock.set(Instant.parse("2026-12-08T13:00:00Z"));
		assertThat(reminders.run()).hasSize(1);
	}

	@Test
	void noReminderOnceThePromptIsAnswered() {
		promptSentOnFriday();
		directMessage("Ev1", ADA, "1764856800.000100", "We shipped the first prototype.", null);

		clock.set(MONDAY_DEC_7_0800);
		assertThat(reminders.run()).isEmpty();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
	}

	@Test
	void noReminderForASnoozedPrompt() {
		String placementId = promptSentOnFriday();
		mongo.updateFirst(Query.query(Criteria.where("placementId").is(placementId)),
				new Update().set("snoozedUntil", Instant.parse("2026-12-07T09:00:00Z")), PromptOccurrence.class);

		clock.set(MONDAY_DEC_7_0800);
		assertThat(reminders.run()).isEmpty();
	}

	@Test
	void noReminderForASkippedPromptNorWhileAway() {
		// Away on the Friday: the prompt is skipped, so there is nothing to remind about.
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		slashCommand(ADA, "away 2026-12-04 2026-12-04");
		clock.set(FRIDAY_DEC_4);
		scheduler.fire(placementId);
		clock.set(MONDAY_DEC_7_0800);
		assertThat(reminders.run()).isEmpty();

		// Sent on the 11th, then away on Monday the 14th: no reminder that day.
		clock.set(Instant.parse("2026-12-11T13:00:00Z"));
		scheduler.fire(placementId);
		slashCommand(ADA, "away 2026-12-14 2026-12-14");
		clock.set(Instant.parse("2026-12-14T09:00:00Z"));
		assertThat(reminders.run()).isEmpty();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
	}

	@Test
	void noReminderForSomeoneWhoTurnedThemOffAndOneAgainAfterTurningThemOn() {
		promptSentOnFriday();

		slashCommand(ADA, "reminders off");
		clock.set(MONDAY_DEC_7_0800);
		assertThat(reminders.run()).isEmpty();

		slashCommand(ADA, "reminders on");
		assertThat(reminders.run()).hasSize(1);
	}

	@Test
	void theChosenLanguageIsUsedForPromptsRemindersAndDigests() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		slashCommand(ADA, "language sv");
		slashCommand("UMAJA", "language sv");

		clock.set(FRIDAY_DEC_4);
		scheduler.fire(placementId);
		clock.set(MONDAY_DEC_7_0800);
		reminders.run();

		List<ChatMessage> toAda = sent().messagesTo(slack(ADA));
		assertThat(words(toAda.get(0))).contains("Vecka 5 av 26 på Scania");
		assertThat(toAda.get(1).summary()).isEqualTo(
				"Har du två minuter för veckans reflektion, \"Veckans läge\"? Svara här eller i frågans tråd.");

		digests.sendAll();
		assertThat(sent().messagesTo(slack("UMAJA"))).last()
			.satisfies(m -> assertThat(m.summary()).startsWith("Dina placeringar den här veckan"));
	}

	@Test
	void noReminderWhileTheProgrammeIsClosedAndOneAfterIt() {
		String placementId = promptSentOnFriday();
		// the programme closes from Monday to Wednesday (Ada is in KTP 2026)
		java.net.http.HttpResponse<String> closed = postJson("/api/v1/placements:pause",
				"{\"program\": \"KTP 2026\", \"from\": \"2026-12-07\", \"to\": \"2026-12-09\"}");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
		sent().reset();

		clock.set(MONDAY_DEC_7_0800);
		assertThat(reminders.run()).as("closed on Monday").isEmpty();
		clock.set(Instant.parse("2026-12-09T10:00:00Z"));
		assertThat(reminders.run()).as("closed on Wednesday").isEmpty();
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrence(placementId).getRemindedAt()).isNull();

		// open again on Thursday, and the prompt is still unanswered and the newest one
		clock.set(Instant.parse("2026-12-10T07:00:00Z"));
		assertThat(reminders.run()).containsExactly(occurrence(placementId).getId());
		assertThat(sent().messagesTo(slack(ADA))).singleElement()
			.satisfies(m -> assertThat(m.summary()).startsWith("Still two minutes"));
	}

	private String promptSentOnFriday() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		clock.set(FRIDAY_DEC_4);
		scheduler.fire(placementId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
		return placementId;
	}

	private PromptOccurrence occurrence(String placementId) {
		return mongo.findOne(Query.query(Criteria.where("placementId").is(placementId)), PromptOccurrence.class);
	}
}
