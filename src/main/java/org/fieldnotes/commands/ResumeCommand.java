package org.fieldnotes.commands;

import java.util.function.Function;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes resume @person} (admins): prompts start again on their schedule. */
@Component
class ResumeCommand extends PlacementStatusCommand {

	private final ClosureLines closures;

	ResumeCommand(PlacementManagement placements, Replies replies, AuditLog audit, ClosureLines closures) {
		super(placements, replies, audit);
		this.closures = closures;
	}

	/** {@code resume program:…} is the programme form ({@link ClosureLines}); {@code resume @person} the person form. */
	@Override
	public ChatMessage run(Invocation invocation) {
		return ClosureLines.isProgramForm(invocation) ? closures.resume(invocation) : super.run(invocation);
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
