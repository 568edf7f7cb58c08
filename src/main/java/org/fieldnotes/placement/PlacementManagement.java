package org.fieldnotes.placement;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Enrols people and changes their placements; publishes {@link PlacementChanged} after every change.
 */
@Service
public class PlacementManagement {

	private final Placements placements;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final People people;
	private final AccountReferences references;
	private final MongoOperations mongo;

	PlacementManagement(Placements placements, ApplicationEventPublisher events, Clock clock, People people,
			AccountReferences references, MongoOperations mongo) {
		this.mongo = mongo;
		this.placements = placements;
		this.events = events;
		this.clock = clock;
		this.people = people;
		this.references = references;
	}

	/**
	 * Checks and stores a new placement.
	 * @throws InvalidPlacement naming every field that is wrong; nothing is stored then
	 */
	public Placement enrol(PlacementDraft draft) {
		return enrol(draft, false);
	}

	/**
	 * Enrolments of many placements at once (a cohort import): each is checked and stored like {@link #enrol} and
	 * announced with its own {@link PlacementChanged} (marked {@code batched}); closing the batch announces them all
	 * with one {@link PlacementsEnrolled} (when it stored any), so what is rebuilt from all placements (the digest schedule) is rebuilt
	 * once per batch, not once per placement. Close it in a {@code finally} (try-with-resources): the placements
	 * stored before a failure are announced too.
	 */
	public Batch batch() {
		return new Batch();
	}

	/** See {@link #batch()}. Used by one thread. */
	public final class Batch implements AutoCloseable {

		private final List<String> enrolled = new ArrayList<>();

		private Batch() {
		}

		/** {@link PlacementManagement#enrol}, announced at {@link #close()}. */
		public Placement enrol(PlacementDraft draft) {
			Placement placement = PlacementManagement.this.enrol(draft, true);
			enrolled.add(placement.getId());
			return placement;
		}

		@Override
		public void close() {
			if (!enrolled.isEmpty()) {
				events.publishEvent(new PlacementsEnrolled(enrolled));
			}
		}
	}

	private Placement enrol(PlacementDraft draft, boolean batched) {
		if (draft == null) {
			throw new InvalidPlacement(List.of(new Violation("body", "is required")));
		}
		var check = new DraftChecker(references);
		People.Details participant = check.person("participant", draft.participant(), true, true, null);
		String zone = participant == null ? null : participant.timezone();
		String program = check.text("program", draft.program());
		String host = check.text("hostOrganisation", draft.hostOrganisation());
		LocalDate start = check.date("startDate", draft.startDate());
		LocalDate end = check.date("endDate", draft.endDate());
		if (start != null && end != null) {
			check.check(!end.isBefore(start), "endDate", "(" + end + ") is before startDate (" + start + ")",
					"endBeforeStart", end, start);
		}
		if (end != null) {
			LocalDate today = LocalDate.now(clock.withZone(zone == null ? ZoneOffset.UTC : ZoneId.of(zone)));
			check.check(!end.isBefore(today), "endDate", "(" + end + ") is in the past", "endInPast", end);
		}
		Optional<Person> known = participant == null ? Optional.empty() : known("participant", participant, check);
		if (known.isPresent() && start != null && end != null && !end.isBefore(start)) {
			overlapping(known.get().id(), start, end).ifPresent(other -> check.check(false, "participant",
					"is already enrolled in an overlapping placement (" + other.getHostOrganisation() + ", "
							+ other.getStartDate() + " – " + other.getEndDate() + ")",
					"overlap", other.getHostOrganisation(), other.getStartDate(), other.getEndDate()));
		}
		People.Details manager = check.person("manager", draft.manager(), true, false, zone);
		People.Details academic = check.person("academicCoach", draft.academicCoach(), false, false, zone);
		People.Details business = check.person("businessCoach", draft.businessCoach(), false, false, zone);
		for (var follower : List.of(Map.entry("manager", Optional.ofNullable(manager)),
				Map.entry("academicCoach", Optional.ofNullable(academic)),
				Map.entry("businessCoach", Optional.ofNullable(business)))) {
			follower.getValue().ifPresent(details -> known(follower.getKey(), details, check));
		}
		PromptSchedule schedule = check.schedule("schedule", draft.schedule());
		Set<DayOfWeek> workDays = check.workDays("workDays", draft.workDays());
		List<String> goals = check.learningGoals("learningGoals", draft.learningGoals());
		String addedValue = check.addedValue("addedValue", draft.addedValue());
		if (!check.violations().isEmpty()) {
			throw new InvalidPlacement(check.violations());
		}
		Person participantPerson = people.enrol(participant, null, DEFAULT_LOCALE);
		String participantZone = participantPerson.timezone();
		Placement placement = placements.save(Placement.start(participantPerson, program, host, start, end,
				enrolled(manager, participantZone), enrolled(academic, participantZone),
				enrolled(business, participantZone), schedule, workDays, goals, addedValue, clock));
		events.publishEvent(new PlacementChanged(placement.getId(), batched));
		return placement;
	}

