package org.fieldnotes.slack.listeners.views;

import java.util.Locale;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.slack.views.HomeView;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;

/**
 * After a form was stored, and after the ack: the "saved" DM, saying who can see what was saved (with buttons to
 * change it), and the person's Home published afresh.
 */
final class Confirmations {

	private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

	private Confirmations() {
	}

	static void saved(App app, Messenger messenger, SlackTexts texts, VisibilityControls visibility, HomeView home,
			MethodsClient client, ChatAccount member, Locale locale, VisibilityChoice.Kind kind, String id,
			Visibility current) {
		app.executorService().execute(() -> {
			try {
				ChatMessage confirmation = visibility.confirmation(texts.t("saved", locale), kind, id, current, locale);
				messenger.sendDirect(member, confirmation);
			}
			catch (DeliveryFailed e) {
				log.warn("Could not confirm a saved form: {}", e.reason());
			}
			home.publish(client, member);
		});
	}

	/** After a change made from the Home (an edit, a deletion): the Home published afresh, after the ack. */
	static void changed(App app, HomeView home, MethodsClient client, ChatAccount member) {
		app.executorService().execute(() -> home.publish(client, member));
	}
}
