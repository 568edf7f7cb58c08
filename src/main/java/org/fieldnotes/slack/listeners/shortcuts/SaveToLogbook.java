package org.fieldnotes.slack.listeners.shortcuts;

import java.util.Locale;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.logbook.OwnEntries;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;

/**
 * The "Save to logbook" message shortcut: acknowledged at once; then the message's text becomes a free-form entry
 * of the person's current placement, with its permalink, once per message. The answer is ephemeral (through the
 * shortcut's response URL).
 */
@Component
class SaveToLogbook implements SlackListener {

	static final String CALLBACK_ID = "save_to_logbook";
	private static final Logger log = LoggerFactory.getLogger(SaveToLogbook.class);

	private final OwnEntries entries;
	private final SlackTexts texts;
	private final VisibilityControls visibility;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	SaveToLogbook(OwnEntries entries, SlackTexts texts, VisibilityControls visibility) {
		this.entries = entries;
		this.texts = texts;
		this.visibility = visibility;
	}

	@Override
	public void register(App app) {
		app.messageShortcut(CALLBACK_ID, (request, ctx) -> {
			MessageShortcutPayload payload = request.getPayload();
			app.executorService().execute(() -> save(payload, ctx));
			return ctx.ack();
		});
	}

	private void save(MessageShortcutPayload payload, MessageShortcutContext ctx) {
		ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
		Locale locale = texts.localeOf(member);
		try {
			String channel = payload.getChannel().getId();
			String ts = payload.getMessage().getTs();
			OwnEntries.SavedMessage result = entries.save(member, new MessageRef(SlackMemberReferences.PLATFORM, channel, ts),
					Mrkdwn.unescape(payload.getMessage().getText()), permalink(ctx, channel, ts));
			if (result.outcome() == OwnEntries.Saved.SAVED) {
				String headline = texts.t("shortcut.saved", locale);
				ChatMessage confirmation = visibility.confirmation(headline, VisibilityChoice.Kind.ENTRY,
						result.entry().id(), result.entry().visibility(), locale);
				ctx.respond(r -> r.responseType("ephemeral").text(headline).blocks(renderer.renderOne(confirmation)));
				return;
			}
			String key;
			switch (result.outcome()) {
				case SAVED:
					key = "shortcut.saved";
					break;
				case ALREADY_SAVED:
					key = "shortcut.alreadySaved";
					break;
				default:
					key = "notEnrolled";
			}
			String text = texts.t(key, locale);
			ctx.respond(r -> r.responseType("ephemeral").text(text));
		}
		catch (Exception e) {
			log.warn("Save to logbook failed: {}", e.getClass().getSimpleName());
		}
	}

	private static String permalink(MessageShortcutContext ctx, String channel, String ts) {
		try {
			var response = ctx.client().chatGetPermalink(r -> r.channel(channel).messageTs(ts));
			return response.isOk() ? response.getPermalink() : null;
		}
		catch (Exception e) {
			log.warn("No permalink for a saved message: {}", e.getClass().getSimpleName());
			return null;
		}
	}
}
