package org.fieldnotes.hours;

import java.util.List;

/**
 * Why hours were not logged; nothing was stored.
 *
 * @param code what is wrong: {@code tooMany} (more than a day), {@code future}, {@code beforeStart},
 * {@code afterEnd}, {@code noteTooLong}
 * @param args what the message about it names (dates, limits)
 */
public record HoursProblem(String code, List<Object> args) {

	public HoursProblem {
		args = List.copyOf(args);
	}
}
