package org.fieldnotes.placement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.people.PersonLookup;

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
		Person participant = new Person(personId("UADA"), "Ada Lindqvist", List.of(slack("UADA")), List.of(), zone, "en",
				country);
		Person manager = new Person(personId("UMAJA"), "Maja Berg", List.of(slack("UMAJA")), List.of(), zone, "en", null);
		return new Placement("placement-" + start + "-" + end, participant, "KTP 2026", "Scania",
				LocalDate.parse(start), LocalDate.parse(end), manager, null, null,
				new PromptSchedule(day, LocalTime.parse(time)), workDays, PlacementStatus.ACTIVE, CREATED, CREATED, CREATED, null);
	}

	/** {@link #placement(String, String, String, DayOfWeek, String)} with learning goals and an added value for the host. */
	public static Placement withGoalsAndAddedValue(List<String> goals, String addedValue) {
		Placement placement = placement("Europe/Stockholm", "2026-11-02", "2027-04-30", DayOfWeek.FRIDAY, "14:00");
		return new Placement(placement.getId(), placement.getParticipant(), placement.getProgram(),
				placement.getHostOrganisation(), placement.getStartDate(), placement.getEndDate(), placement.getManager(),
				null, null, placement.getSchedule(), null, PlacementStatus.ACTIVE, CREATED, CREATED, CREATED, goals,
				addedValue, null);
	}

	/** {@link #placement(String, String, String, DayOfWeek, String)} in another programme than KTP 2026. */
	public static Placement inProgram(String program, String zone, String start, String end, DayOfWeek day,
			String time) {
		Placement placement = placement(zone, start, end, day, time);
		return new Placement(placement.getId(), placement.getParticipant(), program, placement.getHostOrganisation(),
				placement.getStartDate(), placement.getEndDate(), placement.getManager(), null, null,
				placement.getSchedule(), null, PlacementStatus.ACTIVE, CREATED, CREATED, CREATED, null);
	}

	/**
	 * An active placement with these people (Slack member ids, whose person ids are {@link #personId}; {@literal null}
	 * for a role nobody holds), all in Stockholm.
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
		return slackUserId == null ? null
				: new Person(personId(slackUserId), name, List.of(slack(slackUserId)), List.of(), "Europe/Stockholm",
						"en", null);
	}

	/** The id of the fixtures' person with this Slack member id: {@code p-<member id>}. */
	public static PersonId personId(String slackUserId) {
		return new PersonId("p-" + slackUserId);
	}

	/** A Slack account, its workspace not known. */
	public static ChatAccount slack(String memberId) {
		return new ChatAccount("slack", null, memberId);
	}

	/** Finds the fixtures' people by account: every Slack member is a person with id {@link #personId}. */
	public static PersonLookup people() {
		return account -> Optional.of(new Person(personId(account.memberId()), account.memberId(), List.of(account),
				List.of(), "Europe/Stockholm", "en", null));
	}
}
