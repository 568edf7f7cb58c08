package org.fieldnotes.goals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.springframework.stereotype.Service;

/**
 * Each learning goal with the months it moved and the notes a reader may read: what {@code /fieldnotes goals}, the
 * portfolio, the steering brief and the end report's draft show. Whether a goal moved is shown to whoever may read
 * the surface; a note only to a reader its month's visibility lets read it (the participant always, a private note
 * nobody else).
 */
@Service
public class GoalTracks {

	private final GoalProgressRecords records;

	GoalTracks(GoalProgressRecords records) {
		this.records = records;
	}

	/** A note on a goal, and the month it was written for ({@code yyyy-MM}). */
	public record Note(String month, String text) {
	}

	/**
	 * One goal: its text, the months it moved (oldest first) and the notes the reader may read (oldest first).
	 * @param current whether it is one of the placement's goals now (a goal since reworded or removed is not)
	 */
	public record Track(String goal, boolean current, List<String> monthsMoved, List<Note> notes) {

		/** The newest note the reader may read, or {@literal null}. */
		public Note lastNote() {
			return notes.isEmpty() ? null : notes.get(notes.size() - 1);
		}
	}

	/**
	 * The placement's goals (its current ones first, in order, then any answered about that were reworded or removed
	 * since), matched by their text.
	 * @param mayRead whether the reader may read a note of this visibility
	 */
	public List<Track> of(Placement placement, Predicate<Visibility> mayRead) {
		Map<String, Builder> tracks = new LinkedHashMap<>();
		for (String goal : placement.getLearningGoals()) {
			tracks.putIfAbsent(goal, new Builder(goal, true));
		}
		for (GoalProgress month : records.ofPlacement(placement.getId())) {
			boolean readable = mayRead.test(month.visibility() == null ? Visibility.PRIVATE : month.visibility());
			for (GoalProgress.Goal goal : month.goals()) {
				Builder track = tracks.computeIfAbsent(goal.goal(), g -> new Builder(g, false));
				if (goal.moved()) {
					track.months.add(month.month());
				}
				if (readable && goal.note() != null && !goal.note().isBlank()) {
					track.notes.add(new Note(month.month(), goal.note()));
				}
			}
		}
		return tracks.values().stream().map(b -> new Track(b.goal, b.current, List.copyOf(b.months),
				List.copyOf(b.notes))).toList();
	}

	/** Whether the placement's participant answered the monthly question at least once. */
	public boolean anyFor(String placementId) {
		return !records.ofPlacement(placementId).isEmpty();
	}

	private static final class Builder {

		private final String goal;
		private final boolean current;
		private final List<String> months = new ArrayList<>();
		private final List<Note> notes = new ArrayList<>();

		private Builder(String goal, boolean current) {
			this.goal = goal;
			this.current = current;
		}
	}
}
