package org.fieldnotes.hours;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.placement.Placement;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The hours participants log, one figure per placement-day ({@link HoursDay}). Logging a day again replaces its
 * figure (one atomic upsert, so a retried command cannot count a day twice); logging 0 removes the day.
 */
@Service
public class HoursLog {

	/** A day's note is a line, not an entry: longer thoughts belong in the logbook. */
	public static final int MAX_NOTE = 300;

	private final MongoTemplate mongo;
	private final Clock clock;

	HoursLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * What is wrong with logging {@code minutes} on {@code date} for the placement, judged on the participant's
	 * {@code today}; empty when nothing is. A day after the placement's end is refused, a day before today is not
	 * (people catch up), a day to come is.
	 */
	public Optional<HoursProblem> check(Placement placement, LocalDate date, int minutes, String note, LocalDate today) {
		if (minutes > HoursAmount.MAX_MINUTES_A_DAY || minutes < 0) {
			return Optional.of(new HoursProblem("tooMany", List.of(HoursAmount.MAX_MINUTES_A_DAY / 60)));
		}
		if (date.isAfter(today)) {
			return Optional.of(new HoursProblem("future", List.of(date)));
		}
		if (date.isBefore(placement.getStartDate())) {
			return Optional.of(new HoursProblem("beforeStart", List.of(date, placement.getStartDate())));
		}
		if (date.isAfter(placement.getEndDate())) {
			return Optional.of(new HoursProblem("afterEnd", List.of(date, placement.getEndDate())));
		}
		if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
			return Optional.of(new HoursProblem("noteTooLong", List.of(MAX_NOTE)));
		}
		return Optional.empty();
	}

	/**
	 * Logs the day (checked first with {@link #check}): replaces the figure the day held (and its note, when a new
	 * one is given), or removes the day for 0 minutes.
	 *
	 * @return the minutes the day held before; empty when it held none
	 */
	public Optional<Integer> log(Placement placement, LocalDate date, int minutes, String note, String via) {
		Query day = Query.query(Criteria.where("_id").is(HoursDay.idOf(placement.getId(), date)));
		HoursDay before;
		if (minutes == 0) {
			before = mongo.findAndRemove(day, HoursDay.class);
		}
		else {
			Update update = new Update().set("placementId", placement.getId())
				.set("participantId", placement.getParticipant().id().value())
				.set("date", date)
				.set("minutes", minutes)
				.set("at", clock.instant())
				.set("via", via);
			// a corrected figure without a note keeps the day's note
			if (note != null && !note.isBlank()) {
				update.set("note", note.strip());
			}
			before = mongo.findAndModify(day, update, FindAndModifyOptions.options().upsert(true).returnNew(false),
					HoursDay.class);
		}
		return Optional.ofNullable(before).map(HoursDay::minutes);
	}

	/** The placement's logged days, earliest first. */
	public List<HoursDay> days(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId))
			.with(Sort.by("date")), HoursDay.class);
	}

	/** How far the placement is, on the participant's {@code today}, against {@code requiredHours} (or none). */
	public HoursSummary summary(Placement placement, Integer requiredHours, LocalDate today) {
		return summary(placement, days(placement.getId()), requiredHours, today);
	}

	/** As {@link #summary(Placement, Integer, LocalDate)}, from days already read. */
	public static HoursSummary summary(Placement placement, List<HoursDay> days, Integer requiredHours,
			LocalDate today) {
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		long logged = days.stream().mapToLong(HoursDay::minutes).sum();
		long week = days.stream().filter(d -> !d.date().isBefore(monday) && !d.date().isAfter(today))
			.mapToLong(HoursDay::minutes).sum();
		LocalDate last = days.stream().map(HoursDay::date).max(Comparator.naturalOrder()).orElse(null);
		return new HoursSummary(logged, requiredHours, week, days.size(), last,
				HoursSummary.expected(requiredHours, placement.getStartDate(), placement.getEndDate(), today));
	}

	/** Minutes logged per placement week (week 1 starts on the placement's first day), for weeks 1 to {@code last}. */
	public static List<Long> byPlacementWeek(Placement placement, List<HoursDay> days, int last) {
		List<Long> weeks = new ArrayList<>();
		for (int week = 1; week <= last; week++) {
			LocalDate start = placement.getStartDate().plusDays(7L * (week - 1));
			LocalDate next = start.plusDays(7);
			weeks.add(days.stream().filter(d -> !d.date().isBefore(start) && d.date().isBefore(next))
				.mapToLong(HoursDay::minutes).sum());
		}
		return weeks;
	}
}
