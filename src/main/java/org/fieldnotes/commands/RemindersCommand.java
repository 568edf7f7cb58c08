package org.fieldnotes.commands;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Preferences;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes reminders on|off}: whether this person gets the one reminder for an unanswered prompt. */
@Component
class RemindersCommand implements Subcommand {

	private final Preferences preferences;
	private final Replies replies;

	RemindersCommand(Preferences preferences, Replies replies) {
		this.preferences = preferences;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "reminders";
	}

	@Override
	public int helpOrder() {
		return 40;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		String value = invocation.rest().strip().toLowerCase(Locale.ROOT);
		if (value.isEmpty()) {
			boolean off = preferences.of(invocation.caller()).wantsNoReminders();
			return replies.text(off ? "reminders.areOff" : "reminders.areOn", locale);
		}
		if (!value.equals("on") && !value.equals("off")) {
			return replies.usage(replies.t("reminders.bad", locale), name(), locale);
		}
		preferences.setRemindersOff(invocation.caller(), value.equals("off"));
		return replies.text("reminders." + value, locale);
	}
}
