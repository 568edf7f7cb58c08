package org.fieldnotes.prompting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workingHours when participants may get messages, local time, {@code HH:MM-HH:MM}
 * ({@code FIELDNOTES_WORKING_HOURS}); outside it (and on days off) Fieldnotes stays quiet
 * @param reminderAfter the one reminder for an unanswered prompt goes this long after it was sent
 * ({@code FIELDNOTES_REMINDER_AFTER})
 */
@ConfigurationProperties("fieldnotes.calendar")
record CalendarSettings(@DefaultValue("08:00-18:00") String workingHours,
		@DefaultValue("PT24H") Duration reminderAfter) {
}
