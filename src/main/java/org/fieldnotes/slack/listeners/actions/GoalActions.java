package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.goals.GoalButtons;
import org.fieldnotes.goals.GoalProgressForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;

/**
 * "Which goal moved?" under the month's first prompt: acknowledged at once; then the month's goal-progress modal
 * opens, or whoever pressed it is told ephemerally that it is not theirs to answer.
 */
@Component
class GoalActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(GoalActions.class);

	private final GoalProgressForms forms;
	private final Messenger messenger;

	GoalActions(GoalProgressForms forms, Messenger messenger) {
		this.forms = forms;
		this.messenger = messenger;
	}

	@Override
	public void register(App app) {
		app.blockAction(GoalButtons.MOVED, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			app.executorService().execute(() -> {
				try {
					open(payload, ctx);
				}
				catch (RuntimeException e) {
					log.error("A goal-progress button failed", e);
				}
			});
			return ctx.ack();
		});
	}

	private void open(BlockActionPayload payload, ActionContext ctx) {
		ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
		FormOpening opening = forms.open(payload.getActions().get(0).getValue(), member);
		if (!opening.opens()) {
			String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
					? payload.getContainer().getChannelId()
					: payload.getChannel() == null ? null : payload.getChannel().getId();
			try {
				ctx.client().chatPostEphemeral(r -> r.channel(channel).user(payload.getUser().getId())
					.text(Mrkdwn.escape(opening.instead().summary())));
			}
			catch (Exception e) {
				log.warn("Could not answer a goal-progress button ephemerally: {}", e.getClass().getSimpleName());
			}
			return;
		}
		try {
			messenger.openForm(member, payload.getTriggerId(), opening.form());
		}
		catch (DeliveryFailed e) {
			log.warn("Could not open a goal-progress modal: {}", e.reason());
		}
	}
}
