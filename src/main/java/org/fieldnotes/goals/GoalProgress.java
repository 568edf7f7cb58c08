package org.fieldnotes.goals;

import java.time.Instant;
import java.util.List;

import org.fieldnotes.placement.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a participant said about their learning goals for one calendar month: one document per placement and month
 * (its id is {@code <placement id>/<yyyy-MM>}), holding every goal as it was worded when they answered, so that a
 * second answer for the month replaces the first in one atomic write and nothing is ever half-saved.
 *
 * @param month {@code yyyy-MM}
 * @param visibility who besides the participant may read the notes (whether a goal moved is shown with them)
 */
@Document("goal_progress")
public record GoalProgress(@Id String id, @Indexed String placementId, String personId, String month,
		Instant answeredAt, Visibility visibility, List<Goal> goals) {

	@PersistenceCreator
	public GoalProgress {
		goals = goals == null ? List.of() : List.copyOf(goals);
	}

	/**
	 * One goal's answer.
	 *
	 * @param index the goal's place in the placement's list, from 0
	 * @param goal the goal's text as it was when the participant answered
	 * @param note what they wrote about it, or {@literal null}
	 */
	public record Goal(int index, String goal, boolean moved, String note) {
	}
}
