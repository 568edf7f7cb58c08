package org.fieldnotes.goals;

import java.time.YearMonth;

/**
 * The action id of the "Which goal moved?" button. Its value is {@code <placement id>/<yyyy-MM>}: the placement and
 * the calendar month asked about; chat adapters route on the id and hand the value to {@link GoalProgressForms#open}.
 */
public final class GoalButtons {

	/** "Which goal moved?": opens the month's goal-progress form. */
	public static final String MOVED = "goal_progress";

	private GoalButtons() {
	}

	/** The button's value for this placement and month. */
	public static String value(String placementId, YearMonth month) {
		return placementId + "/" + month;
	}
}
