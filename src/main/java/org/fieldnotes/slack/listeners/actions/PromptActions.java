package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.logbook.PromptAnswerForms;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.prompting.PromptResponses;
import org.fieldnotes.slack.Mrkdwn;
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
 * The buttons of a prompt: acknowledged at once; the work (open the form, snooze, skip) follows after the ack.
 * Someone pressing another participant's prompt gets an ephemeral "not yours".
 */
@Component
class PromptActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(PromptActions.class);

	private final PromptResponses responses;
	private final PromptAnswerForms forms;
	private final Messenger messenger;
	private final SlackTexts texts;

	PromptActions(PromptResponses responses, PromptAnswerForms forms, Messenger messenger, SlackTexts texts) {
		this.responses = responses;
		this.forms = forms;
		this.messenger = messenger;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.blockAction(PromptButtons.WRITE, (request, ctx) -> later(app, ctx, request.getPayload(),
				(payload, c) -> openForm(payload, c, Operation.PROMPT_WRITE_BUTTON)));
		app.blockAction(PromptButtons.STATUS, (request, ctx) -> later(app, ctx, request.getPayload(),
				(payload, c) -> openForm(payload, c, Operation.PROMPT_STATUS_BUTTON)));
		app.blockAction(PromptButtons.SNOOZE, (request, ctx) -> later(app, ctx, request.getPayload(),
				(payload, c) -> closedUnless(responses.snooze(value(payload), member(payload, c), pressedOn(payload, c)),
						payload, c)));
		app.blockAction(PromptButtons.SKIP, (request, ctx) -> later(app, ctx, request.getPayload(),
				(payload, c) -> closedUnless(responses.skip(value(payload), member(payload, c), pressedOn(payload, c)),
						payload, c)));
	}

	private com.slack.api.bolt.response.Response later(App app, ActionContext ctx, BlockActionPayload payload,
			Work work) {
		app.executorService().execute(() -> {
			try {
				work.run(payload, ctx);
			}
			catch (NotYourPrompt e) {
				ephemeral(ctx, payload, texts.t("prompt.notYours", texts.localeOf(member(payload, ctx))));
			}
			catch (RuntimeException e) {
				log.error("A prompt button failed", e);
			}
		});
		return ctx.ack();
	}

	private void openForm(BlockActionPayload payload, ActionContext ctx, Operation operation) {
		FormOpening opening = forms.open(value(payload), member(payload, ctx), operation);
		if (!opening.opens()) {
			ephemeral(ctx, payload, opening.instead().summary());
			return;
		}
		try {
			messenger.openForm(member(payload, ctx), payload.getTriggerId(), opening.form());
		}
		catch (DeliveryFailed e) {
			log.warn("Could not open a modal: {}", e.reason());
		}
	}

	private void closedUnless(PromptResponses.Outcome outcome, BlockActionPayload payload, ActionContext ctx) {
		if (outcome == PromptResponses.Outcome.CLOSED) {
			ephemeral(ctx, payload, texts.t("prompt.closed", texts.localeOf(member(payload, ctx))));
		}
	}

	/** Answers the presser only, in plain words. */
	private void ephemeral(ActionContext ctx, BlockActionPayload payload, String text) {
		String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
				? payload.getContainer().getChannelId() : payload.getChannel() == null ? null : payload.getChannel().getId();
		try {
			ctx.client().chatPostEphemeral(r -> r.channel(channel).user(user(payload)).text(Mrkdwn.escape(text)));
		}
		catch (Exception e) {
			log.warn("Could not answer a button ephemerally: {}", e.getClass().getSimpleName());
		}
	}

	private static String value(BlockActionPayload payload) {
		return payload.getActions().get(0).getValue();
	}

	private static String user(BlockActionPayload payload) {
		return payload.getUser().getId();
	}

	private static ChatAccount member(BlockActionPayload payload, ActionContext ctx) {
		return SlackMemberReferences.member(ctx, user(payload));
	}

	/** The prompt message the button is on: in the presser's DM with the app. */
	private static SentMessage pressedOn(BlockActionPayload payload, ActionContext ctx) {
		if (payload.getContainer() == null) {
			return null;
		}
		return new SentMessage(member(payload, ctx), payload.getContainer().getChannelId(),
				payload.getContainer().getMessageTs());
	}

	@FunctionalInterface
	interface Work {
		void run(BlockActionPayload payload, ActionContext ctx);
	}
}
