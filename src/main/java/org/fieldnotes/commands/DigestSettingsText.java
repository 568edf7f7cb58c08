package org.fieldnotes.commands;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.digest.DigestChannel;
import org.fieldnotes.digest.DigestPreferences;
import org.fieldnotes.links.ConfirmationLinks;
import org.springframework.stereotype.Component;

/**
 * How digest settings read to the person (English or Swedish), for the command and for chat forms alike:
 * "Every Friday at 16:30 (Europe/Stockholm)" and "Next digest: Fri 27 Nov 16:30 (Europe/Stockholm), by e-mail to …".
 */
@Component
public class DigestSettingsText {

	private final Replies replies;

	DigestSettingsText(Replies replies) {
		this.replies = replies;
	}

	/** "Every Friday at 16:30 (Europe/Stockholm), by e-mail to a@b.se." */
	public String schedule(DigestPreferences.Current current, Locale locale) {
		return replies.t("digestsettings.schedule", locale, current.day().getDisplayName(TextStyle.FULL, locale),
				current.time().toString(), current.zone().getId(), channel(current, locale));
	}

	/** "Next digest: Fri 27 Nov 16:30 (Europe/Stockholm), by e-mail to a@b.se." */
	public String next(DigestPreferences.Current current, Locale locale) {
		String when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).format(current.next().atZone(current.zone()));
		return replies.t("digestsettings.next", locale, when, current.zone().getId(), channel(current, locale));
	}

	/** The answer to a saved change: what was saved and when the next digest comes (and what waits to be confirmed). */
	public ChatMessage saved(DigestPreferences.Current current, Locale locale) {
		var message = ChatMessage.builder(replies.t("digestsettings.saved", locale) + " " + next(current, locale))
			.paragraph(replies.t("digestsettings.saved", locale) + " " + next(current, locale));
		pending(current, locale).ifPresent(message::paragraph);
		return message.context(schedule(current, locale)).build();
	}

	/**
	 * "Waiting for you to confirm a@b.se: open the link in the e-mail we sent there …", while a new address waits for
	 * confirmation; empty otherwise.
	 */
	public Optional<String> pending(DigestPreferences.Current current, Locale locale) {
		if (current.pendingEmail() == null) {
			return Optional.empty();
		}
		return Optional.of(replies.t("digestsettings.pending", locale, current.pendingEmail(), channel(current, locale),
				ConfirmationLinks.VALID_FOR.toHours()));
	}

	/** How the next digest is delivered, saying so when an e-mail choice falls back to Slack. */
	String channel(DigestPreferences.Current current, Locale locale) {
		if (current.channel() == DigestChannel.EMAIL && current.effectiveChannel() == DigestChannel.CHAT) {
			return replies.t("digestsettings.by.fallback", locale, current.email());
		}
		return current.effectiveChannel() == DigestChannel.EMAIL
				? replies.t("digestsettings.by.email", locale, current.email())
				: replies.t("digestsettings.by.slack", locale);
	}

	/** The error for a bad e-mail choice, as a sentence; for the command and the form's field. */
	public String emailProblem(DigestPreferences.Outcome outcome, String given, Locale locale) {
		return switch (outcome) {
			case EMAIL_INVALID -> replies.t("digestsettings.error.email", locale, given);
			case EMAIL_UNCONFIRMABLE -> replies.t("digestsettings.error.cannotConfirm", locale, given);
			default -> replies.t("digestsettings.error.emailNeeded", locale);
		};
	}
}
