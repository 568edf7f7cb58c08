package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.logbook.BlockerButtons;
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
 * The "✓ Acknowledge blocker" and "Resolved" buttons under a blocker in a digest. Acknowledged to Slack at once;
 * then {@link BlockerButtons} acts (the participant is told) and the coach gets its answer ephemerally. Someone who
 * may not read the blocker is refused and nothing changes.
 */
@Component
class BlockerActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(BlockerActions.class);

	private final BlockerButtons buttons;

	BlockerActions(BlockerButtons buttons) {
		this.buttons = buttons;
	}

	@Override
	public void register(App app) {
		for (String actionId : new String[] { BlockerButtons.ACKNOWLEDGE, BlockerButtons.RESOLVE }) {
			app.blockAction(actionId, (request, ctx) -> {
				BlockActionPayload payload = request.getPayload();
				app.executorService().execute(() -> {
					try {
						press(actionId, payload, ctx);
					}
					catch (RuntimeException e) {
						log.error("A blocker button failed", e);
					}
				});
				return ctx.ack();
			});
		}
	}

	private void press(String actionId, BlockActionPayload payload, ActionContext ctx) {
		ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
		buttons.press(member, actionId, payload.getActions().get(0).getValue())
			.ifPresent(pressed -> ephemeral(ctx, payload, pressed.answer()));
	}

	private void ephemeral(ActionContext ctx, BlockActionPayload payload, String text) {
		String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
				? payload.getContainer().getChannelId() : payload.getChannel() == null ? null : payload.getChannel().getId();
		try {
			ctx.client().chatPostEphemeral(r -> r.channel(channel).user(payload.getUser().getId()).text(Mrkdwn.escape(text)));
		}
		catch (Exception e) {
			log.warn("Could not answer a blocker button ephemerally: {}", e.getClass().getSimpleName());
		}
	}
}
