package org.fieldnotes.commands;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.demo.DemoRemoval;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes demo remove} (admins): removes every demo placement and demo person with everything they wrote
 * or were sent (each person erased, as {@code /fieldnotes erase} does), and answers with the counts. It answers
 * after the ack: many demos take longer than Slack waits.
 */
@Component
class DemoCommand implements Subcommand {

	private static final String REMOVE = "remove";

	private final DemoRemoval removal;
	private final Replies replies;

	DemoCommand(DemoRemoval removal, Replies replies) {
		this.removal = removal;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public int helpOrder() {
		return 178;
	}

	@Override
	public boolean answersAfterAck() {
		return true;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		if (!REMOVE.equalsIgnoreCase(invocation.rest().strip())) {
			return replies.usage(replies.t("demo.usage.problem", locale), name(), locale);
		}
		DemoRemoval.Removed removed = removal.removeAll(invocation.actor());
		if (removed.placements() == 0 && removed.people() == 0) {
			return replies.text("demo.remove.nothing", locale);
		}
		return replies.text("demo.remove.done", locale, removed.placements(), removed.people());
	}
}
