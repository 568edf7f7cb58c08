package org.fieldnotes.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.Image;
import org.fieldnotes.digest.chart.MoodCharts;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mood and status chart of each placement in a digest, drawn for the recipient's role and language: inline in
 * an e-mail digest, uploaded after a Slack digest into its thread (by the outbox, once the digest is delivered:
 * each chart stays with the digest of its week). A chart is extra: when one cannot be drawn or
 * uploaded the digest still counts as sent, and only the error code is logged.
 */
@Component
class DigestCharts {

	private static final Logger log = LoggerFactory.getLogger(DigestCharts.class);

	private final MoodCharts charts;
	private final Languages languages;

	DigestCharts(MoodCharts charts, Languages languages) {
		this.charts = charts;
		this.languages = languages;
	}

	/** Reads the status updates of these placements at once, for this thread's charts until it is closed. */
	MoodCharts.Preloaded preload(java.util.Collection<String> placementIds) {
		return charts.preload(placementIds);
	}

	/** One chart per placement that has enough status updates the recipient may read, in the order given. */
	List<Image> of(Recipient recipient, List<PlacementWeek> weeks) {
		Locale locale = languages.of(recipient.person());
		List<Image> images = new ArrayList<>();
		for (PlacementWeek week : weeks) {
			try {
				charts.chart(week.placement(), week.role(), locale, week.placement().getParticipant().zone()).ifPresent(images::add);
			}
			catch (RuntimeException e) {
				log.warn("Mood chart for placement {} left out: {}", week.placement().getId(), e.getClass().getSimpleName());
			}
		}
		return images;
	}
}
