package org.fieldnotes.placement;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Enrols people and changes their placements; publishes {@link PlacementChanged} after every change.
 */
@Service
public class PlacementManagement {

	private final Placements placements;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Preferences preferences;
	private final PeopleDirectory people;

	PlacementManagement(Placements placements, ApplicationEventPublisher events, Clock clock,
			Preferences preferences, PeopleDirectory people) {
		this.placements = placements;
		this.events = events;
		this.clock = clock;
		this.preferences = preferences;
		this.people = people;
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
		var check = new DraftChecker();
		Person participant = check.person("participant", draft.participant(), true, true, null);
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
		if (participant != null && start != null && end != null && !end.isBefore(start)) {
			overlapping(participant.slackUserId(), start, end).ifPresent(other -> check.check(false, "participant",
					"is already enrolled in an overlapping placement (" + other.getHostOrganisation() + ", "
							+ other.getStartDate() + " – " + other.getEndDate() + ")",
					"overlap", other.getHostOrganisation(), other.getStartDate(), other.getEndDate()));
		}
		Person manager = check.person("manager", draft.manager(), true, false, zone);
		Person academic = check.person("academicCoach", draft.academicCoach(), false, false, zone);
		Person business = check.person("businessCoach", draft.businessCoach(), false, false, zone);
		PromptSchedule schedule = check.schedule("schedule", draft.schedule());
		Set<DayOfWeek> workDays = check.workDays("workDays", draft.workDays());
		List<String> goals = check.learningGoals("learningGoals", draft.learningGoals());
		if (!check.violations().isEmpty()) {
			throw new InvalidPlacement(check.violations());
		}
		Placement placement = placements.save(Placement.start(participant, program, host, start, end, manager,
				academic, business, schedule, workDays, goals, clock));
		events.publishEvent(new PlacementChanged(placement.getId(), batched));
		return placement;
	}

	/** A placement of the participant that is not ended and shares at least one day with {@code [start, end]}. */
	private Optional<Placement> overlapping(String slackUserId, LocalDate start, LocalDate end) {
		return placements.findByParticipantSlackUserIdOrderByStartDateDesc(slackUserId).stream()
			.filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.filter(p -> !p.getStartDate().isAfter(end) && !p.getEndDate().isBefore(start))
			.findFirst();
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

	/** The participant's placement that is not ended, the latest first; empty when they are not enrolled. */
	public Optional<Placement> currentFor(String slackUserId) {
		return placements.findByParticipantSlackUserIdOrderByStartDateDesc(slackUserId).stream()
			.filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.findFirst();
	}

	public List<Placement> followedBy(String slackUserId) {
		return placements.findFollowedBySlackUser(slackUserId);
	}

	/**
	 * The language someone chose with {@code /fieldnotes language}, else the one given in their placement (as
	 * participant, manager or coach), else the one they use on the chat platform; empty when none is known.
	 */
	public Optional<Locale> languageOf(String slackUserId) {
		Locale chosen = preferences.of(slackUserId).locale();
		if (chosen != null) {
			return Optional.of(chosen);
		}
		return currentFor(slackUserId).map(p -> p.getParticipant().language())
			.or(() -> followedBy(slackUserId).stream()
				.flatMap(p -> p.followers().values().stream())
				.filter(person -> slackUserId.equals(person.slackUserId()))
				.map(Person::language)
				.findFirst())
			.or(() -> platformLanguageOf(slackUserId));
	}

	/** The language someone set on the chat platform (Slack's {@code locale}); empty when it can't be asked. */
	private Optional<Locale> platformLanguageOf(String userId) {
		try {
			return people.lookup(userId).map(person -> Locale.forLanguageTag(person.language()));
		}
		catch (DirectoryUnavailable e) {
			return Optional.empty();
		}
	}

	/**
	 * The participant sets the learning goals of their current placement (they replace the old ones; an empty list
	 * clears them).
	 * @return the placement; empty when they have no current placement
	 * @throws InvalidPlacement naming {@code learningGoals} (too many) or {@code learningGoals[i]} (too long);
	 * nothing is changed then
	 */
	public Optional<Placement> setLearningGoals(String participantSlackUserId, List<String> goals) {
		Optional<Placement> current = currentFor(participantSlackUserId);
		if (current.isEmpty()) {
			return current;
		}
		var check = new DraftChecker();
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
	public List<Placement> pauseParticipant(String slackUserId) {
		List<Placement> paused = new java.util.ArrayList<>();
		for (Placement placement : active()) {
			if (slackUserId.equals(placement.getParticipant().slackUserId())) {
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
