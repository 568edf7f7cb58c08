package org.fieldnotes.search;

import java.util.List;

/**
 * The part of one field of an item around its matches: plain text, never markup, and the ranges in it
 * ({@link Range}, offsets into {@link #text()}) that matched. A short text is whole; a long one is cut at spaces
 * around its first match, and {@link #cutBefore()} / {@link #cutAfter()} say where text was left out, for the page to
 * show an ellipsis.
 */
public record Snippet(Field field, String text, boolean cutBefore, boolean cutAfter, List<Range> matches) {

	/** Which field of the item. */
	public enum Field {
		/** An entry's or a reply's text. */
		TEXT,
		/** A status update's progress. */
		PROGRESS,
		/** A status update's blockers. */
		BLOCKERS
	}

	public Snippet {
		matches = List.copyOf(matches);
	}
}