	/** The language of someone enrolled without one, when they are new. */
	static final String DEFAULT_LOCALE = "en";

	private Person enrolled(People.Details details, String defaultZone) {
		return details == null ? null : people.enrol(details, defaultZone, DEFAULT_LOCALE);
	}

	/**
	 * The person the details name, if they are known; a violation when their accounts belong to different people.
	 */
	private Optional<Person> known(String field, People.Details details, DraftChecker check) {
		List<Person> matching = people.matching(details);
		check.check(matching.size() <= 1, field + ".accounts", "belong to different people", "accountsOfTwo");
		return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
	}

	/** A placement of the participant that is not ended and shares at least one day with {@code [start, end]}. */
	private Optional<Placement> overlapping(PersonId participant, LocalDate start, LocalDate end) {
		return placements.findByParticipantId(participant.value()).stream()
			.filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.filter(p -> !p.getStartDate().isAfter(end) && !p.getEndDate().isBefore(start))
			.findFirst();
	}

	/**
	 * Changes a placement as an admin asked: every field the patch names is checked with the rules of an enrolment
	 * (the end not before the start, nor in the past when it moves; no overlap with another of the participant's
	 * placements; people as at enrolment), then the placement is stored in one save guarded by its version, and
	 * {@link PlacementChanged} (the schedules, the other instances) and the {@link PlacementEdit} (the notices) are
	 * published. A patch that changes nothing saves and publishes nothing. An end date moved from the past (or an
	 * ended placement's) to today or later reopens the placement (see {@link Placement#changed}). The participant's
	 * time zone and language are theirs, not the placement's: they are saved on the person after the placement.
	 * @param expectedVersion the version the caller read ({@literal null}: whatever it is now)
	 * @param by who changes it, as the audit trail names them
	 * @throws PlacementNotFound when there is no such placement
	 * @throws InvalidPlacement naming every field that is wrong; nothing is changed then
	 * @throws PlacementConflict when the placement is not at {@code expectedVersion}, or changed meanwhile
	 */
	public PlacementEdit change(String id, PlacementPatch patch, Long expectedVersion, String by) {
		Placement placement = get(id);
		long version = placement.getVersion() == null ? 0 : placement.getVersion();
		if (expectedVersion != null && expectedVersion != version) {
			throw new PlacementConflict(id, version, "is not at version " + expectedVersion);
		}
		var check = new DraftChecker(references);
		Person participant = placement.getParticipant();
		String timezone = participant.timezone();
		if (patch.removes("timezone")) {
			check.check(false, "timezone", "is required (an IANA name such as Europe/Stockholm)", "required");
		}
		else if (patch.timezone() != null) {
			timezone = check.timezone("timezone", patch.timezone());
		}
		String locale = participant.locale();
		if (patch.removes("locale")) {
			check.check(false, "locale", "is required (en or sv)", "required");
		}
		else if (patch.locale() != null) {
			locale = check.locale("locale", patch.locale());
		}
		String program = patch.removes("program") ? check.text("program", null)
				: patch.program() == null ? placement.getProgram() : check.text("program", patch.program());
		String host = patch.removes("hostOrganisation") ? check.text("hostOrganisation", null)
				: patch.hostOrganisation() == null ? placement.getHostOrganisation()
						: check.text("hostOrganisation", patch.hostOrganisation());
		LocalDate start = patch.removes("startDate") ? check.date("startDate", null)
				: patch.startDate() == null ? placement.getStartDate() : check.date("startDate", patch.startDate());
		LocalDate end = patch.removes("endDate") ? check.date("endDate", null)
				: patch.endDate() == null ? placement.getEndDate() : check.date("endDate", patch.endDate());
		if (start != null && end != null) {
			check.check(!end.isBefore(start), "endDate", "(" + end + ") is before startDate (" + start + ")",
					"endBeforeStart", end, start);
		}
		LocalDate today = LocalDate.now(clock.withZone(timezone == null ? participant.zone() : ZoneId.of(timezone)));
		boolean endMoved = end != null && !end.equals(placement.getEndDate());
		if (endMoved) {
			check.check(!end.isBefore(today), "endDate", "(" + end + ") is in the past", "endInPast", end);
		}
		boolean datesMoved = endMoved || start != null && !start.equals(placement.getStartDate());
		if (datesMoved && start != null && end != null && !end.isBefore(start)) {
			overlapping(participant.id(), start, end).filter(other -> !other.getId().equals(id))
				.ifPresent(other -> check.check(false, "participant",
						"is already enrolled in an overlapping placement (" + other.getHostOrganisation() + ", "
								+ other.getStartDate() + " – " + other.getEndDate() + ")",
						"overlap", other.getHostOrganisation(), other.getStartDate(), other.getEndDate()));
		}
		String followersZone = timezone == null ? participant.timezone() : timezone;
		Map<String, People.Details> followers = new java.util.LinkedHashMap<>();
		for (String role : List.of("manager", "academicCoach", "businessCoach")) {
			PlacementDraft.PersonDraft given = switch (role) {
				case "manager" -> patch.manager();
				case "academicCoach" -> patch.academicCoach();
				default -> patch.businessCoach();
			};
			if (patch.removes(role) && role.equals("manager")) {
				check.person(role, null, true, false, followersZone);
			}
			else if (given != null && !patch.removes(role)) {
				People.Details details = check.person(role, given, true, false, followersZone);
				if (details != null) {
					known(role, details, check);
					followers.put(role, details);
				}
			}
		}
		PromptSchedule schedule = placement.getSchedule();
		if (patch.removes("schedule")) {
			schedule = PromptSchedule.DEFAULT;
		}
		else if (patch.schedule() != null) {
			schedule = check.schedule("schedule", new PlacementDraft.ScheduleDraft(
					patch.schedule().dayOfWeek() == null ? schedule.dayOfWeek().name() : patch.schedule().dayOfWeek(),
					patch.schedule().time() == null ? schedule.time().toString() : patch.schedule().time()));
		}
		Set<DayOfWeek> workDays = patch.removes("workDays") ? Placement.FULL_TIME
				: patch.workDays() == null ? placement.getWorkDays() : check.workDays("workDays", patch.workDays());
		List<String> goals = patch.removes("learningGoals") ? List.of()
				: patch.learningGoals() == null ? placement.getLearningGoals()
						: check.learningGoals("learningGoals", patch.learningGoals());
		String addedValue = patch.removes("addedValue") ? null
				: patch.addedValue() == null ? placement.getAddedValue() : check.addedValue("addedValue", patch.addedValue());
		if (!check.violations().isEmpty()) {
			throw new InvalidPlacement(check.violations());
		}
		Person manager = followers.containsKey("manager") ? enrolled(followers.get("manager"), followersZone)
				: placement.getManager();
		Person academic = patch.removes("academicCoach") ? null
				: followers.containsKey("academicCoach") ? enrolled(followers.get("academicCoach"), followersZone)
						: placement.getAcademicCoach();
		Person business = patch.removes("businessCoach") ? null
				: followers.containsKey("businessCoach") ? enrolled(followers.get("businessCoach"), followersZone)
						: placement.getBusinessCoach();
		boolean reopened = endMoved && !end.isBefore(today)
				&& (placement.getStatus() == PlacementStatus.ENDED || placement.getEndDate().isBefore(today));
		Placement changed = placement.changed(program, host, start, end, manager, academic, business, schedule,
				workDays, goals, addedValue, reopened, clock);
		List<String> fields = differences(placement, changed, timezone, locale);
		if (fields.isEmpty()) {
			return new PlacementEdit(placement, placement, fields, by);
		}
		if (!fields.equals(List.of("timezone")) && !fields.equals(List.of("locale"))
				&& !fields.equals(List.of("timezone", "locale"))) {
			try {
				placements.save(changed);
			}
			catch (org.springframework.dao.OptimisticLockingFailureException meanwhile) {
				long now = placements.findById(id).map(Placement::getVersion).orElse(version);
				throw new PlacementConflict(id, now, "changed while this change was being made");
			}
		}
		if (fields.contains("timezone") || fields.contains("locale")) {
			people.save(participant.withDetails(null, timezone, locale, null, clock.instant()));
		}
		Placement after = get(id);
		PlacementEdit edit = new PlacementEdit(placement, after, fields, by);
		events.publishEvent(new PlacementChanged(id));
		events.publishEvent(edit);
		return edit;
	}

