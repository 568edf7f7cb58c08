package org.fieldnotes.placement;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.DocumentReference;

/**
 * A participant's placement at a host organisation: the aggregate that guards its own status changes. The people in
 * it are stored by id ({@link PersonId}, the {@code people} collection) and read with it.
 */
@Document("placements")
@CompoundIndex(name = "participant_person", def = "{'participant': 1}")
@CompoundIndex(name = "manager_person", def = "{'manager': 1}")
@CompoundIndex(name = "academic_coach_person", def = "{'academicCoach': 1}")
@CompoundIndex(name = "business_coach_person", def = "{'businessCoach': 1}")
@CompoundIndex(name = "status", def = "{'status': 1}")
public class Placement {

	/** The most learning goals a placement may have. */
	public static final int MAX_GOALS = 10;
	/** The longest a learning goal may be, in characters. */
	public static final int MAX_GOAL_LENGTH = 200;
	/** The longest the added value for the host may be, in characters. */
	public static final int MAX_ADDED_VALUE = 500;

	/** Monday to Friday. */
	public static final Set<DayOfWeek> FULL_TIME = Collections
		.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

	@Id
	private final String id;
	@DocumentReference
	private final Person participant;
	private final String program;
	private final String hostOrganisation;
	private final LocalDate startDate;
	private final LocalDate endDate;
	@DocumentReference
	private final Person manager;
	@DocumentReference
	private final Person academicCoach;
	@DocumentReference
	private final Person businessCoach;
	private final PromptSchedule schedule;
	/** The days the participant is at the host; a prompt due on another day moves to the next work day. */
	private final Set<DayOfWeek> workDays;
	private PlacementStatus status;
	private final Instant createdAt;
	private Instant updatedAt;
	/** Prompts are owed from this instant: the enrolment, or the latest resume (paused weeks are not missed). */
	private Instant promptingSince;
	/** What the participant wants to learn, in short phrases; set at enrolment or by the participant. */
	private List<String> learningGoals;
	/** What the placement is to bring the host, in the words it was set up with; {@literal null}: not said. */
	private final String addedValue;
	@Version
	private Long version;

	@PersistenceCreator
	Placement(String id, Person participant, String program, String hostOrganisation, LocalDate startDate,
			LocalDate endDate, Person manager, Person academicCoach, Person businessCoach, PromptSchedule schedule,
			Set<DayOfWeek> workDays, PlacementStatus status, Instant createdAt, Instant updatedAt, Instant promptingSince,
			List<String> learningGoals, String addedValue, Long version) {
		this.id = id;
		this.participant = participant;
		this.program = program;
		this.hostOrganisation = hostOrganisation;
		this.startDate = startDate;
		this.endDate = endDate;
		this.manager = manager;
		this.academicCoach = academicCoach;
		this.businessCoach = businessCoach;
		this.schedule = schedule;
		this.workDays = workDays == null || workDays.isEmpty() ? FULL_TIME : EnumSet.copyOf(workDays);
		this.status = status;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.promptingSince = promptingSince;
		this.learningGoals = learningGoals == null ? List.of() : List.copyOf(learningGoals);
		this.addedValue = addedValue == null || addedValue.isBlank() ? null : addedValue.strip();
		this.version = version;
	}

	/** A placement without learning goals (as stored before they existed). */
	Placement(String id, Person participant, String program, String hostOrganisation, LocalDate startDate,
			LocalDate endDate, Person manager, Person academicCoach, Person businessCoach, PromptSchedule schedule,
			Set<DayOfWeek> workDays, PlacementStatus status, Instant createdAt, Instant updatedAt, Instant promptingSince,
			Long version) {
		this(id, participant, program, hostOrganisation, startDate, endDate, manager, academicCoach, businessCoach,
				schedule, workDays, status, createdAt, updatedAt, promptingSince, null, null, version);
	}

