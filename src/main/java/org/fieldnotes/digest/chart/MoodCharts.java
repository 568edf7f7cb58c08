package org.fieldnotes.digest.chart;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.chat.Image;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Mood and status charts for digests: for a placement and the reader's role, a PNG of the status updates that
 * reader may read, with a title naming the participant and a text alternative that says the same in words
 * ("Ada Lindqvist, mood over 4 weeks (weeks 2–5): 4, 4, 3, 2 (falling). Status: green, green, amber, red."), all in
 * the reader's language. No chart with fewer than two readable status updates.
 */
@Component
public class MoodCharts {

	private static final Logger log = LoggerFactory.getLogger(MoodCharts.class);

	private final StatusUpdates statusUpdates;
	private final MessageSource messages;
	private final Clock clock;

	MoodCharts(StatusUpdates statusUpdates, MessageSource messages, Clock clock) {
		this.statusUpdates = statusUpdates;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The chart of a placement for a reader in {@code role}, drawn now; empty when there is not enough to draw, or
	 * when drawing fails (logged; a digest goes out without its chart rather than not at all).
	 * @param zone the participant's time zone, which decides the placement week each update falls in
	 */
	public Optional<Image> chart(Placement placement, Role role, Locale locale, ZoneId zone) {
		Map<String, List<StatusUpdate>> loaded = preloaded.get();
		List<StatusUpdate> updates = loaded != null && loaded.containsKey(placement.getId())
				? loaded.get(placement.getId()) : statusUpdates.of(placement.getId());
		return chart(placement, role, updates, locale, zone);
	}

	/** What the current digest run of this thread preloaded, by placement id; none outside a run. */
	private final ThreadLocal<Map<String, List<StatusUpdate>>> preloaded = new ThreadLocal<>();

	/**
	 * Reads the status updates of these placements at once (one query per batch of placements), for this thread's
	 * charts until the returned scope is closed: a digest run draws each placement's chart once per recipient.
	 */
	public Preloaded preload(Collection<String> placementIds) {
		Map<String, List<StatusUpdate>> loaded = new HashMap<>(statusUpdates.latest(placementIds, Integer.MAX_VALUE));
		placementIds.forEach(id -> loaded.putIfAbsent(id, List.of()));
		preloaded.set(loaded);
		return preloaded::remove;
	}

	/** A run's preloaded status updates; closing it ends the run's use of them. */
	public interface Preloaded extends AutoCloseable {

		@Override
		void close();
	}

	/** The same, from the placement's status updates as given. */
	Optional<Image> chart(Placement placement, Role role, List<StatusUpdate> updates, Locale locale, ZoneId zone) {
		Optional<MoodChart> data = MoodChart.of(placement, role, updates, clock.instant(), zone);
		if (data.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(image(data.get(), locale));
		}
		catch (VirtualMachineError e) {
			throw e;
		}
		catch (RuntimeException | Error e) { // e.g. a server without fonts: Java2D fails with an Error, not an exception
			log.warn("Mood chart for placement {} not drawn: {}", placement.getId(), e.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/** The chart as an image with its title and alt text in {@code locale}. */
	Image image(MoodChart chart, Locale locale) {
		String title = text("chart.title", locale, chart.participant());
		Map<OverallStatus, String> legend = new EnumMap<>(OverallStatus.class);
		for (OverallStatus status : OverallStatus.values()) {
			legend.put(status, text("chart.status." + status, locale));
		}
		byte[] png = ChartDrawing.png(chart, new ChartDrawing.Labels(title, text("chart.axis.week", locale),
				text("chart.axis.mood", locale), text("chart.series.mood", locale), legend));
		return new Image("mood-status-week-" + chart.lastWeek() + ".png", title, altText(chart, locale), png,
				ChartDrawing.WIDTH, ChartDrawing.HEIGHT);
	}

	/** The chart in words: what a screen reader reads and what an e-mail's plain-text part shows instead. */
	String altText(MoodChart chart, Locale locale) {
		String moods = chart.moods().stream().map(String::valueOf).collect(Collectors.joining(", "));
		List<String> statuses = chart.statuses().stream().map(s -> text("chart.alt.status." + s, locale)).toList();
		return text("chart.alt", locale, chart.participant(), chart.weeks(), chart.firstWeek(), chart.lastWeek(), moods,
				text("chart.alt.trend." + chart.trend(), locale), String.join(", ", statuses));
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
