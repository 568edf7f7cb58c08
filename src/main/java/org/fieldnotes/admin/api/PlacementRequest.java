package org.fieldnotes.admin.api;

import java.util.List;

import org.fieldnotes.placement.PlacementDraft;

/**
 * The body of {@code POST /api/v1/placements}. Every value is read as a string so that a wrong one is reported by
 * field name rather than as unreadable JSON.
 */
record PlacementRequest(PersonRequest participant, String program, String hostOrganisation, String startDate,
		String endDate, PersonRequest manager, PersonRequest academicCoach, PersonRequest businessCoach,
		ScheduleRequest schedule, List<String> workDays, List<String> learningGoals) {

	record PersonRequest(String name, String slackUserId, String email, String timezone, String locale,
			String country) {

		PlacementDraft.PersonDraft draft() {
			return new PlacementDraft.PersonDraft(name, slackUserId, email, timezone, locale, country);
		}
	}

	record ScheduleRequest(String dayOfWeek, String time) {
	}

	PlacementDraft draft() {
		return new PlacementDraft(person(participant), program, hostOrganisation, startDate, endDate, person(manager),
				person(academicCoach), person(businessCoach),
				schedule == null ? null : new PlacementDraft.ScheduleDraft(schedule.dayOfWeek(), schedule.time()),
				workDays, learningGoals);
	}

	private static PlacementDraft.PersonDraft person(PersonRequest request) {
		return request == null ? null : request.draft();
	}
}
