package org.fieldnotes.commands;

import java.util.function.Function;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes resume @person} (admins): prompts start again on their schedule. */
@Component
class ResumeCommand extends PlacementStatusCommand {

	ResumeCommand(PlacementManagement placements, Replies replies, AuditLog audit) {
		super(placements, replies, audit);
	}

	@Override
	public String name() {
		return "resume";
	}

	@Override
	public int helpOrder() {
		return 120;
	}

	@Override
	Function<String, Placement> change() {
		return placements::resume;
	}
}
