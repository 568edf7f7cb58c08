package org.fieldnotes.slack.listeners.actions;

import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackMemberReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;

/**
 * The one shape of a button whose press either opens a form or answers why not: acknowledged to Slack at once (Slack
 * wants the ack within three seconds); then, off Bolt's thread, the feature decides for whoever pressed, and the form
 * opens as a modal with the action's {@code trigger_id}, or the answer goes to that person only, ephemerally, where
 * the button is. The listeners say only which buttons and what a press opens.
 */
@Component
class FormButtons {

	private static final Logger log = LoggerFactory.getLogger(FormButtons.class);

	/** What a press opens for the member who pressed; empty when there is nothing to show them. */
	@FunctionalInterface
	interface Press {
		Optional<FormOpening> open(ChatAccount member, String actionId, String value);
	}

	private final Messenger messenger;

	FormButtons(Messenger messenger) {
		this.messenger = messenger;
	}

	/**
	 * Routes the button with this action id to {@code press}; {@code what} names the button in the log (e.g.
	 * "survey").
	 */
	void register(App app, String actionId, String what, Press press) {
		app.blockAction(actionId, handler(app, what, press));
	}

	/** Routes every button whose action id matches to {@code press}. */
	void register(App app, Pattern actionIds, String what, Press press) {
		app.blockAction(actionIds, handler(app, what, press));
	}

	private BlockActionHandler handler(App app, String what, Press press) {
		return (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			app.executorService().execute(() -> {
				try {
					ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
					var action = payload.getActions().get(0);
					press.open(member, action.getActionId(), action.getValue())
						.ifPresent(opening -> show(ctx, payload, member, opening, what));
				}
				catch (RuntimeException e) {
					log.error("A {} button failed", what, e);
				}
			});
			return ctx.ack();
		};
	}

	/** Opens the form as a modal, or answers the presser why not (best effort: a failure is logged). */
	void show(ActionContext ctx, BlockActionPayload payload, ChatAccount member, FormOpening opening, String what) {
		if (!opening.opens()) {
			ephemeral(ctx, payload, opening.instead().summary(), what);
			return;
		}
		try {
			messenger.openForm(member, payload.getTriggerId(), opening.form());
		}
		catch (DeliveryFailed e) {
			log.warn("Could not open a {} modal: {}", what, e.reason());
		}
	}

	/**
	 * Answers only the presser, in plain words, in the conversation the button is in (best effort: a failure is
	 * logged by its kind only, never with the text).
	 */
	static void ephemeral(ActionContext ctx, BlockActionPayload payload, String text, String what) {
		String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
				? payload.getContainer().getChannelId() : payload.getChannel() == null ? null : payload.getChannel().getId();
		try {
			ctx.client().chatPostEphemeral(r -> r.channel(channel).user(payload.getUser().getId()).text(Mrkdwn.escape(text)));
		}
		catch (Exception e) {
			log.warn("Could not answer a {} button ephemerally: {}", what, e.getClass().getSimpleName());
		}
	}
}
