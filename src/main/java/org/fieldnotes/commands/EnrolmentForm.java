package org.fieldnotes.commands;

import java.util.List;

/**
 * An enrolment as an admin filled it in on a chat platform (command arguments or a form). People are chat member ids
 * (looked up for name, time zone and language); a manager or coach may instead be an e-mail address, for someone
 * outside the workspace. Every value is a string as typed, {@literal null} when not given.
 *
 * <p>Errors name the fields as the command spells them: {@code participant}, {@code program}, {@code host},
 * {@code start}, {@code end}, {@code manager}, {@code academic-coach}, {@code business-coach}, {@code day},
 * {@code time}, {@code work-days}, {@code tz}, {@code lang}, {@code added-value}.
 */
public record EnrolmentForm(String participant, String program, String host, String start, String end,
		String manager, String academicCoach, String businessCoach, String day, String time, List<String> workDays,
		String timezone, String language, String addedValue) {

	/** A form without the added value for the host. */
	public EnrolmentForm(String participant, String program, String host, String start, String end, String manager,
			String academicCoach, String businessCoach, String day, String time, List<String> workDays,
			String timezone, String language) {
		this(participant, program, host, start, end, manager, academicCoach, businessCoach, day, time, workDays,
				timezone, language, null);
	}
}
