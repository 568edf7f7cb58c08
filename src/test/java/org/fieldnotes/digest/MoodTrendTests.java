package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.junit.jupiter.api.Test;

/** The mood trend: one mood per 7-day window over the last 4 weeks, oldest first, and its direction. */
class MoodTrendTests {

	private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

	@Test
	void fallingRisingAndSteadyCompareTheLatestWeekWithTheOldest() {
		assertThat(trend(4, 3, 2).moods()).containsExactly(4, 3, 2);
		assertThat(trend(4, 3, 2).direction()).isEqualTo(MoodTrend.Direction.FALLING);
		assertThat(trend(2, 3, 5).direction()).isEqualTo(MoodTrend.Direction.RISING);
		assertThat(trend(3, 1, 3).direction()).isEqualTo(MoodTrend.Direction.STEADY);
	}

	@Test
	void oneWeekHasNoDirectionAndNoWeekNoMoods() {
		assertThat(trend(3).moods()).containsExactly(3);
		assertThat(trend(3).direction()).isNull();
		assertThat(MoodTrend.of(List.of(), NOW).moods()).isEmpty();
	}

	@Test
	void eachWeekCountsItsLatestUpdateAndWeeksWithoutOneAreLeftOut() {
		List<StatusUpdate> newestFirst = List.of(update(NOW.minus(Duration.ofDays(1)), 2),
				update(NOW.minus(Duration.ofDays(2)), 5), // same week, older: not counted
				update(NOW.minus(Duration.ofDays(20)), 4), // three weeks back; the two weeks between have none
				update(NOW.minus(Duration.ofDays(29)), 1)); // older than 4 weeks

		MoodTrend trend = MoodTrend.of(newestFirst, NOW);

		assertThat(trend.moods()).containsExactly(4, 2);
		assertThat(trend.direction()).isEqualTo(MoodTrend.Direction.FALLING);
	}

	/** One update a week, oldest mood first, the latest a day before {@link #NOW}. */
	private static MoodTrend trend(int... moods) {
		List<StatusUpdate> newestFirst = new ArrayList<>();
		for (int i = moods.length - 1, week = 0; i >= 0; i--, week++) {
			newestFirst.add(update(NOW.minus(Duration.ofDays(1 + 7L * week)), moods[i]));
		}
		return MoodTrend.of(newestFirst, NOW);
	}

	private static StatusUpdate update(Instant at, int mood) {
		return new StatusUpdate("s-" + at, "p1", "UADA", OverallStatus.GREEN, "progress", null, mood, null,
				"status:" + at, at);
	}
}