	static Placement start(Person participant, String program, String hostOrganisation, LocalDate startDate,
			LocalDate endDate, Person manager, Person academicCoach, Person businessCoach, PromptSchedule schedule,
			Set<DayOfWeek> workDays, List<String> learningGoals, String addedValue, Clock clock) {
		Instant now = clock.instant();
		return new Placement(UUID.randomUUID().toString(), participant, program, hostOrganisation, startDate, endDate,
				manager, academicCoach, businessCoach, schedule, workDays, PlacementStatus.ACTIVE, now, now, now,
				checkedGoals(learningGoals), checkedAddedValue(addedValue), null);
	}

	/**
	 * Replaces the learning goals (blank ones are left out, the others stripped).
	 * @throws IllegalArgumentException when there are more than {@link #MAX_GOALS} or one is longer than
	 * {@link #MAX_GOAL_LENGTH} (callers check first, see {@link PlacementManagement#setLearningGoals})
	 */
	void changeLearningGoals(List<String> goals, Clock clock) {
		learningGoals = checkedGoals(goals);
		updatedAt = clock.instant();
	}

	private static List<String> checkedGoals(List<String> goals) {
		List<String> cleaned = cleanGoals(goals);
		if (cleaned.size() > MAX_GOALS || cleaned.stream().anyMatch(g -> g.length() > MAX_GOAL_LENGTH)) {
			throw new IllegalArgumentException("At most " + MAX_GOALS + " learning goals of at most "
					+ MAX_GOAL_LENGTH + " characters each");
		}
		return cleaned;
	}

	private static String checkedAddedValue(String addedValue) {
		if (addedValue != null && addedValue.strip().length() > MAX_ADDED_VALUE) {
			throw new IllegalArgumentException("The added value is at most " + MAX_ADDED_VALUE + " characters");
		}
		return addedValue;
	}

	/** The goals stripped, blank ones left out; empty for {@literal null}. */
	static List<String> cleanGoals(List<String> goals) {
		return goals == null ? List.of()
				: goals.stream().filter(g -> g != null && !g.isBlank()).map(String::strip).toList();
	}

	/**
	 * This placement with a change applied ({@link PlacementManagement#change}): the same id, creation time and
	 * version (the store refuses the save when another change came first). When its end date moves from the past (or
	 * an ended placement's) to today or later, it is {@code reopened}: active again, owed prompts from now on (the
	 * weeks it was over are not missed), unless it is paused, which it stays.
	 */
	Placement changed(String program, String hostOrganisation, LocalDate startDate, LocalDate endDate, Person manager,
			Person academicCoach, Person businessCoach, PromptSchedule schedule, Set<DayOfWeek> workDays,
			List<String> learningGoals, String addedValue, boolean reopened, Clock clock) {
		Instant now = clock.instant();
		PlacementStatus newStatus = reopened && status == PlacementStatus.ENDED ? PlacementStatus.ACTIVE : status;
		return new Placement(id, participant, program, hostOrganisation, startDate, endDate, manager, academicCoach,
				businessCoach, schedule, workDays, newStatus, createdAt, now,
				reopened && newStatus == PlacementStatus.ACTIVE ? now : promptingSince, checkedGoals(learningGoals),
				checkedAddedValue(addedValue), version);
	}

	/** The store's version of this placement, raised by every save; {@literal null} before the first. */
	public Long getVersion() {
		return version;
	}

	/** Stops prompts until {@link #resume(Clock)}; an ended placement cannot be paused. */
	void pause(Clock clock) {
		if (status == PlacementStatus.ENDED) {
			throw new IllegalStateException("An ended placement cannot be paused");
		}
		status = PlacementStatus.PAUSED;
		updatedAt = clock.instant();
	}

	/** Starts prompts again; an ended placement cannot be resumed. */
	void resume(Clock clock) {
		if (status == PlacementStatus.ENDED) {
			throw new IllegalStateException("An ended placement cannot be resumed");
		}
		if (status == PlacementStatus.PAUSED) {
			promptingSince = clock.instant();
		}
		status = PlacementStatus.ACTIVE;
		updatedAt = clock.instant();
	}

