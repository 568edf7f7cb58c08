package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.NotEnrolled;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes log <text>}: a free-form entry in the sender's logbook, with the sender's default visibility;
 * the answer says who can see it, with buttons to change that.
 */
@Component
class LogCommand implements Subcommand {

	private final Logbook logbook;
	private final VisibilityControls visibility;
	private final Replies replies;

	LogCommand(Logbook logbook, VisibilityControls visibility, Replies replies) {
		this.logbook = logbook;
		this.visibility = visibility;
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
			LogbookEntry entry = logbook.write(invocation.caller(), invocation.rest());
			return visibility.confirmation(replies.t("log.saved", invocation.locale()), VisibilityChoice.Kind.ENTRY,
					entry.id(), entry.visibility(), invocation.locale());
		}
		catch (NotEnrolled e) {
			return replies.text("notEnrolled", invocation.locale());
		}
	}
}
