package org.fieldnotes.commands;

import java.util.function.Function;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes pause @person} (admins): no prompts until resumed. */
@Component
class PauseCommand extends PlacementStatusCommand {

	private final ClosureLines closures;

	PauseCommand(PlacementManagement placements, Replies replies, AuditLog audit, ClosureLines closures) {
		super(placements, replies, audit);
		this.closures = closures;
	}

	/** {@code pause program:…} is the programme form ({@link ClosureLines}); {@code pause @person} the person form. */
	@Override
	public ChatMessage run(Invocation invocation) {
		return ClosureLines.isProgramForm(invocation) ? closures.pause(invocation) : super.run(invocation);
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
