package org.fieldnotes.slack.listeners.actions;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.prompting.PromptResponses;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.view.View;

/**
 * The buttons of a prompt: acknowledged at once; the work (open the form, snooze, skip) follows after the ack.
 * Someone pressing another participant's prompt gets an ephemeral "not yours".
 */
@Component
class PromptActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(PromptActions.class);

	private final PromptResponses responses;
	private final Modals modals;
	private final SlackTexts texts;
	private final VisibilityDefaults defaults;

	PromptActions(PromptResponses responses, Modals modals, SlackTexts texts, VisibilityDefaults defaults) {
		this.responses = responses;
		this.modals = modals;
		this.texts = texts;
		this.defaults = defaults;
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
				ephemeral(ctx, payload, "prompt.notYours");
			}
			catch (RuntimeException e) {
				log.error("A prompt button failed", e);
			}
		});
		return ctx.ack();
	}

	private void openForm(BlockActionPayload payload, ActionContext ctx, Operation operation) {
		Optional<PromptResponses.Form> form = responses.form(value(payload), member(payload, ctx), operation);
		if (form.isEmpty()) {
			ephemeral(ctx, payload, "prompt.closed");
			return;
		}
		Visibility initial = defaults.of(member(payload, ctx)).visibility();
		open(ctx, payload.getTriggerId(), form.get().statusCheck()
				? modals.status(form.get().locale(), form.get().occurrenceId(), initial)
				: modals.answer(form.get(), initial));
	}

	static void open(com.slack.api.bolt.context.Context ctx, String triggerId, View view) {
		try {
			var response = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
			if (!response.isOk()) {
				log.warn("Could not open a modal: {}", response.getError());
			}
		}
		catch (Exception e) {
			log.warn("Could not open a modal: {}", e.getClass().getSimpleName());
		}
	}

	private void closedUnless(PromptResponses.Outcome outcome, BlockActionPayload payload, ActionContext ctx) {
		if (outcome == PromptResponses.Outcome.CLOSED) {
			ephemeral(ctx, payload, "prompt.closed");
		}
	}

	private void ephemeral(ActionContext ctx, BlockActionPayload payload, String key) {
		Locale locale = texts.localeOf(member(payload, ctx));
		String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
				? payload.getContainer().getChannelId() : payload.getChannel() == null ? null : payload.getChannel().getId();
		try {
			ctx.client().chatPostEphemeral(r -> r.channel(channel).user(user(payload)).text(texts.t(key, locale)));
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
