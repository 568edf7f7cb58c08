package org.fieldnotes.report;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the participant chose to put in their portfolio.
 *
 * @param from the first day (the participant's date), or {@literal null}: from the start
 * @param to the last day, inclusive, or {@literal null}: up to today
 * @param parts the kinds of item; empty means all
 * @param without the numbers of single items to leave out (each item's number in the whole logbook, oldest
 * first, as the portfolio shows it)
 */
public record PortfolioChoice(LocalDate from, LocalDate to, Set<PortfolioPart> parts, Set<Integer> without) {

	public PortfolioChoice {
		parts = parts == null || parts.isEmpty() ? EnumSet.allOf(PortfolioPart.class) : EnumSet.copyOf(parts);
		without = without == null ? Set.of() : Set.copyOf(without);
	}

	/** Everything. */
	public static PortfolioChoice all() {
		return new PortfolioChoice(null, null, null, null);
	}

	boolean includes(PortfolioPart part, LocalDate day, int number) {
		return parts.contains(part) && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))
				&& !without.contains(number);
	}
}
