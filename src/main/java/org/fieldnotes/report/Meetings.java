package org.fieldnotes.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.Placement;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The {@code meetings} collection: steering meetings scheduled for placements. A meeting names its placement, so it
 * is its participant's: exported to them, erased with them, and purged with the placement by the retention sweep.
 */
@Service
public class Meetings implements PersonalData {

	static final String MEETINGS = "meetings";
	/** The longest title kept. */
	public static final int TITLE_LIMIT = 200;

	private final MongoTemplate mongo;
	private final Clock clock;

	Meetings(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Why a meeting cannot be scheduled: the field, and what is wrong with it. */
	public static class Invalid extends RuntimeException {

		private final String field;

		Invalid(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return field;
		}
	}

	/**
	 * Schedules a meeting on a day after today (the participant's date), with an optional title of at most
	 * {@link #TITLE_LIMIT} characters.
	 * @throws Invalid naming {@code date} or {@code title}
	 */
	public Meeting schedule(Placement placement, LocalDate date, String title, String by) {
		if (date == null) {
			throw new Invalid("date", "must be a day written YYYY-MM-DD");
		}
		LocalDate today = placement.dateAt(clock.instant());
		if (!date.isAfter(today)) {
			throw new Invalid("date", "must be after today (" + today + ")");
		}
		String kept = title == null || title.isBlank() ? null : title.strip();
		if (kept != null && kept.length() > TITLE_LIMIT) {
			throw new Invalid("title", "must be at most " + TITLE_LIMIT + " characters");
		}
		Meeting meeting = new Meeting(UUID.randomUUID().toString(), placement.getId(), date, kept,
				clock.instant().truncatedTo(ChronoUnit.MILLIS), by, null, null, null);
		return mongo.insert(meeting);
	}

	/** The placement's meetings, by date. */
	public List<Meeting> of(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("date", "_id")),
				Meeting.class);
	}

	/** Cancels a meeting of the placement; whether there was one to cancel. */
	public boolean cancel(String placementId, String meetingId) {
		return mongo.remove(Query.query(Criteria.where("_id").is(meetingId).and("placementId").is(placementId)),
				Meeting.class).getDeletedCount() > 0;
	}

	/** The placement's meeting before this one (by date), if any: the brief covers what came since. */
	Optional<Meeting> previous(Meeting meeting) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("placementId")
			.is(meeting.placementId())
			.and("date")
			.lt(meeting.date())).with(Sort.by(Sort.Direction.DESC, "date")).limit(1), Meeting.class));
	}

	/** Meetings whose briefs no run has claimed yet. */
	List<Meeting> unbriefed() {
		return mongo.find(Query.query(Criteria.where("briefedAt").is(null)), Meeting.class);
	}

	@Override
	public int order() {
		return SCHEDULES;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(Meeting.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(MEETINGS, mongo.find(theirs(subject), Document.class, MEETINGS)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(MEETINGS, mongo.count(theirs(subject), MEETINGS));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		return Map.of(MEETINGS, mongo.remove(theirs(subject), MEETINGS).getDeletedCount());
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		return Map.of(MEETINGS,
				mongo.remove(Query.query(Criteria.where("placementId").is(placementId)), MEETINGS).getDeletedCount());
	}

	@Override
	public List<String> purged() {
		return List.of(MEETINGS);
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(Criteria.where("placementId").in(subject.ownPlacementIds()));
	}
}
