package org.fieldnotes.logbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fieldnotes.text.TextCut;
import org.springframework.stereotype.Service;

/**
 * A participant's latest logbook entries and status updates together, newest first: what any "my placement" view
 * (the Slack App Home, later Teams or the portal) shows as recent activity.
 */
@Service
public class RecentActivity {

	/** How many characters of someone's words a line quotes. */
	static final int QUOTE = 80;

	private final OwnEntries entries;
	private final StatusUpdates statusUpdates;

	RecentActivity(OwnEntries entries, StatusUpdates statusUpdates) {
		this.entries = entries;
		this.statusUpdates = statusUpdates;
	}

	/** At most {@code limit} items of the placement, entries (not deleted) and status updates, newest first. */
	public List<Item> latest(String placementId, int limit) {
		List<Item> recent = new ArrayList<>();
		entries.latest(placementId, limit).forEach(entry -> recent.add(new Item(entry.createdAt(), entry, null)));
		statusUpdates.latest(placementId, limit).forEach(update -> recent.add(new Item(update.createdAt(), null, update)));
		recent.sort(Comparator.comparing(Item::at).reversed());
		return recent.size() > limit ? List.copyOf(recent.subList(0, limit)) : List.copyOf(recent);
	}

	/**
	 * The first ~80 characters of someone's words, on one line, never cut inside a character ({@link TextCut}): how a
	 * list or a form quotes them.
	 */
	public static String excerpt(String text) {
		String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return flat.length() <= QUOTE ? flat : TextCut.cut(flat, QUOTE + 1);
	}

	/** One item: either an entry or a status update. */
	public record Item(Instant at, LogbookEntry entry, StatusUpdate update) {

		public boolean isEntry() {
			return entry != null;
		}

		/** Who besides the author may read it. */
		public org.fieldnotes.placement.Visibility visibility() {
			return entry != null ? entry.visibility() : update.visibility();
		}

		/** The words to quote: the entry's text, or the status update's progress. */
		public String text() {
			return entry != null ? entry.text() : update.progress();
		}
	}
}
