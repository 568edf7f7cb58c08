package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Instant;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The day after the end date, at the schedule time inside working hours on a work day, the participant hears once
 * what happens to their logbook. Ada's placement ends on Friday 11 December 2026; the day after is a Saturday, so
 * the note goes on Monday 14 December at 14:00 Stockholm (13:00Z).
 */
class EndOfPlacementTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptScheduler scheduler;

	@Test
	void theParticipantHearsOnceWhatHappensToTheirLogbook() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2026-12-11T13:00:00Z"));
		scheduler.fire(placementId);
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);

		assertThat(scheduler.nextFireTime(placementId)).hasValue(Instant.parse("2026-12-14T13:00:00Z"));

		clock.set(Instant.parse("2026-12-14T13:00:00Z"));
		scheduler.fire(placementId);
		scheduler.fire(placementId);
		scheduler.rebuild();

		assertThat(sent().messagesTo(slack(ADA))).hasSize(2);
		assertThat(sent().messagesTo(slack(ADA)).get(1).summary()).startsWith("Your placement at Scania has ended")
			.contains("your programme coordinator can export it for you")
			.contains("In 3 months I'll ask you one follow-up question");
		assertThat(mongo.getCollection("placement_notices").countDocuments()).isEqualTo(1);
		// Then the follow-up: end + 3 months = Thu 11 Mar 2027, the next Friday is 12 March.
		assertThat(scheduler.nextFireTime(placementId)).hasValue(Instant.parse("2027-03-12T13:00:00Z"));
	}

	@Test
	void inSwedishForSomeoneWhoChoseSwedish() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		slashCommand(ADA, "language sv");

		clock.set(Instant.parse("2026-12-14T13:00:00Z"));
		scheduler.fire(placementId);

		assertThat(sent().messagesTo(slack(ADA))).last()
			.satisfies(m -> assertThat(m.summary()).startsWith("Din placering på Scania är avslutad"));
	}
}
