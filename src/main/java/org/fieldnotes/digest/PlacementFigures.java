package org.fieldnotes.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.placement.Placement;
import org.springframework.stereotype.Component;

/**
 * A placement's figures as the digests show them, for other pages (the portal's "My placements"): the very line of
 * the cohort digest ({@link CohortLines}: prompts answered of those that fell due, the last shared entry, the latest
 * status that is not private) and the needs-attention flags every follower's digest opens with, worded by
 * {@link Attention#describe} as there. Facts only, never anyone's words; private items count for nothing.
 */
@Component
public class PlacementFigures {

	private final CohortLines lines;
	private final Attention attention;

	PlacementFigures(CohortLines lines, Attention attention) {
		this.lines = lines;
		this.attention = attention;
	}

	/**
	 * One placement's figures now.
	 *
	 * @param week the placement's week now (1-based), {@literal 0} before it starts
	 * @param totalWeeks its weeks from start to end
	 * @param started whether it has started (the participant's date now is on or after the start)
	 * @param ended whether it is over (ended early, or past its end date)
	 * @param endedOn the day it ended or ends
	 * @param due prompts that fell due since the start (a prompt skipped while away, on holiday or closed is not)
	 * @param answered of those, how many were answered
	 * @param dueThisWeek prompts that fell due in the last 7 days
	 * @param answeredThisWeek of those, how many were answered
	 * @param lastEntry the date of the latest entry that is not private; {@literal null} when none
	 * @param status the latest status that is not private; {@literal null} when none
	 * @param flags each needs-attention flag in words, in the reader's language; empty when all is well
	 */
	public record Figures(int week, int totalWeeks, boolean started, boolean ended, LocalDate endedOn, int due,
			int answered, int dueThisWeek, int answeredThisWeek, LocalDate lastEntry, OverallStatus status,
			List<String> flags) {

		public Figures {
			flags = List.copyOf(flags);
		}

		/** Prompts answered of those due, in whole percent; {@literal null} when none fell due yet. */
		public Long responseRate() {
			return due == 0 ? null : Math.round(100.0 * answered / due);
		}
	}

	/** The placement's figures now, the flags worded in {@code locale}. */
	public Figures of(Placement placement, Locale locale) {
		CohortLine line = lines.of(placement);
		List<String> flags = line.flags().stream().map(flag -> attention.describe(List.of(flag), locale)).toList();
		int week = line.started() ? placement.weekNumberOn(line.today()) : 0;
		return new Figures(week, placement.totalWeeks(), line.started(), line.ended(), line.endedOn(), line.due(),
				line.answered(), line.dueThisWeek(), line.answeredThisWeek(), line.lastEntry(), line.status(), flags);
	}
}
