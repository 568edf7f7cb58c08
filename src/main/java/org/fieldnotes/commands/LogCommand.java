package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.NotEnrolled;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes log <text>}: a free-form entry in the sender's logbook. */
@Component
class LogCommand implements Subcommand {

	private final Logbook logbook;
	private final Replies replies;

	LogCommand(Logbook logbook, Replies replies) {
		this.logbook = logbook;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "log";
	}

	@Override
	public int helpOrder() {
		return 10;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		if (invocation.rest().isBlank()) {
			return replies.usage(replies.t("log.empty", invocation.locale()), name(), invocation.locale());
		}
		try {
			logbook.write(invocation.userId(), invocation.rest());
			return replies.text("log.saved", invocation.locale());
		}
		catch (NotEnrolled e) {
			return replies.text("notEnrolled", invocation.locale());
		}
	}
}
