package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes report}: on a chat platform the end-of-placement report form opens before this runs
 * ({@link CommandForms}); a platform that cannot open forms gets this pointer instead. It also gives the command its
 * line in the help.
 */
@Component
class ReportCommand implements Subcommand {

	private final Replies replies;

	ReportCommand(Replies replies) {
		this.replies = replies;
	}

	@Override
	public String name() {
		return "report";
	}

	@Override
	public int helpOrder() {
		return 27;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		return replies.text("endReport.formOnly", invocation.locale());
	}
}
