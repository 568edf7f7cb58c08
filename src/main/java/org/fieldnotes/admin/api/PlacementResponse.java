package org.fieldnotes.admin.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;

/**
 * A placement as the admin API shows it.
 */
record PlacementResponse(String id, PersonResponse participant, String program, String hostOrganisation,
		LocalDate startDate, LocalDate endDate, PersonResponse manager, PersonResponse academicCoach,
		PersonResponse businessCoach, ScheduleResponse schedule, List<DayOfWeek> workDays, PlacementStatus status,
		Instant createdAt, Instant updatedAt, List<String> learningGoals) {

	/**
	 * A person: the documented fields ({@code slackUserId}: their Slack member id, if they have a Slack account;
	 * {@code email}: the address e-mail goes to), and their {@code personId} and every chat account.
	 */
	record PersonResponse(String name, String slackUserId, String email, String timezone, String locale,
			String country, String personId, List<AccountResponse> accounts) {

		static PersonResponse of(Person person) {
			return person == null ? null
					: new PersonResponse(person.name(),
							person.account(PlacementRequest.SLACK).map(ChatAccount::memberId).orElse(null),
							person.email(), person.timezone(), person.locale(), person.country(), person.id().value(),
							person.accounts().stream().map(AccountResponse::of).toList());
		}
	}

	record AccountResponse(String platform, String workspace, String memberId) {

		static AccountResponse of(ChatAccount account) {
			return new AccountResponse(account.platform(), account.workspace(), account.memberId());
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
