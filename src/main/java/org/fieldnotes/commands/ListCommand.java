package org.fieldnotes.commands;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes list} (admins): every placement with its host, programme, dates and status. */
@Component
class ListCommand implements Subcommand {

	/** Items per block, so that no text object passes Slack's 3,000 characters. */
	private static final int CHUNK = 20;

	private final PlacementManagement placements;
	private final Replies replies;

	ListCommand(PlacementManagement placements, Replies replies) {
		this.placements = placements;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "list";
	}

	@Override
	public boolean adminOnly() {
		return true;
	}

	@Override
	public int helpOrder() {
		return 100;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		List<Placement> all = placements.all();
		String heading = replies.t("list.heading", locale, all.size());
		var message = ChatMessage.builder(heading).heading(heading);
		if (all.isEmpty()) {
			return message.paragraph(replies.t("list.empty", locale)).build();
		}
		for (int i = 0; i < all.size(); i += CHUNK) {
			message.items(all.subList(i, Math.min(all.size(), i + CHUNK))
				.stream()
				.map(p -> new Item(p.getParticipant().name(),
						PlacementLines.of(p, locale) + " · " + replies.t("status." + p.getStatus(), locale)))
				.toList());
		}
		return message.build();
	}
}
