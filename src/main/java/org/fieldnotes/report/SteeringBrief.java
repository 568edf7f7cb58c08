package org.fieldnotes.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A placement's steering-meeting brief for one reader: since a day, what that reader may read and nothing else.
 *
 * @param reader the role it was generated for: {@code academic_coach}, {@code business_coach}, {@code manager} or
 * {@code admin}
 * @param since the first day it covers (the participant's date)
 * @param until the day it was generated
 * @param previousBrief when the placement's previous brief was generated; {@literal null} when there was none
 * @param entries the entries of the period the reader may read, oldest first
 * @param trend one line per placement week of the period: the latest status update the reader may read
 * @param blockers blockers named in those status updates, newest first
 * @param actions the "Now what?" plans in the entries the reader may read, oldest first
 * @param addedValue the added value for the host the placement was set up with (a fact of the placement, as its
 * goals are); {@literal null} when not said
 */
public record SteeringBrief(String placementId, String participant, String program, String host, String reader,
		LocalDate since, LocalDate until, Instant previousBrief, List<String> goals, List<Entry> entries,
		List<Week> trend, List<Blocker> blockers, List<Action> actions, String addedValue) {

	public SteeringBrief(String placementId, String participant, String program, String host, String reader,
			LocalDate since, LocalDate until, Instant previousBrief, List<String> goals, List<Entry> entries,
			List<Week> trend, List<Blocker> blockers, List<Action> actions) {
		this(placementId, participant, program, host, reader, since, until, previousBrief, goals, entries, trend,
				blockers, actions, null);
	}

	public SteeringBrief {
		goals = List.copyOf(goals);
		entries = List.copyOf(entries);
		trend = List.copyOf(trend);
		blockers = List.copyOf(blockers);
		actions = List.copyOf(actions);
	}

	/**
	 * @param prompt the prompt it answers (its title in the reader's language), or {@literal null} for a free entry
	 * @param visibility who it is shared with: {@code coaches}, {@code placement}, {@code confidential}
	 */
	public record Entry(String id, LocalDate date, int week, String prompt, String visibility, String text) {
	}

	/**
	 * @param status {@code green}, {@code amber} or {@code red}; {@literal null} when the reader may read no status
	 * update of that week
	 * @param mood 1–5, under the same rule
	 */
	public record Week(int week, LocalDate weekStart, String status, Integer mood) {
	}

	/** A plan the participant wrote under "Now what?", quoted from the entry. */
	public record Action(String entryId, LocalDate date, String text) {
	}

	/**
	 * A blocker named in status updates (see {@link BriefBlockers}).
	 *
	 * @param since the day it was first named in a run of updates naming it
	 * @param latest the day it was last named
	 * @param text the participant's words
	 */
	public record Blocker(LocalDate since, LocalDate latest, String text) {
	}
}
