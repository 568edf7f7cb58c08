package org.fieldnotes.digest;

import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.digest.attention.Flag;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.placement.Placement;

/**
 * One placement in the cohort digest: facts only (counts, dates, the RAG status, flags), never anyone's words.
 *
 * @param today the participant's date now
 * @param endedOn the day it ended (its end date, or the day it was ended early); after today while it runs
 * @param due prompts that fell due since the start: sent, or due and not sent (missed, failed, skipped); a prompt
 * skipped because the participant was away or on holiday is not counted
 * @param answered of those, how many were answered
 * @param dueThisWeek prompts that fell due in the last 7 days
 * @param answeredThisWeek of those, how many were answered
 * @param lastEntry the participant's date of their latest entry; {@literal null} when none
 * @param status the latest status that is not private; {@literal null} when none
 * @param flags why it needs attention; empty when it does not
 * @param signOff the host manager's latest week sign-off (its rating, never the comment); {@literal null} when none
 * @param hours the hours logged against the programme's total (figures only, never a day's note); {@literal null}
 * when the programme counts no time and none were logged
 */
record CohortLine(Placement placement, LocalDate today, LocalDate endedOn, int due, int answered, int dueThisWeek,
		int answeredThisWeek, LocalDate lastEntry, OverallStatus status, List<Flag> flags,
		org.fieldnotes.signoff.WeekSignOff signOff, org.fieldnotes.hours.HoursSummary hours) {

	boolean flagged() {
		return !flags.isEmpty();
	}

	boolean ended() {
		return today.isAfter(endedOn) || placement.getStatus() == org.fieldnotes.placement.PlacementStatus.ENDED;
	}

	boolean started() {
		return !today.isBefore(placement.getStartDate());
	}
}
