package org.fieldnotes.commands;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.access.Actor;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes list [programme]} (admins): every placement with its host, programme, dates and status; with a
 * programme name (any case, quotes optional), only that programme's.
 */
@Component
class ListCommand implements Subcommand {

	/** Items per block, so that no text object passes Slack's 3,000 characters. */
	private static final int CHUNK = 20;

	private final PlacementManagement placements;
	private final Replies replies;
	private final Coordination coordination;

	ListCommand(PlacementManagement placements, Replies replies, Coordination coordination) {
		this.placements = placements;
		this.replies = replies;
		this.coordination = coordination;
	}

	@Override
	public String name() {
		return "list";
	}

	@Override
	public int helpOrder() {
		return 100;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		String program = programme(invocation.rest());
		// an admin limited to programmes lists only theirs
		Actor admin = coordination.of(invocation);
		List<Placement> all = placements.all()
			.stream()
			.filter(p -> program.isEmpty() || p.getProgram().equalsIgnoreCase(program))
			.filter(p -> admin.coordinates(p.getProgram()))
			.toList();
		String heading = program.isEmpty() ? replies.t("list.heading", locale, all.size())
				: replies.t("list.headingProgram", locale, all.size(), program);
		var message = ChatMessage.builder(heading).heading(heading);
		if (all.isEmpty()) {
			return message
				.paragraph(program.isEmpty() ? replies.t("list.empty", locale) : replies.t("list.emptyProgram", locale, program))
				.build();
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

	/** The programme asked for, without surrounding quotes; empty for every programme. */
	static String programme(String rest) {
		String program = rest.strip();
		if (program.length() >= 2 && "\"“”".indexOf(program.charAt(0)) >= 0
				&& "\"“”".indexOf(program.charAt(program.length() - 1)) >= 0) {
			program = program.substring(1, program.length() - 1).strip();
		}
		return program;
	}
}
