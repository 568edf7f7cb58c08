package org.fieldnotes.placement;

/**
 * A placement as someone typed it (API body, CSV row, modal): every value still a string, checked by
 * {@link PlacementManagement#enrol(PlacementDraft)} so that every caller gets the same rules and field names.
 */
public record PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
		String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
		ScheduleDraft schedule) {

	public record PersonDraft(String name, String slackUserId, String email, String timezone, String locale) {
	}

	public record ScheduleDraft(String dayOfWeek, String time) {
	}
}
