package org.fieldnotes.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.logbook.StatusUpdate;

/**
 * The brief's blockers: those named in the status updates the reader may read, newest first, a blocker repeated in
 * consecutive updates given once with the day it was first named. The one place the brief learns of blockers, so it
 * can read blocker items instead once they exist.
 */
final class BriefBlockers {

	private BriefBlockers() {
	}

	/** @param readableNewestFirst only status updates the reader may read, newest first */
	static List<SteeringBrief.Blocker> of(List<StatusUpdate> readableNewestFirst, ZoneId zone) {
		List<SteeringBrief.Blocker> blockers = new ArrayList<>();
		for (StatusUpdate update : readableNewestFirst) {
			String text = update.blockers() == null ? "" : update.blockers().strip();
			LocalDate day = update.createdAt().atZone(zone).toLocalDate();
			if (text.isEmpty()) {
				continue;
			}
			int last = blockers.size() - 1;
			if (last >= 0 && blockers.get(last).text().equals(text)) {
				blockers.set(last, new SteeringBrief.Blocker(day, blockers.get(last).latest(), text));
			}
			else {
				blockers.add(new SteeringBrief.Blocker(day, day, text));
			}
		}
		return List.copyOf(blockers);
	}
}
