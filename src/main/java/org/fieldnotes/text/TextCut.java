package org.fieldnotes.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * The one way Fieldnotes shortens text that is too long for where it goes (Slack's limits, titles, summaries): the
 * cut falls between two characters as a reader sees them (Unicode extended grapheme clusters, by ICU's
 * {@link BreakIterator#getCharacterInstance()}), so it never leaves half of an emoji, a flag, a family joined by
 * zero-width joiners, a skin tone or a letter with its accent, and never an unpaired surrogate that Slack could not
 * encode. Lengths are counted in UTF-16 units ({@link String#length()}), the strictest way the limits are counted.
 */
public final class TextCut {

	/** What a cut text ends with unless the caller says otherwise. */
	public static final String ELLIPSIS = "…";

	private TextCut() {
	}

	/** The text if it fits in {@code max}, else as much of it as fits with {@link #ELLIPSIS}, in {@code max}. */
	public static String cut(String text, int max) {
		return cut(text, max, ELLIPSIS);
	}

	/**
	 * The text if it fits in {@code max}, else its longest head that leaves room for {@code marker} and ends
	 * between two characters as a reader sees them, followed by the marker; never longer than {@code max} (when
	 * the marker alone is longer, the marker cut the same way).
	 */
	public static String cut(String text, int max, String marker) {
		if (text.length() <= max) {
			return text;
		}
		if (marker.length() >= max) {
			return head(marker, max);
		}
		return head(text, max - marker.length()) + marker;
	}

	/** The longest head of the text that is at most {@code max} long and ends on a character boundary. */
	public static String head(String text, int max) {
		return text.length() <= max ? text : text.substring(0, boundaryAtOrBefore(text, Math.max(0, max)));
	}

	/**
	 * The last place at or before {@code index} where the text may be cut: {@code index} itself when it falls
	 * between two characters as a reader sees them, else the start of the character it falls inside.
	 */
	public static int boundaryAtOrBefore(String text, int index) {
		if (index <= 0) {
			return 0;
		}
		if (index >= text.length()) {
			return text.length();
		}
		// an instance per call: a BreakIterator holds its text and is not safe to share
		BreakIterator characters = BreakIterator.getCharacterInstance(ULocale.ROOT);
		characters.setText(text);
		return characters.isBoundary(index) ? index : Math.max(0, characters.preceding(index));
	}
}
