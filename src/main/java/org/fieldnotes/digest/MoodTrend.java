package org.fieldnotes.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fieldnotes.logbook.StatusUpdate;

/**
 * The mood trend an academic coach reads: one mood per week over the last {@link #WEEKS} weeks (the latest status
 * update of each 7-day window counting back from now; weeks without one are left out), oldest first, and whether
 * it went up, down or stayed, comparing the latest with the oldest of them.
 *
 * @param moods 1 (low) to 5 (great), oldest first; empty when no update fell in the window
 */
record MoodTrend(List<Integer> moods) {

	static final int WEEKS = 4;
	private static final Duration WEEK = Duration.ofDays(7);

	MoodTrend {
		moods = List.copyOf(moods);
	}

	/** @param readableNewestFirst only the status updates the reader may see, newest first */
	static MoodTrend of(List<StatusUpdate> readableNewestFirst, Instant now) {
		List<Integer> moods = new ArrayList<>();
		for (int week = 0; week < WEEKS; week++) {
			Instant to = now.minus(WEEK.multipliedBy(week));
			Instant from = to.minus(WEEK);
			readableNewestFirst.stream()
				.filter(u -> !u.createdAt().isBefore(from) && u.createdAt().isBefore(to))
				.findFirst()
				.ifPresent(u -> moods.add(u.mood()));
		}
		Collections.reverse(moods);
		return new MoodTrend(moods);
	}

	/** RISING, FALLING or STEADY; {@literal null} with fewer than two weeks to compare. */
	Direction direction() {
		if (moods.size() < 2) {
			return null;
		}
		int change = moods.get(moods.size() - 1) - moods.get(0);
		return change > 0 ? Direction.RISING : change < 0 ? Direction.FALLING : Direction.STEADY;
	}

	enum Direction {
		RISING, FALLING, STEADY
	}
}
