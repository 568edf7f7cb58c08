package org.fieldnotes.search;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a reader searches for: the words as typed (see {@link Terms}: all must occur, quoted phrases as phrases,
 * each word as the start of a word), and optional filters, each narrowing what the reader may see anyway.
 *
 * @param words the query as typed; at most {@link #MAX_LENGTH} characters
 * @param placementId only this placement's items, or {@literal null}
 * @param program only the placements of this programme (compared as programme keys are, without regard to case), or
 * {@literal null}
 * @param from only items written on or after this day, on the participant's calendar, or {@literal null}
 * @param to only items written on or before this day, on the participant's calendar, or {@literal null}
 * @param page which page of results, from 0
 * @param size results per page, 1 to {@link #MAX_SIZE}
 * @param ignoreAccents whether {@code é} finds {@code e} and {@code ö} finds {@code o} (off by default: to a Swede
 * {@code ö} is a letter of its own)
 * @param locale the reader's language, for the titles of prompts
 * @throws InvalidSearch naming the field that is wrong
 */
public record SearchQuery(String words, String placementId, String program, LocalDate from, LocalDate to, int page,
		int size, boolean ignoreAccents, Locale locale) {

	public static final int MAX_LENGTH = 200;
	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 100;

	public SearchQuery {
		words = words == null ? "" : words;
		placementId = blankToNull(placementId);
		program = blankToNull(program);
		locale = locale == null ? Locale.ENGLISH : locale;
		if (words.length() > MAX_LENGTH) {
			throw new InvalidSearch("words", "at most " + MAX_LENGTH + " characters");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidSearch("to", "not before from");
		}
		if (page < 0) {
			throw new InvalidSearch("page", "0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidSearch("size", "1 to " + MAX_SIZE);
		}
	}

	/** The words, without filters: the first page, {@link #DEFAULT_SIZE} results, in English. */
	public static SearchQuery of(String words) {
		return new SearchQuery(words, null, null, null, null, 0, DEFAULT_SIZE, false, Locale.ENGLISH);
	}

	public SearchQuery inPlacement(String id) {
		return new SearchQuery(words, id, program, from, to, page, size, ignoreAccents, locale);
	}

	public SearchQuery inProgram(String name) {
		return new SearchQuery(words, placementId, name, from, to, page, size, ignoreAccents, locale);
	}

	public SearchQuery between(LocalDate first, LocalDate last) {
		return new SearchQuery(words, placementId, program, first, last, page, size, ignoreAccents, locale);
	}

	public SearchQuery page(int number, int perPage) {
		return new SearchQuery(words, placementId, program, from, to, number, perPage, ignoreAccents, locale);
	}

	public SearchQuery ignoringAccents() {
		return new SearchQuery(words, placementId, program, from, to, page, size, true, locale);
	}

	public SearchQuery in(Locale language) {
		return new SearchQuery(words, placementId, program, from, to, page, size, ignoreAccents, language);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
