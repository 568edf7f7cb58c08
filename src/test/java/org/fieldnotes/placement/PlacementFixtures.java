package org.fieldnotes.placement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * Placements built in memory for unit tests of other modules, through the constructor the store uses (it is
 * package-private, so this fixture lives in the placement package).
 */
public final class PlacementFixtures {

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private PlacementFixtures() {
	}

	/**
	 * An active placement of participant UADA in the given IANA time zone, prompted on {@code day} at
	 * {@code time} local time, from {@code start} to {@code end} (ISO dates).
	 */
	public static Placement placement(String zone, String start, String end, DayOfWeek day, String time) {
		return placement(zone, start, end, day, time, null, null);
	}

	/**
	 * The same, with the participant's work days ({@literal null}: Monday to Friday) and holiday country
	 * ({@literal null}: the time zone's).
	 */
	public static Placement placement(String zone, String start, String end, DayOfWeek day, String time,
			Set<DayOfWeek> workDays, String country) {
		Person participant = new Person("Ada Lindqvist", "UADA", null, zone, "en", country);
		Person manager = new Person("Maja Berg", "UMAJA", null, zone, "en");
		return new Placement("placement-" + start + "-" + end, participant, "KTP 2026", "Scania",
				LocalDate.parse(start), LocalDate.parse(end), manager, null, null,
				new PromptSchedule(day, LocalTime.parse(time)), workDays, PlacementStatus.ACTIVE, CREATED, CREATED, CREATED, null);
	}

	/**
	 * An active placement with these people (Slack member ids; {@literal null} for a role nobody holds), all in
	 * Stockholm.
	 */
	public static Placement withPeople(String id, String participant, String manager, String academicCoach,
			String businessCoach) {
		return new Placement(id, person("Participant", participant), "KTP 2026", "Scania", LocalDate.parse("2026-11-02"),
				LocalDate.parse("2027-04-30"), person("Manager", manager), person("Academic coach", academicCoach),
				person("Business coach", businessCoach), new PromptSchedule(DayOfWeek.FRIDAY, LocalTime.parse("14:00")),
				null, PlacementStatus.ACTIVE, CREATED, CREATED, CREATED, null);
	}

	/** An active placement of participant UPARTICIPANT in {@code program}, with nobody else. */
	public static Placement inProgram(String id, String program) {
		return new Placement(id, person("Participant", "UPARTICIPANT"), program, "Scania", LocalDate.parse("2026-11-02"),
				LocalDate.parse("2027-04-30"), null, null, null, new PromptSchedule(DayOfWeek.FRIDAY, LocalTime.parse("14:00")),
				null, PlacementStatus.ACTIVE, CREATED, CREATED, CREATED, null);
	}

	private static Person person(String name, String slackUserId) {
		return slackUserId == null ? null : new Person(name, slackUserId, null, "Europe/Stockholm", "en");
	}
}
