package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;


/**
 * {@code /fieldnotes away}: participants set an absence in their own dates; prompts due then are recorded as
 * skipped (reason "away") instead of sent. The clock starts on Wednesday 2 December 2026 (Stockholm); Ada is
 * prompted on Fridays at 14:00 (13:00Z), so 4, 11 and 18 December.
 */
class AbsenceTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptScheduler scheduler;

	@Test
	void aPromptDueWhileAwayIsRecordedSkippedAndTheNextOneAfterTheAbsenceIsSent() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(answer(ADA, "away 2026-12-07 2026-12-11")).contains("Away from Mon 7 Dec 2026 to Fri 11 Dec 2026");

		clock.set(Instant.parse("2026-12-04T13:00:00Z"));
		scheduler.fire(placementId);
		clock.set(Instant.parse("2026-12-11T13:00:00Z"));
		scheduler.fire(placementId);
		clock.set(Instant.parse("2026-12-18T13:00:00Z"));
		scheduler.fire(placementId);

		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
		assertThat(occurrences(placementId))
			.extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus, PromptOccurrence::getSkipReason)
			.containsExactly(tuple(LocalDate.parse("2026-12-04"), OccurrenceStatus.SENT, null),
					tuple(LocalDate.parse("2026-12-11"), OccurrenceStatus.SKIPPED, "away"),
					tuple(LocalDate.parse("2026-12-18"), OccurrenceStatus.SENT, null));
	}

	@Test
	void awayOffBeforeTheDueDateLetsThePromptThrough() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		answer(ADA, "away 2026-12-03 2026-12-31");

		assertThat(answer(ADA, "away")).contains("You are away from Thu 3 Dec 2026 to Thu 31 Dec 2026");
		assertThat(answer(ADA, "away off")).contains("Welcome back");
		assertThat(answer(ADA, "away")).contains("You have no absence set");

		clock.set(Instant.parse("2026-12-04T13:00:00Z"));
		scheduler.fire(placementId);
		assertThat(occurrences(placementId)).extracting(PromptOccurrence::getStatus)
			.containsExactly(OccurrenceStatus.SENT);
	}

	@Test
	void theAbsenceIsInclusiveAndInTheParticipantsZone() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		// Ends on Friday 4 December: the prompt that day (14:00 in Stockholm) is skipped.
		answer(ADA, "away 2026-12-02 2026-12-04");

		clock.set(Instant.parse("2026-12-04T13:00:00Z"));
		scheduler.fire(placementId);

		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrences(placementId)).extracting(PromptOccurrence::getStatus)
			.containsExactly(OccurrenceStatus.SKIPPED);
	}

	@Test
	void badInputGetsTheUsageLineInThePersonsLanguage() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(answer(ADA, "away next week")).contains("as YYYY-MM-DD")
			.contains("/fieldnotes away &lt;from&gt; &lt;to&gt;");
		assertThat(answer(ADA, "away 2026-12-21")).contains("as YYYY-MM-DD");
		assertThat(answer(ADA, "away 2027-01-06 2026-12-21")).contains("comes before the first");
		// Today is 2 December in Stockholm: an absence that ended on the 1st is over.
		assertThat(answer(ADA, "away 2026-11-20 2026-12-01")).contains("already over");
		assertThat(answer(ADA, "away 2026-11-20 2026-12-02")).contains("Away from");

		answer(ADA, "language sv");
		assertThat(answer(ADA, "away 2027-01-06 2026-12-21")).contains("Sista dagen kommer före den första")
			.contains("Användning: /fieldnotes away &lt;från&gt; &lt;till&gt;");
	}

	@Test
	void someoneWithoutAPlacementCannotBeAway() {
		assertThat(answer("UNOBODY", "away 2026-12-21 2027-01-06")).contains("not enrolled");
	}

	private String answer(String userId, String text) {
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		return texts(json(response.body()).get("blocks"));
	}

	private List<PromptOccurrence> occurrences(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("dueAt")),
				PromptOccurrence.class, "prompt_occurrences");
	}
}
