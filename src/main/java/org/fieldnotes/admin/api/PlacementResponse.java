package org.fieldnotes.admin.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.placement.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;

/**
 * A placement as the admin API shows it.
 */
record PlacementResponse(String id, PersonResponse participant, String program, String hostOrganisation,
		LocalDate startDate, LocalDate endDate, PersonResponse manager, PersonResponse academicCoach,
		PersonResponse businessCoach, ScheduleResponse schedule, List<DayOfWeek> workDays, PlacementStatus status,
		Instant createdAt, Instant updatedAt, List<String> learningGoals) {

	record PersonResponse(String name, String slackUserId, String email, String timezone, String locale,
			String country) {

		static PersonResponse of(Person person) {
			return person == null ? null
					: new PersonResponse(person.name(), person.slackUserId(), person.email(), person.timezone(),
							person.locale(), person.country());
		}
	}

	record ScheduleResponse(String dayOfWeek, String time) {
	}

	static PlacementResponse of(Placement p) {
		return new PlacementResponse(p.getId(), PersonResponse.of(p.getParticipant()), p.getProgram(),
				p.getHostOrganisation(), p.getStartDate(), p.getEndDate(), PersonResponse.of(p.getManager()),
				PersonResponse.of(p.getAcademicCoach()), PersonResponse.of(p.getBusinessCoach()),
				new ScheduleResponse(p.getSchedule().dayOfWeek().name(), p.getSchedule().time().toString()),
				p.getWorkDays().stream().sorted().toList(), p.getStatus(), p.getCreatedAt(), p.getUpdatedAt(),
				p.getLearningGoals());
	}
}
