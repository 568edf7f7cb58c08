package org.fieldnotes.slack.listeners.actions;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.home.HomeScreens;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;

/**
 * The "who can see this" buttons of a confirmation (after a DM, a form, {@code /fieldnotes log}): acknowledged at
 * once; then, for the item's author only, the visibility changes, the confirmation is replaced (through the
 * action's response URL, which works for ephemeral messages too) and their Home is published afresh. Anyone else
 * changes nothing and is told so, ephemerally.
 */
@Component
class VisibilityActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(VisibilityActions.class);
	private static final Pattern ACTIONS = Pattern.compile("^" + Pattern.quote(VisibilityChoice.ACTION_PREFIX) + "[a-z]+$");

	private final VisibilityControls visibility;
	private final SlackTexts texts;
	private final HomeScreens home;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	VisibilityActions(VisibilityControls visibility, SlackTexts texts, HomeScreens home) {
		this.visibility = visibility;
		this.texts = texts;
		this.home = home;
	}

	@Override
	public void register(App app) {
		app.blockAction(ACTIONS, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			app.executorService().execute(() -> {
				try {
					change(payload, ctx);
				}
				catch (RuntimeException e) {
					log.error("A visibility button failed", e);
				}
			});
			return ctx.ack();
		});
	}

	private void change(BlockActionPayload payload, ActionContext ctx) {
		ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
		Locale locale = texts.localeOf(member);
		Optional<VisibilityChoice> choice = VisibilityChoice.parse(payload.getActions().get(0).getValue());
		if (choice.isEmpty() || !visibility.apply(choice.get(), member, Operation.VISIBILITY_BUTTON)) {
			respond(ctx, ChatMessage.text(texts.t("visibility.notYours", locale)), false, true);
			return;
		}
		boolean ephemeral = payload.getContainer() == null || payload.getContainer().isEphemeral();
		respond(ctx, visibility.changed(choice.get(), locale), true, ephemeral);
		home.show(member);
	}

	/** Replaces the message the button was on (kept ephemeral if it was), or answers only the presser. */
	private void respond(ActionContext ctx, ChatMessage message, boolean replace, boolean ephemeral) {
		try {
			var response = ctx.respond(r -> r.responseType(ephemeral ? "ephemeral" : "in_channel").replaceOriginal(replace)
				.text(renderer.fallback(message)).blocks(renderer.renderOne(message)));
			if (response.getCode() >= 300) {
				log.warn("Could not answer a visibility button: HTTP {}", response.getCode());
			}
		}
		catch (Exception e) {
			log.warn("Could not answer a visibility button: {}", e.getClass().getSimpleName());
		}
	}
}
