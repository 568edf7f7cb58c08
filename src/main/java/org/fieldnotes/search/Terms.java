package org.fieldnotes.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a query asks for, folded as the items are ({@link FoldedText}): terms that must all occur in an item. A term
 * is one word, or the words of a phrase: a quoted phrase ({@code "design review"}, with straight or typographic
 * quotes; an unclosed quote runs to the end), or a token that folding splits into several words ({@code e-mail},
 * {@code don't}). A word matches the start of a word of the text ("review" finds "reviews"); in a phrase, the words
 * before the last match whole words and follow each other with nothing but spaces or punctuation between them.
 *
 * <p>Only letters and digits are words: punctuation and symbols separate them, so {@code .*}, {@code $where} or
 * {@code {"$gt": ""}} are the words they contain ({@code where}, {@code gt}) or none at all, and are looked for as
 * text. Nothing of a query is ever a pattern or an operator.
 */
final class Terms {

	private final List<List<String>> terms;

	private Terms(List<List<String>> terms) {
		this.terms = terms;
	}

	static Terms parse(String query, boolean ignoreAccents) {
		Set<List<String>> found = new LinkedHashSet<>();
		StringBuilder chunk = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (isQuote(c)) {
				add(found, chunk, quoted, ignoreAccents);
				quoted = !quoted;
			}
			else if (!quoted && Character.isWhitespace(c)) {
				add(found, chunk, false, ignoreAccents);
			}
			else {
				chunk.append(c);
			}
		}
		add(found, chunk, quoted, ignoreAccents);
		return new Terms(List.copyOf(found));
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB';
	}

	private static void add(Set<List<String>> terms, StringBuilder chunk, boolean phrase, boolean ignoreAccents) {
		List<String> words = words(FoldedText.fold(chunk.toString(), ignoreAccents));
		chunk.setLength(0);
		if (!words.isEmpty()) {
			terms.add(List.copyOf(words));
		}
	}

	/** The words of a folded text, in order. */
	static List<String> words(String folded) {
		List<String> words = new ArrayList<>();
		int i = 0;
		while (i < folded.length()) {
			int cp = folded.codePointAt(i);
			if (!FoldedText.isWordPart(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int start = i;
			while (i < folded.length() && FoldedText.isWordPart(folded.codePointAt(i))) {
				i += Character.charCount(folded.codePointAt(i));
			}
			words.add(folded.substring(start, i));
		}
		return words;
	}

	/** No word at all: a query of nothing but spaces, punctuation or symbols. It finds nothing. */
	boolean isEmpty() {
		return terms.isEmpty();
	}

	int size() {
		return terms.size();
	}

	/** Whether every term occurs in at least one of the folded texts; never when there is no term. */
	boolean allIn(List<String> folded) {
		if (terms.isEmpty()) {
			return false;
		}
		for (List<String> term : terms) {
			boolean found = false;
			for (String text : folded) {
				if (text != null && next(text, term, 0) >= 0) {
					found = true;
					break;
				}
			}
			if (!found) {
				return false;
			}
		}
		return true;
	}

	/** Every occurrence of every term in the text, as ranges of the original, in order, overlaps merged. */
	List<Range> ranges(FoldedText text) {
		String folded = text.text();
		List<int[]> spans = new ArrayList<>();
		for (List<String> term : terms) {
			int from = 0;
			int at;
			while ((at = next(folded, term, from)) >= 0) {
				int end = endAt(folded, at, term);
				spans.add(new int[] { at, end });
				from = at + 1;
			}
		}
		spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
		List<Range> merged = new ArrayList<>();
		int start = -1;
		int end = -1;
		for (int[] span : spans) {
			Range original = text.original(span[0], span[1]);
			if (start >= 0 && original.start() <= end) {
				end = Math.max(end, original.end());
				continue;
			}
			if (start >= 0) {
				merged.add(new Range(start, end));
			}
			start = original.start();
			end = original.end();
		}
		if (start >= 0) {
			merged.add(new Range(start, end));
		}
		return merged;
	}

	/** Where the term next occurs in the folded text at or after {@code from}, or -1. */
	private static int next(String folded, List<String> term, int from) {
		String first = term.get(0);
		int at = folded.indexOf(first, from);
		while (at >= 0) {
			if (startsWord(folded, at) && endAt(folded, at, term) >= 0) {
				return at;
			}
			at = folded.indexOf(first, at + 1);
		}
		return -1;
	}

	/**
	 * Where the term that starts at {@code at} (the start of a word) ends in the folded text, or -1 when it does not
	 * occur there: each word but the last a whole word, the last the start of one, with only separators between.
	 */
	private static int endAt(String folded, int at, List<String> term) {
		int position = at;
		for (int w = 0; w < term.size(); w++) {
			String word = term.get(w);
			if (!folded.startsWith(word, position)) {
				return -1;
			}
			position += word.length();
			if (w == term.size() - 1) {
				return position;
			}
			if (position < folded.length() && FoldedText.isWordPart(folded.codePointAt(position))) {
				return -1;
			}
			while (position < folded.length() && !FoldedText.isWordPart(folded.codePointAt(position))) {
				position += Character.charCount(folded.codePointAt(position));
			}
		}
		return position;
	}

	private static boolean startsWord(String folded, int at) {
		return at == 0 || !FoldedText.isWordPart(folded.codePointBefore(at));
	}
}