	/** The fields that differ between the placement as it was and as changed, in {@link PlacementPatch#FIELDS} order. */
	private static List<String> differences(Placement before, Placement after, String timezone, String locale) {
		List<String> fields = new ArrayList<>();
		add(fields, "program", before.getProgram(), after.getProgram());
		add(fields, "hostOrganisation", before.getHostOrganisation(), after.getHostOrganisation());
		add(fields, "startDate", before.getStartDate(), after.getStartDate());
		add(fields, "endDate", before.getEndDate(), after.getEndDate());
		add(fields, "manager", idOf(before.getManager()), idOf(after.getManager()));
		add(fields, "academicCoach", idOf(before.getAcademicCoach()), idOf(after.getAcademicCoach()));
		add(fields, "businessCoach", idOf(before.getBusinessCoach()), idOf(after.getBusinessCoach()));
		add(fields, "schedule", before.getSchedule(), after.getSchedule());
		add(fields, "workDays", before.getWorkDays(), after.getWorkDays());
		add(fields, "timezone", before.getParticipant().timezone(), timezone);
		add(fields, "locale", before.getParticipant().locale(), locale);
		add(fields, "learningGoals", before.getLearningGoals(), after.getLearningGoals());
		add(fields, "addedValue", before.getAddedValue(), after.getAddedValue());
		add(fields, "status", before.getStatus(), after.getStatus());
		return fields;
	}

