package org.fieldnotes.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.search.Range;
import org.fieldnotes.search.SearchHit;
import org.fieldnotes.search.Snippet;

/**
 * What the search page shows of one result: its snippets cut into plain parts and matched parts, so that the
 * template writes every part with {@code th:text} (escaped) and wraps only the matched ones in {@code <mark>}; no
 * markup is ever built from a person's words.
 */
final class SearchPage {

	private SearchPage() {
	}

	/** A run of a snippet's text: matched (marked) or not. */
	record Part(String text, boolean marked) {
	}

	/** One field of a result, in parts; an ellipsis goes where text was left out. */
	record Shown(String field, boolean cutBefore, boolean cutAfter, List<Part> parts) {
	}

	/**
	 * One result as the page shows it.
	 *
	 * @param kind {@code entry}, {@code prompt_answer}, {@code status_update} or {@code reply}
	 * @param day the day it was written, on the participant's calendar, in the reader's words
	 * @param title the prompt's title, for an answer; else {@literal null}
	 */
	record Result(String placementId, String itemId, String participant, String program, String kind, String day,
			String title, List<Shown> snippets) {
	}

	static Result of(SearchHit hit, Locale locale) {
		List<Shown> shown = new ArrayList<>();
		for (Snippet snippet : hit.snippets()) {
			shown.add(new Shown(snippet.field().name().toLowerCase(Locale.ROOT), snippet.cutBefore(),
					snippet.cutAfter(), parts(snippet)));
		}
		return new Result(hit.placementId(), hit.entryId() != null ? hit.entryId() : hit.id(), hit.participant(),
				hit.program(), hit.kind().name().toLowerCase(Locale.ROOT),
				DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale).format(hit.date()), hit.promptTitle(), shown);
	}

	/** The snippet's text, cut at its match ranges (sorted, not overlapping, as the search gives them). */
	static List<Part> parts(Snippet snippet) {
		List<Part> parts = new ArrayList<>();
		String text = snippet.text();
		int at = 0;
		for (Range match : snippet.matches()) {
			if (match.start() < at || match.end() > text.length()) {
				continue;
			}
			if (match.start() > at) {
				parts.add(new Part(text.substring(at, match.start()), false));
			}
			parts.add(new Part(text.substring(match.start(), match.end()), true));
			at = match.end();
		}
		if (at < text.length()) {
			parts.add(new Part(text.substring(at), false));
		}
		return parts;
	}

	/** The address of the next page of the same search: every value URL-encoded (the template escapes the rest). */
	static String next(String words, String placement, String program, String from, String to, int page) {
		StringBuilder url = new StringBuilder("/portal/search?q=").append(encoded(words));
		for (String[] field : new String[][] { { "placement", placement }, { "program", program }, { "from", from },
				{ "to", to } }) {
			if (field[1] != null && !field[1].isBlank()) {
				url.append('&').append(field[0]).append('=').append(encoded(field[1]));
			}
		}
		return url.append("&page=").append(page).toString();
	}

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A day as a date field sends it ({@code 2026-12-03}); {@literal null} when blank.
	 *
	 * @throws org.fieldnotes.search.InvalidSearch naming the field when it is not a day
	 */
	static LocalDate day(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new org.fieldnotes.search.InvalidSearch(field, "a day as YYYY-MM-DD");
		}
	}
}
