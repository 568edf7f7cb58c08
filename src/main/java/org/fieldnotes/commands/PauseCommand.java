package org.fieldnotes.commands;

import java.util.function.Function;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes pause @person} (admins): no prompts until resumed. */
@Component
class PauseCommand extends PlacementStatusCommand {

	PauseCommand(PlacementManagement placements, Replies replies, AuditLog audit) {
		super(placements, replies, audit);
	}

	@Override
	public String name() {
		return "pause";
	}

	@Override
	public int helpOrder() {
		return 110;
	}

	@Override
	Function<String, Placement> change() {
		return placements::pause;
	}
}
