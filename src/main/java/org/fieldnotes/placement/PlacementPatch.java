package org.fieldnotes.placement;

import java.util.List;
import java.util.Set;

import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementDraft.ScheduleDraft;

/**
 * A change to a placement as someone typed it (API merge patch, CSV row, modal, command line), checked by
 * {@link PlacementManagement#change} with the rules of an enrolment. A value left {@literal null} keeps what the
 * placement has; a field named in {@code removed} is taken away (only the coaches may be, the learning goals and the
 * added value; the
 * schedule and the work days go back to their defaults; anything else removed is refused as required).
 *
 * @param schedule a part left {@literal null} keeps the placement's day or time
 * @param timezone the participant's time zone (an IANA name)
 * @param locale the participant's language ({@code en}, {@code sv})
 * @param removed the fields to take away, named as in {@link PlacementDraft} ({@code academicCoach}, …)
 */
public record PlacementPatch(String program, String hostOrganisation, String startDate, String endDate,
		PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach, ScheduleDraft schedule,
		List<String> workDays, String timezone, String locale, List<String> learningGoals, Set<String> removed,
		String addedValue) {

	/** The fields a patch may name. */
	public static final List<String> FIELDS = List.of("program", "hostOrganisation", "startDate", "endDate", "manager",
			"academicCoach", "businessCoach", "schedule", "workDays", "timezone", "locale", "learningGoals", "addedValue");

	public PlacementPatch {
		removed = removed == null ? Set.of() : Set.copyOf(removed);
		workDays = workDays == null ? null : List.copyOf(workDays);
		learningGoals = learningGoals == null ? null : java.util.Collections.unmodifiableList(
				new java.util.ArrayList<>(learningGoals));
	}

	/** A patch that leaves the added value as it is. */
	public PlacementPatch(String program, String hostOrganisation, String startDate, String endDate,
			PersonDraft manager, PersonDraft academicCoach, PersonDraft businessCoach, ScheduleDraft schedule,
			List<String> workDays, String timezone, String locale, List<String> learningGoals, Set<String> removed) {
		this(program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach, schedule, workDays,
				timezone, locale, learningGoals, removed, null);
	}

	/** Whether the patch removes the field. */
	public boolean removes(String field) {
		return removed.contains(field);
	}
}
