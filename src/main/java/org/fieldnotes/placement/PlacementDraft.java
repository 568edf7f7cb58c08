package org.fieldnotes.placement;

import java.util.List;

/**
 * A placement as someone typed it (API body, CSV row, modal): every value still a string, checked by
 * {@link PlacementManagement#enrol(PlacementDraft)} so that every caller gets the same rules and field names.
 */
public record PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
		String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
		ScheduleDraft schedule, List<String> workDays, List<String> learningGoals, String addedValue) {

	/** A draft without the added value for the host. */
	public PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
			String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
			ScheduleDraft schedule, List<String> workDays, List<String> learningGoals) {
		this(participant, program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach,
				schedule, workDays, learningGoals, null);
	}

	/** A draft without learning goals. */
	public PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
			String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
			ScheduleDraft schedule, List<String> workDays) {
		this(participant, program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach,
				schedule, workDays, null, null);
	}

	/** A draft without work days: the participant works Monday to Friday. */
	public PlacementDraft(PersonDraft participant, String program, String hostOrganisation, String startDate,
			String endDate, PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach,
			ScheduleDraft schedule) {
		this(participant, program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach,
				schedule, null, null, null);
	}

	/**
	 * A person as typed: their name, chat accounts (the first is where messages go), e-mail address, time zone,
	 * language and holiday country. Violations name the accounts {@code <role>.accounts} (none given) and
	 * {@code <role>.accounts[i].platform} / {@code .memberId}; an adapter whose callers spell them otherwise (the
	 * admin API's {@code slackUserId}) renames them.
	 */
	public record PersonDraft(String name, List<AccountDraft> accounts, String email, String timezone, String locale,
			String country) {

		public PersonDraft {
			// not List.copyOf: an account left empty in a request is kept, to be named in the violation
			accounts = accounts == null ? List.of()
					: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(accounts));
		}

		public PersonDraft(String name, List<AccountDraft> accounts, String email, String timezone, String locale) {
			this(name, accounts, email, timezone, locale, null);
		}

		/** A person with at most one chat account ({@literal null}: none). */
		public PersonDraft(String name, AccountDraft account, String email, String timezone, String locale) {
			this(name, account == null ? List.of() : List.of(account), email, timezone, locale, null);
		}
	}

	/**
	 * A chat account as typed: the platform ({@code slack}), the workspace or tenant ({@literal null}: not said) and
	 * the member id, as the platform's people write it (the platform's adapter reads it).
	 */
	public record AccountDraft(String platform, String workspace, String memberId) {
	}

	public record ScheduleDraft(String dayOfWeek, String time) {
	}
}
