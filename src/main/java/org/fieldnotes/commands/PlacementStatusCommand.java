package org.fieldnotes.commands;

import java.util.Optional;
import java.util.function.Function;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin command that changes the status of a mentioned person's current placement ({@code pause @ada}).
 */
abstract class PlacementStatusCommand implements Subcommand {

	private static final Logger log = LoggerFactory.getLogger(PlacementStatusCommand.class);

	protected final PlacementManagement placements;
	private final Replies replies;

	PlacementStatusCommand(PlacementManagement placements, Replies replies) {
		this.placements = placements;
		this.replies = replies;
	}

	@Override
	public boolean adminOnly() {
		return true;
	}

	/** Applies the change to the placement with this id; throws {@link IllegalStateException} when it can't. */
	abstract Function<String, Placement> change();

	@Override
	public ChatMessage run(Invocation invocation) {
		Optional<String> target = invocation.mention();
		if (target.isEmpty()) {
			return replies.usage(replies.t("command.needsPerson", invocation.locale()), name(), invocation.locale());
		}
		Optional<Placement> placement = placements.currentFor(target.get());
		if (placement.isEmpty()) {
			return replies.text("command.personNotEnrolled", invocation.locale());
		}
		try {
			change().apply(placement.get().getId());
		}
		catch (IllegalStateException e) {
			return replies.text(name() + ".ended", invocation.locale());
		}
		log.info("Admin command {} applied to placement {}", name(), placement.get().getId());
		return replies.text(name() + ".done", invocation.locale(), placement.get().getParticipant().name(),
				placement.get().getHostOrganisation());
	}
}
