package org.fieldnotes.commands;

import java.util.function.Function;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes end @person} (admins): the placement ends for good; no more prompts, it leaves the digests. */
@Component
class EndCommand extends PlacementStatusCommand {

	EndCommand(PlacementManagement placements, Replies replies, AuditLog audit) {
		super(placements, replies, audit);
	}

	@Override
	public String name() {
		return "end";
	}

	@Override
	public int helpOrder() {
		return 130;
	}

	@Override
	Function<String, Placement> change() {
		return placements::end;
	}
}
