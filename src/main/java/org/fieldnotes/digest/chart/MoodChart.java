package org.fieldnotes.digest.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;

/**
 * What a mood and status chart shows one reader: the status updates of a placement that they may read, oldest
 * first, each as its placement week, mood and overall status. Built only from updates {@link StatusUpdate#readableBy
 * readable} by the reader's role, so a private update is never in it and a confidential one only for the academic
 * coach.
 *
 * @param participant the participant's name, for the title
 * @param points at least {@link #MINIMUM_POINTS}, oldest first
 */
public record MoodChart(String participant, List<Point> points) {

	/** Fewer readable status updates than this make no chart. */
	public static final int MINIMUM_POINTS = 2;

	public MoodChart {
		points = List.copyOf(points);
	}

	/**
	 * One status update on the chart.
	 * @param position where on the week axis: the placement week, moved by the day within it so that the week
	 * number sits in the middle of the week (from {@code week - 3/7} on its first day to {@code week + 3/7} on its
	 * last: the Friday of week 3 of a placement that starts on a Monday is at 3 + 1/7)
	 * @param week the placement week ({@link Placement#weekNumberOn(LocalDate)})
	 * @param mood 1 (low) to 5 (great)
	 */
	public record Point(double position, int week, int mood, OverallStatus status) {
	}

	/** How the mood went from the first to the last point. */
	public enum Trend {
		RISING, FALLING, STEADY
	}

	/**
	 * The chart a reader in {@code role} gets for a placement, or empty when fewer than {@link #MINIMUM_POINTS}
	 * of its status updates up to {@code now} are readable by that role.
	 * @param updates the placement's status updates, in any order
	 * @param zone the zone whose calendar decides which placement week an update falls in
	 */
	public static Optional<MoodChart> of(Placement placement, Role role, List<StatusUpdate> updates, Instant now,
			ZoneId zone) {
		List<Point> points = updates.stream()
			.filter(u -> u.readableBy(role))
			.filter(u -> u.placementId().equals(placement.getId()))
			.filter(u -> !u.createdAt().isAfter(now))
			.filter(u -> u.mood() >= 1 && u.mood() <= 5 && u.status() != null)
			.sorted(Comparator.comparing(StatusUpdate::createdAt).thenComparing(StatusUpdate::id))
			.map(u -> point(placement, u, zone))
			.toList();
		return points.size() < MINIMUM_POINTS ? Optional.empty()
				: Optional.of(new MoodChart(placement.getParticipant().name(), points));
	}

	private static Point point(Placement placement, StatusUpdate update, ZoneId zone) {
		LocalDate day = update.createdAt().atZone(zone).toLocalDate();
		// within the placement this is the week plus (day in the week - 3) / 7; outside it the position goes on
		// counting days, while the week says what every other surface says (week 1 before, the last week after)
		long days = ChronoUnit.DAYS.between(placement.getStartDate(), day);
		return new Point(1 + (days - 3) / 7.0, placement.weekNumberOn(day), update.mood(), update.status());
	}

	public int firstWeek() {
		return points.get(0).week();
	}

	public int lastWeek() {
		return points.get(points.size() - 1).week();
	}

	/** How many placement weeks the chart spans, first and last included. */
	public int weeks() {
		return lastWeek() - firstWeek() + 1;
	}

	public List<Integer> moods() {
		return points.stream().map(Point::mood).toList();
	}

	public List<OverallStatus> statuses() {
		return points.stream().map(Point::status).toList();
	}

	/** Rising or falling when the last mood differs from the first, else steady. */
	public Trend trend() {
		int first = points.get(0).mood();
		int last = points.get(points.size() - 1).mood();
		return last > first ? Trend.RISING : last < first ? Trend.FALLING : Trend.STEADY;
	}
}
