package org.fieldnotes.placement;

import java.util.List;

/**
 * A placement as someone typed it (API body, CSV row, modal): every value still a string, checked by
 * {@link PlacementManagement#enrol(PlacementDraft)} so that every caller gets the same rules and field names.
 */
public record PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
		String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
		ScheduleDraft schedule, List<String> workDays, List<String> learningGoals) {

	/** A draft without learning goals. */
	public PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
			String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
			ScheduleDraft schedule, List<String> workDays) {
		this(participant, program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach,
				schedule, workDays, null);
	}

	/** A draft without work days: the participant works Monday to Friday. */
	public PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
			String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
			ScheduleDraft schedule) {
		this(participant, program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach,
				schedule, null, null);
	}

	public record PersonDraft(String name, String slackUserId, String email, String timezone, String locale,
			String country) {

		public PersonDraft(String name, String slackUserId, String email, String timezone, String locale) {
			this(name, slackUserId, email, timezone, locale, null);
		}
	}

	public record ScheduleDraft(String dayOfWeek, String time) {
	}
}
