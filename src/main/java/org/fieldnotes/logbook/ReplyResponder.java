package org.fieldnotes.logbook;

import java.util.Locale;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Answers a received message after the platform has been acknowledged: a ✅ on a saved entry, a polite
 * explanation to someone who is not enrolled. Redeliveries get no second answer: a message is saved only once
 * (a redelivery of a stored one is {@code ALREADY_SAVED}), so its ✅ goes out once, even when the delivery that
 * saved it was itself a retry; a stranger is only answered on the first delivery.
 */
@Component
public class ReplyResponder {

	private static final Logger log = LoggerFactory.getLogger(ReplyResponder.class);

	private final Messenger messenger;
	private final MessageSource messages;
	private final VisibilityControls visibility;
	private final Languages languages;

	ReplyResponder(Messenger messenger, MessageSource messages, VisibilityControls visibility,
			Languages languages) {
		this.messenger = messenger;
		this.messages = messages;
		this.visibility = visibility;
		this.languages = languages;
	}

	public void answer(Receipt receipt) {
		switch (receipt.outcome()) {
			case SAVED -> {
				messenger.confirmSaved(receipt.message().ref());
				tellWhoCanSee(receipt);
			}
			case NOT_ENROLLED -> {
				if (!receipt.message().redelivery()) {
					explain(receipt.message().author());
				}
			}
			case ALREADY_SAVED -> {
			}
		}
	}

	/** Only to the author, in the conversation: who can see the new entry, with buttons to change it. */
	private void tellWhoCanSee(Receipt receipt) {
		try {
			ChatAccount author = receipt.message().author();
			Locale locale = languages.of(author);
			LogbookEntry entry = receipt.entry();
			messenger.sendEphemeral(receipt.message().ref().channel(), author, visibility.confirmation(
					messages.getMessage("visibility.dm.saved", null, locale), VisibilityChoice.Kind.ENTRY, entry.id(),
					entry.visibility(), locale));
		}
		catch (RuntimeException e) {
			log.warn("Could not say who can see a saved entry: {}", e.getClass().getSimpleName());
		}
	}

	private void explain(ChatAccount stranger) {
		try {
			messenger.sendDirect(stranger,
					ChatMessage.text(messages.getMessage("logbook.notEnrolled", null, Locale.ENGLISH)));
		}
		catch (DeliveryFailed e) {
			log.warn("Could not tell a stranger that they are not enrolled: {}", e.reason());
		}
	}
}
