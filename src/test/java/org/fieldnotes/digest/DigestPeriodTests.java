package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementFixtures;
import org.junit.jupiter.api.Test;

/**
 * A placement is reported from its start date until a week after its end, so coaches see the final week and then
 * stop hearing about it.
 */
class DigestPeriodTests {

	private final Placement placement = PlacementFixtures.placement("Europe/Stockholm", "2026-11-02",
			"2027-04-30", DayOfWeek.FRIDAY, "14:00");

	@Test
	void notBeforeTheStart() {
		assertThat(DigestService.inDigestPeriod(placement, LocalDate.parse("2026-11-01"))).isFalse();
		assertThat(DigestService.inDigestPeriod(placement, LocalDate.parse("2026-11-02"))).isTrue();
	}

	@Test
	void untilAWeekAfterTheEnd() {
		assertThat(DigestService.inDigestPeriod(placement, LocalDate.parse("2027-05-07"))).isTrue();
		assertThat(DigestService.inDigestPeriod(placement, LocalDate.parse("2027-05-08"))).isFalse();
	}
}
