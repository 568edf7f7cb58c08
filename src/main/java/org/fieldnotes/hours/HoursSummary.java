package org.fieldnotes.hours;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How far a placement is with its hours.
 *
 * @param loggedMinutes every day logged so far, summed
 * @param requiredHours the programme's required total; {@literal null} when it counts no time
 * @param weekMinutes logged for the days of the current calendar week (Monday to today)
 * @param daysLogged how many days carry hours
 * @param lastDay the latest day logged; {@literal null} when none
 * @param expectedMinutes what an even pace over the placement's days would have reached by today, in whole hours (as
 * minutes); {@literal null} when no total is required
 */
public record HoursSummary(long loggedMinutes, Integer requiredHours, long weekMinutes, int daysLogged,
		LocalDate lastDay, Long expectedMinutes) {

	/** Below this share of the even pace, a placement is behind (a fifth of slack for holidays and uneven weeks). */
	static final double BEHIND_BELOW = 0.8;

	/** The even pace's figure by {@code today}: the required total times the share of the placement's days gone. */
	static Long expected(Integer requiredHours, LocalDate start, LocalDate end, LocalDate today) {
		if (requiredHours == null || today.isBefore(start)) {
			return requiredHours == null ? null : 0L;
		}
		long total = ChronoUnit.DAYS.between(start, end) + 1;
		long gone = Math.min(total, ChronoUnit.DAYS.between(start, today) + 1);
		return Math.round((double) requiredHours * gone / total) * 60;
	}

	/** The share of the required total logged, in whole percent; empty when no total is required. */
	public Optional<Integer> percent() {
		return requiredHours == null || requiredHours == 0 ? Optional.empty()
				: Optional.of((int) Math.floor(100.0 * loggedMinutes / (requiredHours * 60.0)));
	}

	/** Minutes still to log to reach the total (0 once reached); empty when no total is required. */
	public Optional<Long> remainingMinutes() {
		return requiredHours == null ? Optional.empty() : Optional.of(Math.max(0, requiredHours * 60L - loggedMinutes));
	}

	/** Whether the placement is clearly behind an even pace (below {@link #BEHIND_BELOW} of it). */
	public boolean behind() {
		return expectedMinutes != null && expectedMinutes > 0 && loggedMinutes < BEHIND_BELOW * expectedMinutes;
	}
}
