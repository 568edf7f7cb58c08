package org.fieldnotes.placement;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fieldnotes.people.Person;

/**
 * A placement changed by an admin ({@link PlacementManagement#change}): as it was, as it is now, and which fields
 * differ. Published as an event (on this instance) when something changed, so that everyone affected is told.
 *
 * @param fields the names of the fields that differ, in {@link PlacementPatch#FIELDS} order, and {@code status} when
 * the change reopened an ended placement; empty when nothing changed (then nothing was saved)
 * @param by who made the change, as the audit trail names them ({@code api}, a person id)
 */
public record PlacementEdit(Placement before, Placement after, List<String> fields, String by) {

	public PlacementEdit {
		fields = List.copyOf(fields);
	}

	public boolean changedAnything() {
		return !fields.isEmpty();
	}

	/**
	 * What the audit trail notes of the change: the names of the fields changed, with old → new for those that say
	 * nothing about anyone (programme, host, dates, schedule, work days, status); people, time zone, language and
	 * learning goals by name only. E.g. {@code changed: endDate 2027-05-31→2027-08-31, businessCoach}.
	 */
	public String auditNote() {
		if (fields.isEmpty()) {
			return "nothing changed";
		}
		List<String> parts = new java.util.ArrayList<>();
		for (String field : fields) {
			String values = switch (field) {
				case "program" -> before.getProgram() + "→" + after.getProgram();
				case "hostOrganisation" -> before.getHostOrganisation() + "→" + after.getHostOrganisation();
				case "startDate" -> before.getStartDate() + "→" + after.getStartDate();
				case "endDate" -> before.getEndDate() + "→" + after.getEndDate();
				case "schedule" -> schedule(before) + "→" + schedule(after);
				case "workDays" -> days(before) + "→" + days(after);
				case "status" -> before.getStatus() + "→" + after.getStatus();
				default -> null;
			};
			parts.add(values == null ? field : field + " " + values);
		}
		return "changed: " + String.join(", ", parts);
	}

	private static String schedule(Placement placement) {
		return placement.getSchedule().dayOfWeek() + " " + placement.getSchedule().time();
	}

	private static String days(Placement placement) {
		return placement.getWorkDays().stream().sorted().map(d -> d.name().substring(0, 3))
			.collect(java.util.stream.Collectors.joining(";"));
	}

	/** The followers (by role) who follow the placement now and did not before in that role. */
	public Map<Role, Person> joined() {
		return difference(after.followers(), before.followers());
	}

	/** The followers (by role) who followed the placement before and no longer do in that role. */
	public Map<Role, Person> left() {
		return difference(before.followers(), after.followers());
	}

	private static Map<Role, Person> difference(Map<Role, Person> these, Map<Role, Person> those) {
		Map<Role, Person> found = new java.util.EnumMap<>(Role.class);
		these.forEach((role, person) -> {
			Person other = those.get(role);
			if (other == null || !Objects.equals(other.id(), person.id())) {
				found.put(role, person);
			}
		});
		return found;
	}
}
