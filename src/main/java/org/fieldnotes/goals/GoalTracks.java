package org.fieldnotes.goals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.springframework.context.MessageSource;
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
	private final MessageSource messages;

	GoalTracks(GoalProgressRecords records, MessageSource messages) {
		this.records = records;
		this.messages = messages;
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
	 * @param mayRead whether the reader may read the notes of this month's answer (e.g. by its visibility)
	 */
	public List<Track> of(Placement placement, Predicate<GoalProgress> mayRead) {
		Map<String, Builder> tracks = new LinkedHashMap<>();
		for (String goal : placement.getLearningGoals()) {
			tracks.putIfAbsent(goal, new Builder(goal, true));
		}
		for (GoalProgress month : records.ofPlacement(placement.getId())) {
			boolean readable = mayRead.test(month);
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

	/**
	 * One line per goal, for a list: the goal, the months it moved, and the newest note the reader may read
	 * ({@code allNotes}: every one, oldest first); a goal since reworded or removed only when it moved or has a note.
	 * Plain text: the surface escapes it.
	 */
	public List<String> lines(Placement placement, Predicate<GoalProgress> mayRead, boolean allNotes, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (Track track : of(placement, mayRead)) {
			if (!track.current() && track.monthsMoved().isEmpty() && track.notes().isEmpty()) {
				continue;
			}
			String line = track.current() ? track.goal() : t("goalProgress.line.former", locale, track.goal());
			if (!track.monthsMoved().isEmpty()) {
				line = t("goalProgress.line.moved", locale, line,
						String.join(", ", track.monthsMoved().stream().map(m -> month(m, locale)).toList()));
			}
			List<Note> notes = allNotes ? track.notes()
					: track.lastNote() == null ? List.of() : List.of(track.lastNote());
			for (Note note : notes) {
				line = t("goalProgress.line.note", locale, line, month(note.month(), locale), note.text());
			}
			lines.add(line);
		}
		return lines;
	}

	/** Whether a reader who may read items of these visibilities may read this month's notes. */
	public static Predicate<GoalProgress> byVisibility(Predicate<Visibility> mayRead) {
		return month -> mayRead.test(month.visibility() == null ? Visibility.PRIVATE : month.visibility());
	}

	/** {@code 2026-12} as "Dec 2026" (in Swedish "dec. 2026"). */
	private static String month(String month, Locale locale) {
		YearMonth parsed = YearMonth.parse(month);
		return parsed.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale) + " " + parsed.getYear();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
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
