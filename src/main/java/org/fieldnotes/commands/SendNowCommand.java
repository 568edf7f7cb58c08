package org.fieldnotes.commands;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes send-now @person} (admins): their next prompt goes out now instead of when it is due. */
@Component
class SendNowCommand extends PromptCommand {

	SendNowCommand(PromptDispatcher prompts, PlacementManagement placements, Replies replies, AuditLog audit) {
		super(prompts, placements, replies, audit);
	}

	@Override
	public String name() {
		return "send-now";
	}

	@Override
	public int helpOrder() {
		return 150;
	}

	/** Sending the prompt calls Slack (through the outbox), which can take longer than the ack may wait. */
	@Override
	public boolean answersAfterAck() {
		return true;
	}

	@Override
	PromptDelivery act(String placementId) {
		return prompts.sendNext(placementId);
	}
}
