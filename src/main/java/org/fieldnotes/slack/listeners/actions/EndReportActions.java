package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.endreport.EndReportButtons;
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
 * The Approve and Return buttons under an end-of-placement report sent to its manager. Acknowledged to Slack at once;
 * then {@link EndReportButtons} decides: Approve answers ephemerally, Return opens the comment modal. Anyone but the
 * placement's manager is refused and nothing changes.
 */
@Component
class EndReportActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(EndReportActions.class);

	private final EndReportButtons buttons;
	private final Messenger messenger;

	EndReportActions(EndReportButtons buttons, Messenger messenger) {
		this.buttons = buttons;
		this.messenger = messenger;
	}

	@Override
	public void register(App app) {
		for (String actionId : new String[] { EndReportButtons.APPROVE, EndReportButtons.RETURN }) {
			app.blockAction(actionId, (request, ctx) -> {
				BlockActionPayload payload = request.getPayload();
				app.executorService().execute(() -> {
					try {
						press(actionId, payload, ctx);
					}
					catch (RuntimeException e) {
						log.error("An end-report button failed", e);
					}
				});
				return ctx.ack();
			});
		}
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
			log.warn("Could not answer an end-report button ephemerally: {}", e.getClass().getSimpleName());
		}
	}
}
