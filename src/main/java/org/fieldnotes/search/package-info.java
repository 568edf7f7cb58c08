/**
 * Search across what a reader may see: logbook entries, status updates and replies to entries, every item asked of
 * {@link org.fieldnotes.access.AccessPolicy} ({@link org.fieldnotes.access.Operation#READ_ITEM}) one by one.
 * Matching is done here, in Java, on text folded the same way for the query and the items (case-folded, Unicode
 * normalised; accents optionally ignored): all words must occur, quoted phrases as a phrase, each word as the
 * prefix of a word. The query is text, never a regular expression or a store operator: the store is asked only by
 * placement and date. Results carry the plain text and the match ranges in it, never markup: whoever shows them
 * escapes the text and marks the ranges.
 */
package org.fieldnotes.search;
