package org.fieldnotes.commands;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes programs} (admins): each programme with its numbers of active, paused and ended placements. */
@Component
class ProgramsCommand implements Subcommand {

	private final PlacementManagement placements;
	private final Replies replies;

	ProgramsCommand(PlacementManagement placements, Replies replies) {
		this.placements = placements;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "programs";
	}

	@Override
	public boolean adminOnly() {
		return true;
	}

	@Override
	public int helpOrder() {
		return 105;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		// programme names compared without regard to case; shown as first written
		Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Placement p : placements.all()) {
			counts.computeIfAbsent(p.getProgram(), k -> new int[PlacementStatus.values().length])[p.getStatus().ordinal()]++;
		}
		if (counts.isEmpty()) {
			return replies.text("programs.none", locale);
		}
		String heading = replies.t("programs.heading", locale, counts.size());
		List<Item> items = counts.entrySet()
			.stream()
			.map(e -> new Item(e.getKey(), replies.t("programs.line", locale,
					e.getValue()[PlacementStatus.ACTIVE.ordinal()], e.getValue()[PlacementStatus.PAUSED.ordinal()],
					e.getValue()[PlacementStatus.ENDED.ordinal()])))
			.toList();
		var message = ChatMessage.builder(heading).heading(heading);
		for (int i = 0; i < items.size(); i += 20) {
			message.items(items.subList(i, Math.min(items.size(), i + 20)));
		}
		return message.build();
	}
}
