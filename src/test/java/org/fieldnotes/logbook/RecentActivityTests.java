package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Entries and status updates come back together, newest first, cut to the limit. */
class RecentActivityTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	RecentActivity activity;

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Test
	void entriesAndStatusUpdatesInterleaveNewestFirst() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		logbook.write(slack(ADA), "first entry");
		clock.advance(Duration.ofMinutes(1));
		statusUpdates.submit(slack(ADA), new StatusUpdates.Report(OverallStatus.AMBER, "bench test slipping", null, 3), null,
				"test:1");
		clock.advance(Duration.ofMinutes(1));
		logbook.write(slack(ADA), "second entry");

		assertThat(activity.latest(placementId, 10)).extracting(RecentActivity.Item::text)
			.containsExactly("second entry", "bench test slipping", "first entry");
		assertThat(activity.latest(placementId, 2)).extracting(RecentActivity.Item::text)
			.containsExactly("second entry", "bench test slipping");
		assertThat(activity.latest(placementId, 10).get(1).isEntry()).isFalse();
	}
}
