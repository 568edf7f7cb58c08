package org.fieldnotes.placement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval how often each instance reads the schedule changes other instances made
 * ({@code FIELDNOTES_SCHEDULE_SYNC}, ISO-8601, at least a second)
 */
@ConfigurationProperties("fieldnotes.schedule-sync")
record ScheduleSyncSettings(@DefaultValue("PT30S") Duration interval) {

	/** Checked at start: a value too short stops start-up with a message naming the variable. */
	ScheduleSyncSettings {
		if (interval == null) {
			interval = Duration.ofSeconds(30);
		}
		if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("FIELDNOTES_SCHEDULE_SYNC is " + interval
					+ ", shorter than a second: use an ISO-8601 duration such as PT30S");
		}
	}
}