	private static void add(List<String> fields, String field, Object before, Object after) {
		if (!java.util.Objects.equals(before, after)) {
			fields.add(field);
		}
	}

	private static PersonId idOf(Person person) {
		return person == null ? null : person.id();
	}

	public Placement get(String id) {
		return placements.findById(id).orElseThrow(() -> new PlacementNotFound(id));
	}

	public List<Placement> all() {
		return placements.findAll().stream()
			.sorted(Comparator.comparing(Placement::getProgram).thenComparing(p -> p.getParticipant().name()))
			.toList();
	}

	public List<Placement> active() {
		return placements.findByStatus(PlacementStatus.ACTIVE);
	}

	/**
	 * The person's placement as participant that is not ended, the latest first; empty when they have none. Which
	 * one that is, is {@link #currentIdFor(PersonId)}'s to say (one rule for both).
	 */
	public Optional<Placement> currentFor(PersonId person) {
		return currentIdFor(person).flatMap(current -> placements.findById(current.id()));
	}

	/**
	 * The id and programme of the person's current placement (the one not ended, the latest first), read without
	 * the placement's people. Storing a DM needs no more, and reading a whole placement resolves its participant,
	 * manager and coaches, one more read of the store each (about a quarter of the CPU a DM cost,
	 * docs/performance.md, P1).
	 */
	public Optional<CurrentPlacement> currentIdFor(PersonId person) {
		if (person == null) {
			return Optional.empty();
		}
		Query query = Query.query(Criteria.where("participant").is(person.value()))
			.with(Sort.by(Sort.Direction.DESC, "startDate"));
		query.fields().include("_id", "program", "status");
		return mongo.find(query, Document.class, "placements").stream()
			.filter(p -> !PlacementStatus.ENDED.name().equals(p.getString("status")))
			.findFirst()
			.map(p -> new CurrentPlacement(p.getString("_id"), person, p.getString("program")));
	}

