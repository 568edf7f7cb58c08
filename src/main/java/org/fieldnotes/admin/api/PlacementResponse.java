package org.fieldnotes.admin.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;

/**
 * A placement as the admin API shows it.
 */
record PlacementResponse(String id, PersonResponse participant, String program, String hostOrganisation,
		LocalDate startDate, LocalDate endDate, PersonResponse manager, PersonResponse academicCoach,
		PersonResponse businessCoach, ScheduleResponse schedule, List<DayOfWeek> workDays, PlacementStatus status,
		Instant createdAt, Instant updatedAt, List<String> learningGoals, List<ClosureResponse> closures,
		String addedValue) {

	/** A closure window of the placement's programme (or of every programme): no prompts from {@code from} to {@code to}. */
	record ClosureResponse(String id, String program, LocalDate from, LocalDate to, String reason) {

		static ClosureResponse of(Closure closure) {
			return new ClosureResponse(closure.id(), closure.program(), closure.from(), closure.to(), closure.reason());
		}
	}

	/**
	 * A person: the documented fields ({@code slackUserId}: their Slack member id, if they have a Slack account;
	 * {@code email}: the address e-mail goes to), and their {@code personId} and every chat account.
	 */
	record PersonResponse(String name, String slackUserId, String email, String timezone, String locale,
			String country, String personId, List<AccountResponse> accounts) {

		static PersonResponse of(Person person, Predicate<ChatAccount> reachable) {
			return person == null ? null
					: new PersonResponse(person.name(),
							person.account(PlacementRequest.SLACK).map(ChatAccount::memberId).orElse(null),
							person.email(), person.timezone(), person.locale(), person.country(), person.id().value(),
							person.accounts().stream().map(a -> AccountResponse.of(a, reachable)).toList());
		}
	}

	/**
	 * A chat account, and whether Fieldnotes can write to it now: {@code false} while the platform cannot reach the
	 * person yet (on Teams: the app is not installed for them; until it is, what goes to them goes by e-mail).
	 */
	record AccountResponse(String platform, String workspace, String memberId, boolean reachable) {

		static AccountResponse of(ChatAccount account, Predicate<ChatAccount> reachable) {
			return new AccountResponse(account.platform(), account.workspace(), account.memberId(),
					reachable.test(account));
		}
	}

	record ScheduleResponse(String dayOfWeek, String time) {
	}

	/** @param reachable whether the platform can write to an account now ({@code Messenger#reachable}) */
	static PlacementResponse of(Placement p, Predicate<ChatAccount> reachable) {
		return of(p, reachable, List.of());
	}

	/** @param closures the closures of the placement's programme, shown in {@code closures} */
	static PlacementResponse of(Placement p, Predicate<ChatAccount> reachable, List<Closure> closures) {
		return new PlacementResponse(p.getId(), PersonResponse.of(p.getParticipant(), reachable), p.getProgram(),
				p.getHostOrganisation(), p.getStartDate(), p.getEndDate(), PersonResponse.of(p.getManager(), reachable),
				PersonResponse.of(p.getAcademicCoach(), reachable), PersonResponse.of(p.getBusinessCoach(), reachable),
				new ScheduleResponse(p.getSchedule().dayOfWeek().name(), p.getSchedule().time().toString()),
				p.getWorkDays().stream().sorted().toList(), p.getStatus(), p.getCreatedAt(), p.getUpdatedAt(),
				p.getLearningGoals(), closures.stream().map(ClosureResponse::of).toList(), p.getAddedValue());
	}
}
