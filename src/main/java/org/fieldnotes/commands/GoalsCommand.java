package org.fieldnotes.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.goals.GoalTracks;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Violation;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes goals} (participants) shows the learning goals of their placement; {@code goals set <goal>;
 * <goal>} replaces them (at most 10, each at most 200 characters); {@code goals clear} removes them. The academic
 * coach's digest says which goals the week's entries touched.
 */
@Component
class GoalsCommand implements Subcommand {

	private final PlacementManagement placements;
	private final Replies replies;
	private final GoalTracks tracks;

	GoalsCommand(PlacementManagement placements, Replies replies, GoalTracks tracks) {
		this.placements = placements;
		this.replies = replies;
		this.tracks = tracks;
	}

	@Override
	public String name() {
		return "goals";
	}

	@Override
	public int helpOrder() {
		return 25;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<Placement> placement = placements.currentFor(invocation.caller());
		if (placement.isEmpty()) {
			return replies.text("notEnrolled", locale);
		}
		String rest = invocation.rest().strip();
		if (rest.isEmpty()) {
			return show(placement.get(), "goals.current", locale);
		}
		String[] words = rest.split("\\s+", 2);
		String action = words[0].toLowerCase(Locale.ROOT);
		if (action.equals("clear") && words.length == 1) {
			placements.setLearningGoals(invocation.caller(), List.of());
			return replies.text("goals.cleared", locale);
		}
		if (!action.equals("set")) {
			return replies.usage(replies.t("goals.what", locale), name(), locale);
		}
		List<String> goals = words.length < 2 ? List.of()
				: Arrays.stream(words[1].split(";")).map(String::strip).filter(g -> !g.isEmpty()).toList();
		if (goals.isEmpty()) {
			return replies.usage(replies.t("goals.empty", locale), name(), locale);
		}
		try {
			return placements.setLearningGoals(invocation.caller(), goals)
				.map(saved -> show(saved, "goals.saved", locale))
				.orElseGet(() -> replies.text("notEnrolled", locale));
		}
		catch (InvalidPlacement e) {
			Violation first = e.violations().get(0);
			String problem = first.code().equals("goalTooLong")
					? replies.t("goals.tooLong", locale, first.args().toArray())
					: replies.t("goals.tooMany", locale, first.args().toArray());
			return replies.usage(problem, name(), locale);
		}
	}

	/**
	 * The goals, each with the months it moved and its newest note (the asker is the participant: their own notes,
	 * whoever may read them besides).
	 */
	private ChatMessage show(Placement placement, String headingKey, Locale locale) {
		if (placement.getLearningGoals().isEmpty()) {
			return replies.text("goals.none", locale);
		}
		List<String> goals = tracks.lines(placement, month -> true, false, locale);
		String heading = replies.t(headingKey, locale, placement.getLearningGoals().size());
		return ChatMessage.builder(heading)
			.paragraph(heading)
			.items(IntStream.range(0, goals.size()).mapToObj(i -> new Item((i + 1) + ".", goals.get(i))).toList())
			.context(replies.t("goals.hint", locale))
			.build();
	}
}
