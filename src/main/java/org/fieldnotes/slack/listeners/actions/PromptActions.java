package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.logbook.PromptAnswerForms;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.prompting.PromptResponses;
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
	private final FormButtons buttons;
	private final SlackTexts texts;

	PromptActions(PromptResponses responses, PromptAnswerForms forms, FormButtons buttons, SlackTexts texts) {
		this.responses = responses;
		this.forms = forms;
		this.buttons = buttons;
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
		ChatAccount member = member(payload, ctx);
		buttons.show(ctx, payload, member, forms.open(value(payload), member, operation), "prompt");
	}

	private void closedUnless(PromptResponses.Outcome outcome, BlockActionPayload payload, ActionContext ctx) {
		if (outcome == PromptResponses.Outcome.CLOSED) {
			ephemeral(ctx, payload, texts.t("prompt.closed", texts.localeOf(member(payload, ctx))));
		}
	}

	/** Answers the presser only, in plain words. */
	private static void ephemeral(ActionContext ctx, BlockActionPayload payload, String text) {
		FormButtons.ephemeral(ctx, payload, text, "prompt");
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
