package org.fieldnotes.commands;

import java.util.Optional;
import java.util.function.Function;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatAccount;
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
	private final AuditLog audit;

	PlacementStatusCommand(PlacementManagement placements, Replies replies, AuditLog audit) {
		this.placements = placements;
		this.replies = replies;
		this.audit = audit;
	}

	private Coordination coordination;

	/** Set by Spring; a setter so that the subclasses' constructors stay as they are. */
	@org.springframework.beans.factory.annotation.Autowired
	void setCoordination(Coordination coordination) {
		this.coordination = coordination;
	}

	/** Applies the change to the placement with this id; throws {@link IllegalStateException} when it can't. */
	abstract Function<String, Placement> change();

	@Override
	public ChatMessage run(Invocation invocation) {
		Optional<ChatAccount> target = invocation.mention();
		if (target.isEmpty()) {
			return replies.usage(replies.t("command.needsPerson", invocation.locale()), name(), invocation.locale());
		}
		Optional<Placement> placement = placements.currentFor(target.get());
		if (placement.isEmpty()) {
			audit.record(invocation.actor(), name(), null, target.get().key(), AuditLog.REFUSED, "not enrolled");
			return replies.text("command.personNotEnrolled", invocation.locale());
		}
		ChatMessage notTheirs = coordination.refusal(invocation, placement.get(), name());
		if (notTheirs != null) {
			return notTheirs;
		}
		String placementId = placement.get().getId();
		String person = placement.get().getParticipant().id().value();
		try {
			change().apply(placementId);
		}
		catch (IllegalStateException e) {
			audit.record(invocation.actor(), name(), placementId, person, AuditLog.REFUSED, "ended");
			return replies.text(name() + ".ended", invocation.locale());
		}
		audit.record(invocation.actor(), name(), placementId, person, AuditLog.DONE, null);
		log.info("Admin command {} applied to placement {}", name(), placementId);
		return replies.text(name() + ".done", invocation.locale(), placement.get().getParticipant().name(),
				placement.get().getHostOrganisation());
	}
}
