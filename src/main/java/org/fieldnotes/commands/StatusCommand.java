package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes status}: on Slack the status-update form opens before this runs; a platform that cannot open
 * forms gets this pointer instead. It also gives the command its line in the help.
 */
@Component
class StatusCommand implements Subcommand {

	private final Replies replies;

	StatusCommand(Replies replies) {
		this.replies = replies;
	}

	@Override
	public String name() {
		return "status";
	}

	@Override
	public int helpOrder() {
		return 15;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		return replies.text("status.formOnly", invocation.locale());
	}
}
