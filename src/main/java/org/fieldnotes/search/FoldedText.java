package org.fieldnotes.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * A text as search compares it: each character (with the combining marks that follow it) composed (NFC),
 * case-folded with Unicode's full folding ({@code Å} is {@code å}, {@code ß} and {@code ẞ} are {@code ss}, {@code Σ}
 * and {@code ς} are {@code σ}) and, when accents are ignored, stripped of its marks ({@code é} is {@code e}, and so is
 * Swedish {@code ö} {@code o}, which is why that is an option, not the default). The query and the items are folded
 * alike, so what one finds the other matches.
 *
 * <p>With offsets, each folded character knows the characters of the original it came from, so a match in the
 * folded text is a range of the original (a folded {@code ss} of {@code ß} is the one {@code ß}).
 */
final class FoldedText {

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
	/** The folding of single characters outside ASCII, which repeat (å, ä, ö): computed once each. */
	private static final Map<Integer, String> FOLDED = new ConcurrentHashMap<>();
	private static final Map<Integer, String> FOLDED_PLAIN = new ConcurrentHashMap<>();

	private final String folded;
	private final int[] starts;
	private final int[] ends;

	private FoldedText(String folded, int[] starts, int[] ends) {
		this.folded = folded;
		this.starts = starts;
		this.ends = ends;
	}

	/** The folded text alone, for matching. */
	static String fold(String text, boolean ignoreAccents) {
		return build(text, ignoreAccents, false).folded;
	}

	/** The folded text and where each of its characters came from, for the match ranges. */
	static FoldedText withOffsets(String text, boolean ignoreAccents) {
		return build(text, ignoreAccents, true);
	}

	String text() {
		return folded;
	}

	/** The original range {@code [start, end)} that the folded range {@code [from, to)} (not empty) came from. */
	Range original(int from, int to) {
		return new Range(starts[from], ends[to - 1]);
	}

	private static FoldedText build(String text, boolean ignoreAccents, boolean offsets) {
		int length = text.length();
		StringBuilder out = new StringBuilder(length);
		int[] starts = offsets ? new int[length + 8] : null;
		int[] ends = offsets ? new int[length + 8] : null;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			int end = i + 1;
			String piece = null;
			if (c < 0x80 && (end == length || text.charAt(end) < 0x300 || !isMark(text.codePointAt(end)))) {
				// the common case: ASCII not followed by a combining mark
				out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
			}
			else {
				int cp = text.codePointAt(i);
				end = i + Character.charCount(cp);
				while (end < length && isMark(text.codePointAt(end))) {
					end += Character.charCount(text.codePointAt(end));
				}
				piece = end - i == Character.charCount(cp) ? single(cp, ignoreAccents)
						: cluster(text.substring(i, end), ignoreAccents);
				out.append(piece);
			}
			if (offsets) {
				int added = piece == null ? 1 : piece.length();
				int at = out.length() - added;
				if (out.length() > starts.length) {
					int grown = Math.max(out.length(), starts.length * 2);
					starts = java.util.Arrays.copyOf(starts, grown);
					ends = java.util.Arrays.copyOf(ends, grown);
				}
				for (int k = at; k < out.length(); k++) {
					starts[k] = i;
					ends[k] = end;
				}
			}
			i = end;
		}
		return new FoldedText(out.toString(), starts, ends);
	}

	private static String single(int cp, boolean ignoreAccents) {
		return (ignoreAccents ? FOLDED_PLAIN : FOLDED).computeIfAbsent(cp,
				c -> cluster(new String(Character.toChars(c)), ignoreAccents));
	}

	private static String cluster(String characters, boolean ignoreAccents) {
		String folded = UCharacter.foldCase(NFC.normalize(characters), true);
		if (!ignoreAccents) {
			return NFC.normalize(folded);
		}
		String decomposed = NFD.normalize(folded);
		StringBuilder plain = new StringBuilder(decomposed.length());
		decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(plain::appendCodePoint);
		return plain.toString();
	}

	static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	/** Whether the character is part of a word: a letter, a digit or a mark on one. */
	static boolean isWordPart(int cp) {
		return Character.isLetterOrDigit(cp) || isMark(cp);
	}
}
