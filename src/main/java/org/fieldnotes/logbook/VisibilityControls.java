package org.fieldnotes.logbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.placement.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Who can see an entry or a status update, in words and as a control any platform can show: a confirmation that
 * says who can see the item, with one button per other visibility; and applying such a choice, for its author only.
 */
@Service
public class VisibilityControls {

	private static final Logger log = LoggerFactory.getLogger(VisibilityControls.class);

	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final MessageSource messages;
	private final Messenger messenger;

	VisibilityControls(Logbook logbook, StatusUpdates statusUpdates, MessageSource messages, Messenger messenger) {
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.messages = messages;
		this.messenger = messenger;
	}

	/** A short label, e.g. "🔒 Only you". */
	public String label(Visibility visibility, Locale locale) {
		return t("visibility.label." + visibility.key(), locale);
	}

	/** Who can see it, in a sentence, e.g. "only you: never in a digest, a summary or the admin API". */
	public String who(Visibility visibility, Locale locale) {
		return t("visibility.who." + visibility.key(), locale);
	}

	/**
	 * "{headline}", then "Who can see this: …", then a button for each other visibility.
	 * @param headline e.g. "✅ Saved to your logbook."
	 */
	public ChatMessage confirmation(String headline, VisibilityChoice.Kind kind, String id, Visibility current,
			Locale locale) {
		String line = t("visibility.current", locale, label(current, locale), who(current, locale));
		List<Button> buttons = new ArrayList<>();
		for (Visibility other : Visibility.values()) {
			if (other != current) {
				VisibilityChoice choice = new VisibilityChoice(kind, id, other);
				buttons.add(Button.of(choice.actionId(), label(other, locale), choice.value()));
			}
		}
		return ChatMessage.builder(headline + " " + line)
			.paragraph(headline)
			.context(line)
			.context(t("visibility.change", locale))
			.buttons(buttons.toArray(Button[]::new))
			.build();
	}

	/**
	 * After a form was stored: "✅ Saved to your logbook" and who can see it, with the buttons to change that, sent to
	 * its author. Best effort: a failure is logged.
	 */
	public void confirmSaved(ChatAccount member, VisibilityChoice.Kind kind, String id, Visibility current, Locale locale) {
		try {
			messenger.sendDirect(member, confirmation(t("saved", locale), kind, id, current, locale));
		}
		catch (DeliveryFailed e) {
			log.warn("Could not confirm a saved form: {}", e.reason());
		}
	}

	/** The confirmation after a change: what it is now, with the buttons to change it again. */
	public ChatMessage changed(VisibilityChoice choice, Locale locale) {
		return confirmation(t("visibility.changed", locale, label(choice.visibility(), locale)), choice.kind(),
				choice.id(), choice.visibility(), locale);
	}

	/**
	 * Applies a choice made by a member: only the item's author changes anything.
	 * @param operation where the choice was made (a button, a menu), for {@link org.fieldnotes.access.AccessPolicy}
	 * @return whether it was applied
	 */
	public boolean apply(VisibilityChoice choice, ChatAccount member, Operation operation) {
		switch (choice.kind()) {
			case ENTRY:
				return logbook.changeVisibility(choice.id(), member, choice.visibility(), operation);
			case STATUS_UPDATE:
				return statusUpdates.changeVisibility(choice.id(), member, choice.visibility(), operation);
			default:
				throw new IllegalStateException(choice.kind().name());
		}
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
