package org.fieldnotes.slack.listeners.actions;

import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.signoff.WeekSignOffButtons;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;

/**
 * The Green, Amber and Red buttons under a week sent to its manager for sign-off. Acknowledged to Slack at once; then
 * {@link WeekSignOffButtons} decides: the sign-off form opens as a modal, or an ephemeral answer says why not. Anyone
 * but the placement's manager is refused and nothing opens.
 */
@Component
class WeekSignOffActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(WeekSignOffActions.class);

	private static final Pattern ACTIONS = Pattern.compile("^" + Pattern.quote(WeekSignOffButtons.PREFIX) + "[a-z]+$");

	private final WeekSignOffButtons buttons;
	private final Messenger messenger;

	WeekSignOffActions(WeekSignOffButtons buttons, Messenger messenger) {
		this.buttons = buttons;
		this.messenger = messenger;
	}

	@Override
	public void register(App app) {
		app.blockAction(ACTIONS, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			String actionId = payload.getActions().get(0).getActionId();
			app.executorService().execute(() -> {
				try {
					press(actionId, payload, ctx);
				}
				catch (RuntimeException e) {
					log.error("A week sign-off button failed", e);
				}
			});
			return ctx.ack();
		});
	}

	private void press(String actionId, BlockActionPayload payload, ActionContext ctx) {
		ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
		FormOpening opening = buttons.press(member, actionId, payload.getActions().get(0).getValue()).orElseThrow();
		if (!opening.opens()) {
			ephemeral(ctx, payload, opening.instead().summary());
			return;
		}
		try {
			messenger.openForm(member, payload.getTriggerId(), opening.form());
		}
		catch (DeliveryFailed e) {
			log.warn("Could not open a modal: {}", e.reason());
		}
	}

	private void ephemeral(ActionContext ctx, BlockActionPayload payload, String text) {
		String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
				? payload.getContainer().getChannelId() : payload.getChannel() == null ? null : payload.getChannel().getId();
		try {
			ctx.client().chatPostEphemeral(r -> r.channel(channel).user(payload.getUser().getId()).text(Mrkdwn.escape(text)));
		}
		catch (Exception e) {
			log.warn("Could not answer a week sign-off button ephemerally: {}", e.getClass().getSimpleName());
		}
	}
}
