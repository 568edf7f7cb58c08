package org.fieldnotes.admin.api;

import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.AccountDraft;
import org.fieldnotes.placement.Violation;

/**
 * The body of {@code POST /api/v1/placements}. Every value is read as a string so that a wrong one is reported by
 * field name rather than as unreadable JSON.
 */
record PlacementRequest(PersonRequest participant, String program, String hostOrganisation, String startDate,
		String endDate, PersonRequest manager, PersonRequest academicCoach, PersonRequest businessCoach,
		ScheduleRequest schedule, List<String> workDays, List<String> learningGoals, String addedValue) {

	/**
	 * The platform of {@code slackUserId}, the API's original way of naming a person's chat account (still
	 * accepted, as documented): a Slack member id, which the Slack adapter reads.
	 */
	static final String SLACK = "slack";

	/**
	 * A person: their chat accounts as {@code accounts} ({@code platform}, {@code workspace}, {@code memberId}; the
	 * first is where messages go) and/or {@code slackUserId} (a Slack account, taken first), an e-mail address, time
	 * zone, language and holiday country.
	 */
	record PersonRequest(String name, String slackUserId, String email, String timezone, String locale,
			String country, List<AccountRequest> accounts) {

		PlacementDraft.PersonDraft draft() {
			List<AccountDraft> drafts = new ArrayList<>();
			if (slackUserId != null && !slackUserId.isBlank()) {
				drafts.add(new AccountDraft(SLACK, null, slackUserId));
			}
			if (accounts != null) {
				accounts.forEach(a -> drafts.add(a == null ? new AccountDraft(null, null, null)
						: new AccountDraft(a.platform(), a.workspace(), a.memberId())));
			}
			return new PlacementDraft.PersonDraft(name, drafts, email, timezone, locale, country);
		}

		/**
		 * A violation's field as this caller wrote it: {@code slackUserId} for its account when given that way (and
		 * for the accounts as a whole when {@code accounts} was not used), else {@code accounts[i]…} counted in the
		 * caller's own list.
		 */
		String field(String role, String field) {
			String accountsField = role + ".accounts";
			if (!field.startsWith(accountsField)) {
				return field;
			}
			boolean slackFirst = slackUserId != null && !slackUserId.isBlank();
			String rest = field.substring(accountsField.length());
			if (rest.isEmpty()) {
				// the accounts as a whole: the caller's own list, or, when they never used one, slackUserId
				return accounts == null ? role + ".slackUserId" : field;
			}
			int close = rest.indexOf(']');
			if (!rest.startsWith("[") || close < 0) {
				return field;
			}
			int index = Integer.parseInt(rest.substring(1, close));
			if (slackFirst && index == 0) {
				return role + ".slackUserId";
			}
			return accountsField + "[" + (slackFirst ? index - 1 : index) + "]" + rest.substring(close + 1);
		}
	}

	/** One chat account: {@code {"platform": "slack", "workspace": "T…", "memberId": "U…"}}. */
	record AccountRequest(String platform, String workspace, String memberId) {
	}

	record ScheduleRequest(String dayOfWeek, String time) {
	}

	PlacementDraft draft() {
		return new PlacementDraft(person(participant), program, hostOrganisation, startDate, endDate, person(manager),
				person(academicCoach), person(businessCoach),
				schedule == null ? null : new PlacementDraft.ScheduleDraft(schedule.dayOfWeek(), schedule.time()),
				workDays, learningGoals, addedValue);
	}

	/** The refusal with its fields named as this caller wrote them ({@code participant.slackUserId}, …). */
	InvalidPlacement asWritten(InvalidPlacement refusal) {
		List<Violation> renamed = refusal.violations().stream()
			.map(v -> new Violation(field(v.field()), v.message(), v.code(), v.args()))
			.toList();
		return new InvalidPlacement(renamed);
	}

	private String field(String field) {
		String role = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
		PersonRequest person = switch (role) {
			case "participant" -> participant;
			case "manager" -> manager;
			case "academicCoach" -> academicCoach;
			case "businessCoach" -> businessCoach;
			default -> null;
		};
		return person == null ? field : person.field(role, field);
	}

	/** The participant as the audit trail names someone not yet enrolled: their Slack member id, if given. */
	String participantAsTyped() {
		return participant == null ? null : participant.slackUserId();
	}

	private static PlacementDraft.PersonDraft person(PersonRequest request) {
		return request == null ? null : request.draft();
	}
}
