package org.fieldnotes.prompting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.fieldnotes.placement.Placement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When Fieldnotes may write to a participant: within the working hours ({@code FIELDNOTES_WORKING_HOURS}, default
 * 08:00-18:00, start inclusive, end exclusive) in their time zone, on one of their work days that is not a public
 * holiday ({@link WorkCalendar}). Every message to a participant that is not an answer to something they did
 * (prompts, reminders, snooze re-sends, the end-of-placement note) asks {@link #nextAllowed} first.
 */
@Component
public class QuietHours {

	private final LocalTime start;
	/** Exclusive; {@link LocalTime#MAX} for "until midnight". */
	private final LocalTime end;
	private final WorkCalendar workCalendar;

	@Autowired
	QuietHours(CalendarSettings settings, WorkCalendar workCalendar) {
		this(settings.workingHours(), workCalendar);
	}

	/**
	 * @param workingHours {@code HH:MM-HH:MM}, e.g. {@code 08:00-18:00}; {@code 00:00-24:00} allows any time
	 */
	QuietHours(String workingHours, WorkCalendar workCalendar) {
		String[] parts = workingHours == null ? new String[0] : workingHours.strip().split("-");
		try {
			if (parts.length != 2) {
				throw new DateTimeParseException("no dash", workingHours, 0);
			}
			this.start = LocalTime.parse(parts[0].strip());
			this.end = parts[1].strip().equals("24:00") ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("FIELDNOTES_WORKING_HOURS must look like 08:00-18:00 (it is '"
					+ workingHours + "')");
		}
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException(
					"FIELDNOTES_WORKING_HOURS must start before it ends (it is '" + workingHours + "')");
		}
		this.workCalendar = workCalendar;
	}

	/** Whether a message may reach the participant at {@code at}. */
	public boolean isAllowed(Placement placement, Instant at) {
		return nextAllowed(placement, at).equals(at);
	}

	/**
	 * The first moment at or after {@code at} when a message may reach the participant: {@code at} itself when it
	 * is within working hours on a work day; the start of working hours that day when earlier; otherwise the same
	 * time (or the start of working hours, when it was later than their end) on the next work day.
	 */
	public Instant nextAllowed(Placement placement, Instant at) {
		ZoneId zone = placement.getParticipant().zone();
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		LocalDateTime allowed = nextAllowed(placement, local);
		return allowed.equals(local) ? at : ZonedDateTime.of(allowed, zone).toInstant();
	}

	/** The same rule on the participant's local clock; the calendar moves schedule times with it. */
	LocalDateTime nextAllowed(Placement placement, LocalDateTime local) {
		LocalDate date = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		if (time.isBefore(start)) {
			time = start;
		}
		else if (!time.isBefore(end)) {
			date = date.plusDays(1);
			time = start;
		}
		return workCalendar.nextWorkDay(placement, date).atTime(time);
	}
}
