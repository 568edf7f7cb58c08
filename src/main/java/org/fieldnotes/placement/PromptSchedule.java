package org.fieldnotes.placement;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When a participant is prompted: a day of the week and a local time in their own time zone.
 */
public record PromptSchedule(DayOfWeek dayOfWeek, LocalTime time) {

	public static final PromptSchedule DEFAULT = new PromptSchedule(DayOfWeek.FRIDAY, LocalTime.of(14, 0));
}