	/** Ends the placement for good; an ended placement cannot be ended again. */
	void end(Clock clock) {
		if (status == PlacementStatus.ENDED) {
			throw new IllegalStateException("The placement has already ended");
		}
		status = PlacementStatus.ENDED;
		updatedAt = clock.instant();
	}

	public boolean isActive() {
		return status == PlacementStatus.ACTIVE;
	}

	/**
	 * The placement week a date falls in: the one definition of "week n of m" that prompts, the App Home, digests,
	 * commands and the prompt rotation all use.
	 *
	 * <p>Week 1 is the start date and the six days after it, week 2 the next seven days, and so on: weeks run from
	 * the start date's weekday, not from Monday, so every week but the last has seven days. A date before the start
	 * counts as week 1 and a date after the end as the last week, so the answer is always between 1 and
	 * {@link #totalWeeks()}. The date is the participant's: see {@link #weekNumberAt(Instant)}.
	 */
	public int weekNumberOn(LocalDate date) {
		return Math.max(1, Math.min(weeksSinceStart(date) + 1, totalWeeks()));
	}

	/**
	 * The placement week at an instant, counted on the participant's date then ({@link #dateAt(Instant)}), whoever
	 * reads it: a coach in another time zone sees the participant's week, not their own calendar's.
	 */
	public int weekNumberAt(Instant instant) {
		return weekNumberOn(dateAt(instant));
	}

	/**
	 * How many weeks the placement has: the week of its end date. A last week shorter than seven days still counts
	 * as a week (1 to 7 days make 1 week, 8 days make 2).
	 */
	public int totalWeeks() {
		return weeksSinceStart(endDate) + 1;
	}

	/** The participant's date at an instant, in their own time zone: the "today" placement weeks are counted on. */
	public LocalDate dateAt(Instant instant) {
		return instant.atZone(participant.zone()).toLocalDate();
	}

	/** Whole weeks from the start date to a date (negative before the start). */
	private int weeksSinceStart(LocalDate date) {
		return (int) Math.floorDiv(ChronoUnit.DAYS.between(startDate, date), 7);
	}

	/** The roles this person holds in the placement as a follower (manager or coach), in role order. */
	public List<Role> rolesOf(PersonId person) {
		return followers().entrySet().stream().filter(e -> e.getValue().id().equals(person)).map(Map.Entry::getKey)
			.toList();
	}

	/** Whether the person is the participant. */
	public boolean isParticipant(PersonId person) {
		return participant != null && participant.id().equals(person);
	}

	/** The manager and the coaches who are set, by role. */
	public Map<Role, Person> followers() {
		Map<Role, Person> followers = new EnumMap<>(Role.class);
		if (manager != null) {
			followers.put(Role.MANAGER, manager);
		}
		if (academicCoach != null) {
			followers.put(Role.ACADEMIC_COACH, academicCoach);
		}
		if (businessCoach != null) {
			followers.put(Role.BUSINESS_COACH, businessCoach);
		}
		return followers;
	}

	public String getId() {
		return id;
	}

	public Person getParticipant() {
		return participant;
	}

	public String getProgram() {
		return program;
	}

	public String getHostOrganisation() {
		return hostOrganisation;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public Person getManager() {
		return manager;
	}

	public Person getAcademicCoach() {
		return academicCoach;
	}

	public Person getBusinessCoach() {
		return businessCoach;
	}

	public PromptSchedule getSchedule() {
		return schedule;
	}

	public Set<DayOfWeek> getWorkDays() {
		return Collections.unmodifiableSet(workDays);
	}

	public PlacementStatus getStatus() {
		return status;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	/** The participant's learning goals (short phrases, at most {@link #MAX_GOALS}); empty when none were set. */
	/** What the placement is to bring the host; {@literal null} when nobody said. Personal data: never logged. */
	public String getAddedValue() {
		return addedValue;
	}

	public List<String> getLearningGoals() {
		return learningGoals == null ? List.of() : learningGoals;
	}

	public Instant getPromptingSince() {
		return promptingSince != null ? promptingSince : createdAt;
	}
}
