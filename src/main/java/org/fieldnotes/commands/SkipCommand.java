package org.fieldnotes.commands;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes skip @person} (admins): their next prompt is not sent; the one after goes out as usual. */
@Component
class SkipCommand extends PromptCommand {

	SkipCommand(PromptDispatcher prompts, PlacementManagement placements, Replies replies, AuditLog audit) {
		super(prompts, placements, replies, audit);
	}

	@Override
	public String name() {
		return "skip";
	}

	@Override
	public int helpOrder() {
		return 140;
	}

	@Override
	PromptDelivery act(String placementId) {
		return prompts.skipNext(placementId);
	}
}
