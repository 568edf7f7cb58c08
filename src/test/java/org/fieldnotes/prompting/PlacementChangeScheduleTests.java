package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A placement changed through {@code PATCH /api/v1/placements/{id}} is scheduled anew at once (and logged for the
 * other instances): a new prompt day, time or time zone moves its next prompt, new dates change its weeks, and an
 * end date moved to the future prompts a placement that had ended again, without counting the weeks it was over as
 * missed. Ada is prompted on Fridays at 14:00 Stockholm; DEFAULT_NOW is Wednesday 2 December 2026.
 */
class PlacementChangeScheduleTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	PlacementManagement placements;

	@Test
	void aNewPromptDayTimeAndTimeZoneMoveTheNextPrompt() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(scheduler.nextFireTime(id)).hasValue(Instant.parse("2026-12-04T13:00:00Z"));

		assertThat(patch(id, "{\"schedule\": {\"dayOfWeek\": \"MONDAY\", \"time\": \"09:00\"}}").statusCode())
			.isEqualTo(200);
		assertThat(scheduler.nextFireTime(id)).hasValue(Instant.parse("2026-12-07T08:00:00Z"));

		assertThat(patch(id, "{\"timezone\": \"Europe/London\"}").statusCode()).isEqualTo(200);
		assertThat(scheduler.nextFireTime(id)).hasValue(Instant.parse("2026-12-07T09:00:00Z"));

		// the other instances learn of each change from the store's change log
		assertThat(mongo.getCollection("placement_changes").countDocuments(new Document("placementId", id)))
			.isEqualTo(3);
	}

	@Test
	void workDaysWithoutThePromptDayMoveItToTheNextWorkDay() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(patch(id, "{\"workDays\": [\"MONDAY\", \"TUESDAY\"]}").statusCode()).isEqualTo(200);

		assertThat(scheduler.nextFireTime(id)).hasValue(Instant.parse("2026-12-07T13:00:00Z"));
	}

	@Test
	void newDatesChangeTheWeeksThePromptCounts() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(patch(id, "{\"endDate\": \"2027-08-31\"}").statusCode()).isEqualTo(200);

		clock.set(Instant.parse("2026-12-04T13:00:00Z"));
		scheduler.fire(id);
		drainOutbox();

		List<ChatMessage> prompts = sent().messagesTo(slack(ADA)).stream()
			.filter(m -> words(m).contains("at Scania")).toList();
		assertThat(prompts).hasSize(1);
		assertThat(words(prompts.get(0))).contains("Week 5 of 44 at Scania");
	}

	@Test
	void anEndedPlacementWhoseEndMovesToTheFutureIsPromptedAgainWithoutMissedWeeks() {
		String id = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2026-12-09T10:00:00Z"));
		placements.end(id);
		assertThat(scheduler.nextFireTime(id)).isEmpty();

		clock.set(Instant.parse("2027-01-05T10:00:00Z"));
		HttpResponse<String> reopened = patch(id, "{\"endDate\": \"2027-03-31\"}");

		assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
		assertThat(json(reopened.body()).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(scheduler.nextFireTime(id)).hasValue(Instant.parse("2027-01-08T13:00:00Z"));
		clock.set(Instant.parse("2027-01-08T13:00:00Z"));
		scheduler.fire(id);
		assertThat(occurrences(id)).extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus)
			.containsExactly(tuple(LocalDate.parse("2027-01-08"), OccurrenceStatus.SENT));
	}

	@Test
	void aPlacementPastItsEndDateWhoseEndMovesIsPromptedAgainFromNow() {
		String id = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2026-12-11T13:00:00Z"));
		scheduler.fire(id);
		assertThat(occurrences(id)).extracting(PromptOccurrence::getDueDate).contains(LocalDate.parse("2026-12-11"));

		clock.set(Instant.parse("2027-01-05T10:00:00Z"));
		assertThat(patch(id, "{\"endDate\": \"2027-03-31\"}").statusCode()).isEqualTo(200);
		clock.set(Instant.parse("2027-01-08T13:00:00Z"));
		scheduler.fire(id);

		// nothing for the weeks it was over (18 December to 1 January): not sent, not missed
		assertThat(occurrences(id)).filteredOn(o -> o.getDueDate().isAfter(LocalDate.parse("2026-12-11")))
			.extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus)
			.containsExactly(tuple(LocalDate.parse("2027-01-08"), OccurrenceStatus.SENT));
	}

	private HttpResponse<String> patch(String id, String body) {
		return send(HttpRequest.newBuilder(uri("/api/v1/placements/" + id))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private List<PromptOccurrence> occurrences(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("dueDate")),
				PromptOccurrence.class);
	}
}
