package org.fieldnotes.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A participant's logbook as they chose to show it: their lessons learnt first, then every chosen item in the order
 * it was written. Everything in it is the participant's own (words included): only they ever receive it.
 *
 * @param lessons entries answering a {@code lessons-learnt} prompt, oldest first (not repeated in {@code items})
 * @param items the other chosen items, oldest first
 * @param left out how many items of the placement the choice left out
 * @param addedValue the added value for the host the placement was set up with; {@literal null} when not said
 */
public record Portfolio(String participant, String program, String host, LocalDate start, LocalDate end,
		LocalDate from, LocalDate to, List<String> goals, List<Item> lessons, List<Item> items, int leftOut,
		Locale locale, String addedValue) {

	public Portfolio(String participant, String program, String host, LocalDate start, LocalDate end, LocalDate from,
			LocalDate to, List<String> goals, List<Item> lessons, List<Item> items, int leftOut, Locale locale) {
		this(participant, program, host, start, end, from, to, goals, lessons, items, leftOut, locale, null);
	}

	public Portfolio {
		goals = List.copyOf(goals);
		lessons = List.copyOf(lessons);
		items = List.copyOf(items);
	}

	/**
	 * One entry or status update.
	 *
	 * @param number its place in the whole logbook, oldest first (1, 2, …): stable whatever is chosen, so a
	 * participant can leave it out by number
	 * @param at when it was written (the order of the portfolio)
	 * @param date the participant's date then
	 * @param heading what it is, in the participant's language (e.g. the prompt's title, or "Status update")
	 * @param text the participant's words (an entry's text; a status update's progress); never {@literal null}
	 * @param detail a status update's colour and mood, already worded; else {@literal null}
	 * @param blockers a status update's blockers, as written; else {@literal null}
	 */
	public record Item(int number, String id, PortfolioPart part, java.time.Instant at, LocalDate date, int week, String heading, String text,
			String detail, String blockers) {
	}
}
