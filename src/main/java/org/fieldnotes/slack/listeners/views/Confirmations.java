package org.fieldnotes.slack.listeners.views;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.App;

/** The one-line "saved" DM after a form was stored, sent after the ack. */
final class Confirmations {

	private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

	private Confirmations() {
	}

	static void saved(App app, Messenger messenger, SlackTexts texts, String userId, Locale locale) {
		app.executorService().execute(() -> {
			try {
				messenger.sendDirect(userId, ChatMessage.text(texts.t("saved", locale)));
			}
			catch (DeliveryFailed e) {
				log.warn("Could not confirm a saved form: {}", e.reason());
			}
		});
	}
}
