package org.fieldnotes.retention;

import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param period how long after a placement ended its logbook is kept ({@code FIELDNOTES_RETENTION}); see
 * {@link RetentionPeriod} for the format
 * @param time when the daily sweep runs, UTC, {@code HH:MM} ({@code FIELDNOTES_RETENTION_TIME}); it also runs once at
 * start
 */
@ConfigurationProperties("fieldnotes.retention")
record RetentionSettings(@DefaultValue("P365D") String period, @DefaultValue("03:30") String time) {

	/** Checked at start: a value that cannot be read stops start-up with a message naming the variable. */
	RetentionSettings {
		RetentionPeriod.parse(period);
		sweepTime(time);
	}

	Period retention() {
		return RetentionPeriod.parse(period);
	}

	LocalTime sweepTime() {
		return sweepTime(time);
	}

	private static LocalTime sweepTime(String time) {
		if (time == null || time.isBlank()) {
			return LocalTime.of(3, 30);
		}
		try {
			return LocalTime.parse(time.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("FIELDNOTES_RETENTION_TIME is '" + time.strip()
					+ "', which is not a time of day: use HH:MM (UTC), e.g. 03:30");
		}
	}
}
