package org.fieldnotes.signoff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.placement.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Host sign-off of placement weeks. A week is the placement's own (week 1 starts on its first day); once it is over
 * (midnight after its seventh day, in the participant's time zone), the manager of an active placement whose
 * programme asks for sign-off ({@code hostSignOff}) is asked, once ({@link #requestDue}). A week is signed off once:
 * the first sign-off is stored (its id is the placement-week), a second is told it was signed off already. Only the
 * placement's manager signs off ({@link AccessPolicy}); every sign-off and refusal is audited (never the comment).
 */
@Service
public class WeekSignOffs {

	private static final Logger log = LoggerFactory.getLogger(WeekSignOffs.class);

	/** The longest comment a manager may write. */
	public static final int MAX_COMMENT = 2000;

	private final MongoTemplate mongo;
	private final Placements placements;
	private final Programs programs;
	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final WeekSignOffNotices notices;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	WeekSignOffs(MongoTemplate mongo, Placements placements, Programs programs, Logbook logbook,
			StatusUpdates statusUpdates, WeekSignOffNotices notices, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.programs = programs;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.notices = notices;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** What became of a sign-off or a look at a week. */
	public enum Status {
		/** Signed off now. */
		SIGNED,
		/** The person may look at the week and sign it off (nothing changed). */
		ALLOWED,
		/** It was signed off before: nothing changed. */
		ALREADY_SIGNED,
		/** The person is not the placement's manager: nothing changed. */
		REFUSED,
		/** No such placement or week, or its programme does not ask for sign-off: nothing changed. */
		GONE
	}

	/** An outcome, with the placement and the week when the person may see them. */
	public record Outcome(Status status, Placement placement, Week week, WeekSignOff signOff) {

		/** The participant's first name, for "Ada has been told". */
		public String participantFirstName() {
			String name = placement.getParticipant().name().strip();
			int space = name.indexOf(' ');
			return space < 0 ? name : name.substring(0, space);
		}
	}

	/**
	 * A placement week as its manager sees it: the entries and status updates they may read (never a private one).
	 */
	public record Week(int number, LocalDate start, LocalDate end, List<LogbookEntry> entries,
			List<StatusUpdate> updates) {
	}

	/** The placement's sign-offs, oldest week first. */
	public List<WeekSignOff> of(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId))
			.with(Sort.by("weekStart")), WeekSignOff.class);
	}

	/** The latest sign-off of the placement, if any. */
	public Optional<WeekSignOff> latest(String placementId) {
		return of(placementId).stream().max(Comparator.comparing(WeekSignOff::weekStart));
	}

	/**
	 * The week whose sign-off is due now: the latest placement week that is over, if the placement is active, has
	 * a manager and its programme asks for sign-off.
	 */
	public Optional<LocalDate> dueWeek(Placement placement) {
		if (placement.getStatus() != PlacementStatus.ACTIVE || placement.getManager() == null
				|| !programs.of(placement.getProgram()).signsOff()) {
			return Optional.empty();
		}
		ZoneId zone = placement.getParticipant().zone();
		LocalDate today = clock.instant().atZone(zone).toLocalDate();
		long over = ChronoUnit.DAYS.between(placement.getStartDate(), today) / 7;
		if (over < 1 || today.isBefore(placement.getStartDate())) {
			return Optional.empty();
		}
		LocalDate start = placement.getStartDate().plusDays(7 * (over - 1));
		return start.isAfter(placement.getEndDate()) ? Optional.empty() : Optional.of(start);
	}

	/**
	 * Asks the manager of every placement whose sign-off is due to sign off the week, once per placement-week (the
	 * outbox key is the placement-week). A week signed off already is not asked again.
	 * @return how many requests were made now or before (each is sent once)
	 */
	public int requestDue() {
		int asked = 0;
		for (Placement placement : placements.findAll()) {
			Optional<LocalDate> due = dueWeek(placement);
			if (due.isEmpty() || mongo.exists(Query.query(Criteria.where("_id")
				.is(WeekSignOff.idOf(placement.getId(), due.get()))), WeekSignOff.class)) {
				continue;
			}
			if (notices.reachable(placement.getManager())) {
				Actor manager = access.recipient(placement.getManager().id());
				notices.request(placement, week(placement, due.get(), manager));
				asked++;
			}
		}
		return asked;
	}

	/**
	 * Whether the person may sign off the week (placement id and week start as in the request), and the week as
	 * they may see it.
	 */
	public Outcome check(String placementId, LocalDate weekStart, Actor actor, Operation operation) {
		Optional<Placement> placement = placementId == null ? Optional.empty() : placements.findById(placementId);
		if (placement.isEmpty() || weekStart == null || !isWeekStart(placement.get(), weekStart)
				|| !programs.of(placement.get().getProgram()).signsOff()) {
			return new Outcome(Status.GONE, null, null, null);
		}
		if (!access.decide(actor, operation, Target.placement(placement.get())).allowed()) {
			audit.record(actor.person() == null ? "unknown" : actor.person().value(), "week-signoff", placementId,
					placement.get().getParticipant().id().value(), AuditLog.REFUSED, "not the manager");
			return new Outcome(Status.REFUSED, null, null, null);
		}
		Optional<WeekSignOff> signed = Optional.ofNullable(mongo.findById(WeekSignOff.idOf(placementId, weekStart),
				WeekSignOff.class));
		Week week = week(placement.get(), weekStart, actor);
		return new Outcome(signed.isPresent() ? Status.ALREADY_SIGNED : Status.ALLOWED, placement.get(), week,
				signed.orElse(null));
	}

	/**
	 * The manager signs off the week, once; the participant is told.
	 * @param comment optional; at most {@link #MAX_COMMENT} characters (the caller's form says so)
	 * @param via the surface: {@code slack}, {@code web}, {@code teams} or {@code email}
	 */
	public Outcome signOff(String placementId, LocalDate weekStart, Rating rating, String comment, Actor actor,
			Operation operation, String via) {
		Outcome check = check(placementId, weekStart, actor, operation);
		if (check.status() != Status.ALLOWED) {
			return check;
		}
		Placement placement = check.placement();
		String note = comment == null || comment.isBlank() ? null : comment.strip();
		if (note != null && note.length() > MAX_COMMENT) {
			throw new IllegalArgumentException("A sign-off comment has at most " + MAX_COMMENT + " characters");
		}
		WeekSignOff signOff = new WeekSignOff(WeekSignOff.idOf(placementId, weekStart), placementId,
				placement.getParticipant().id().value(), check.week().number(), weekStart, rating, note,
				actor.person().value(), clock.instant().truncatedTo(ChronoUnit.MILLIS), via);
		try {
			mongo.insert(signOff);
		}
		catch (DuplicateKeyException e) {
			return new Outcome(Status.ALREADY_SIGNED, placement, check.week(),
					mongo.findById(signOff.id(), WeekSignOff.class));
		}
		log.info("Week {} of placement {} signed off {} by its manager via {}", signOff.week(), placementId,
				rating.key(), via);
		audit.record(signOff.by(), "week-signoff", placementId, signOff.participantId(), AuditLog.DONE,
				"week " + signOff.week() + ": " + rating.key() + " via " + via);
		notices.signed(signOff, placement);
		return new Outcome(Status.SIGNED, placement, check.week(), signOff);
	}

	/** The week as the reader may see it. */
	Week week(Placement placement, LocalDate weekStart, Actor reader) {
		ZoneId zone = placement.getParticipant().zone();
		Instant from = weekStart.atStartOfDay(zone).toInstant();
		Instant until = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
		List<LogbookEntry> entries = logbook.entriesBetween(placement.getId(), from, until).stream()
			.filter(e -> !e.deleted())
			.filter(e -> access.permits(reader, Operation.READ_ITEM,
					Target.item(placement, e.authorId(), e.visibility())))
			.toList();
		List<StatusUpdate> updates = statusUpdates.of(placement.getId()).stream()
			.filter(u -> !u.createdAt().isBefore(from) && u.createdAt().isBefore(until))
			.filter(u -> access.permits(reader, Operation.READ_ITEM,
					Target.item(placement, u.authorId(), u.visibility())))
			.toList();
		return new Week(placement.weekNumberOn(weekStart), weekStart, weekStart.plusDays(6), entries, updates);
	}

	/** Whether the date starts one of the placement's weeks that is over now. */
	private boolean isWeekStart(Placement placement, LocalDate weekStart) {
		long days = ChronoUnit.DAYS.between(placement.getStartDate(), weekStart);
		LocalDate today = clock.instant().atZone(placement.getParticipant().zone()).toLocalDate();
		return days >= 0 && days % 7 == 0 && !weekStart.isAfter(placement.getEndDate())
				&& !weekStart.plusDays(7).isAfter(today);
	}
}
