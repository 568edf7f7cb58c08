package org.fieldnotes.commands;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.prompting.PromptNotSent;

/**
 * An admin command that acts on a mentioned person's next prompt ({@code skip @ada}, {@code send-now @ada}).
 * Answers {@code <name>.done}, {@code <name>.failed}, {@code <name>.notActive} or {@code <name>.none}.
 */
abstract class PromptCommand implements Subcommand {

	protected final PromptDispatcher prompts;
	private final PlacementManagement placements;
	private final Replies replies;
	private final AuditLog audit;

	PromptCommand(PromptDispatcher prompts, PlacementManagement placements, Replies replies, AuditLog audit) {
		this.prompts = prompts;
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

	/** Acts on the next prompt of the placement with this id. */
	abstract PromptDelivery act(String placementId);

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<ChatAccount> target = invocation.mention();
		if (target.isEmpty()) {
			return replies.usage(replies.t("command.needsPerson", locale), name(), locale);
		}
		Optional<Placement> placement = placements.currentFor(target.get());
		if (placement.isEmpty()) {
			audit.record(invocation.actor(), name(), null, target.get().key(), AuditLog.REFUSED, "not enrolled");
			return replies.text("command.personNotEnrolled", locale);
		}
		Placement p = placement.get();
		ChatMessage notTheirs = coordination.refusal(invocation, p, name());
		if (notTheirs != null) {
			return notTheirs;
		}
		String who = p.getParticipant().name();
		String person = p.getParticipant().id().value();
		if (!p.isActive()) {
			audit.record(invocation.actor(), name(), p.getId(), person, AuditLog.REFUSED, p.getStatus().name());
			return replies.text(name() + ".notActive", locale, who);
		}
		PromptDelivery delivery;
		try {
			delivery = act(p.getId());
		}
		catch (PromptNotSent e) {
			audit.record(invocation.actor(), name(), p.getId(), person, AuditLog.REFUSED, "none left");
			return replies.text(name() + ".none", locale, who);
		}
		String due = DateTimeFormatter.ofPattern("EEEE d MMM", locale).format(delivery.dueDate());
		if (delivery.status() == OccurrenceStatus.FAILED) {
			audit.record(invocation.actor(), name(), p.getId(), person, AuditLog.FAILED, delivery.failure());
			return replies.text(name() + ".failed", locale, who, delivery.failure());
		}
		audit.record(invocation.actor(), name(), p.getId(), person, AuditLog.DONE,
				"due " + delivery.dueDate());
		if (delivery.status() == OccurrenceStatus.CLAIMED) {
			// claimed and in the outbox, not yet through: Slack was rate limited or unreachable
			return replies.text(name() + ".queued", locale, who, due);
		}
		return replies.text(name() + ".done", locale, who, due);
	}
}
