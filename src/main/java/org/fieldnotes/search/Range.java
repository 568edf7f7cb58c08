package org.fieldnotes.search;

/**
 * A match in a text: the characters {@code [start, end)} (Java {@code char} offsets, as {@link String#substring}
 * takes them) of the plain text it is a range of. A page escapes the text and wraps each range in a mark; the text
 * itself never carries markup.
 */
public record Range(int start, int end) {

	public Range {
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("Not a range: " + start + ".." + end);
		}
	}
}