	/**
	 * A placement as {@link #currentIdFor(PersonId)} reads it.
	 * @param participant the person whose placement it is
	 */
	public record CurrentPlacement(String id, PersonId participant, String program) {
	}

	/** The current placement of the person with this chat account (see {@link #currentFor(PersonId)}). */
	public Optional<Placement> currentFor(ChatAccount account) {
		return people.find(account).flatMap(person -> currentFor(person.id()));
	}

	/**
	 * The placement of the person with this chat account that an admin means by naming them: their current one
	 * ({@link #currentFor(ChatAccount)}), else their latest, ended or not (to change an ended placement).
	 */
	public Optional<Placement> currentOrLatestFor(ChatAccount account) {
		return people.find(account).flatMap(person -> currentOrLatestFor(person.id()));
	}

	/** The person's current placement, else their latest (by start date), ended or not. */
	public Optional<Placement> currentOrLatestFor(PersonId person) {
		Optional<Placement> current = currentFor(person);
		return current.isPresent() ? current : placements.findByParticipantId(person.value()).stream().findFirst();
	}

	/** The placements the person follows as manager or coach, ended ones too. */
	public List<Placement> followedBy(PersonId person) {
		return person == null ? List.of() : placements.findFollowedBy(person.value());
	}

	/** The placements followed by the person with this chat account (see {@link #followedBy(PersonId)}). */
	public List<Placement> followedBy(ChatAccount account) {
		return people.find(account).map(person -> followedBy(person.id())).orElse(List.of());
	}

	/**
	 * The participant sets the learning goals of their current placement (they replace the old ones; an empty list
	 * clears them).
	 * @return the placement; empty when they have no current placement
	 * @throws InvalidPlacement naming {@code learningGoals} (too many) or {@code learningGoals[i]} (too long);
	 * nothing is changed then
	 */
	public Optional<Placement> setLearningGoals(ChatAccount participant, List<String> goals) {
		Optional<Placement> current = currentFor(participant);
		if (current.isEmpty()) {
			return current;
		}
		var check = new DraftChecker(references);
		List<String> cleaned = check.learningGoals("learningGoals", goals);
		if (!check.violations().isEmpty()) {
			throw new InvalidPlacement(check.violations());
		}
		Placement placement = current.get();
		placement.changeLearningGoals(cleaned, clock);
		return Optional.of(saved(placement));
	}

	/**
	 * Pauses every active placement of this participant: their account is deactivated or deleted on the chat
	 * platform, so nothing more is sent to them until an admin resumes or ends the placement.
	 * @return the placements paused now (none when there was nothing active)
	 */
	public List<Placement> pauseParticipant(ChatAccount account) {
		return people.find(account).map(person -> pauseParticipant(person.id())).orElse(List.of());
	}

	/** {@link #pauseParticipant(ChatAccount)} for the person with this id. */
	public List<Placement> pauseParticipant(PersonId person) {
		List<Placement> paused = new java.util.ArrayList<>();
		for (Placement placement : placements.findByParticipantId(person.value())) {
			if (placement.isActive()) {
				paused.add(pause(placement.getId()));
			}
		}
		return paused;
	}

	public Placement pause(String id) {
		Placement placement = get(id);
		placement.pause(clock);
		return saved(placement);
	}

	public Placement resume(String id) {
		Placement placement = get(id);
		placement.resume(clock);
		return saved(placement);
	}

	/** Ends the placement for good: no more prompts, it leaves the digests; an ended one cannot be ended again. */
	public Placement end(String id) {
		Placement placement = get(id);
		placement.end(clock);
		return saved(placement);
	}

	private Placement saved(Placement placement) {
		Placement saved = placements.save(placement);
		events.publishEvent(new PlacementChanged(saved.getId()));
		return saved;
	}
}
