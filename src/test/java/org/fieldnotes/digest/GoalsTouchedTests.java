package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fieldnotes.digest.GoalsTouched.Touched;
import org.junit.jupiter.api.Test;

/** A learning goal is touched by an entry that has at least half of the goal's content words. */
class GoalsTouchedTests {

	@Test
	void aGoalIsTouchedByEntriesThatShareHalfItsContentWordsCountingEachEntry() {
		List<String> goals = List.of("Run a design review on my own", "Understand the composite supplier chain",
				"Present results to the steering group");
		List<String> entries = List.of("Sat in on my first design review; next time I want to run one myself.",
				"Planned the bench test with the supplier for the composite brackets.",
				"Mapped the supplier chain.");

		assertThat(GoalsTouched.touched(goals, entries)).containsExactly(
				new Touched("Run a design review on my own", 1),
				new Touched("Understand the composite supplier chain", 2));
	}

	@Test
	void stopWordsDoNotTouchAndLongerFormsOfAWordDo() {
		assertThat(GoalsTouched.contentWords("Learn how to run the reviews")).containsExactly("learn", "run",
				"reviews");
		// "the", "how", "to" are stop words: one content word of three is not half
		assertThat(GoalsTouched.touched(List.of("Learn how to run the reviews"), List.of("How to do the thing")))
			.isEmpty();
		// "testing" is a longer form of "test"; "run" is too short to match "running"
		assertThat(GoalsTouched.touched(List.of("test plan"), List.of("Testing all week"))).hasSize(1);
		assertThat(GoalsTouched.touched(List.of("run"), List.of("Running all week"))).isEmpty();
		// a goal of stop words only is never touched
		assertThat(GoalsTouched.touched(List.of("the and of"), List.of("the and of"))).isEmpty();
	}

	@Test
	void swedishGoalsAndEntriesWorkTheSameWay() {
		assertThat(GoalsTouched.touched(List.of("Leda en designgranskning själv"),
				List.of("Jag ledde inte designgranskningen, men jag förberedde den."))).containsExactly(
						new Touched("Leda en designgranskning själv", 1));
	}
}
