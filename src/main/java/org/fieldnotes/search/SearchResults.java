package org.fieldnotes.search;

import java.util.List;

/**
 * One page of what a search found, newest first.
 *
 * @param hits this page's items
 * @param total how many items matched in all
 * @param page the page, from 0
 * @param size results per page
 * @param noWords whether the query had no word to look for (nothing but spaces, punctuation or symbols), so nothing
 * was looked for: the page should ask for a word
 */
public record SearchResults(List<SearchHit> hits, int total, int page, int size, boolean noWords) {

	public SearchResults {
		hits = List.copyOf(hits);
	}

	static SearchResults nothingToLookFor(SearchQuery query) {
		return new SearchResults(List.of(), 0, query.page(), query.size(), true);
	}

	/** Whether there are results after this page. */
	public boolean more() {
		return (long) (page + 1) * size < total;
	}
}
