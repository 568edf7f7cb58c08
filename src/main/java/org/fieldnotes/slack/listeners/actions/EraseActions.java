package org.fieldnotes.slack.listeners.actions;

import java.util.Locale;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.commands.EraseCommand;
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
 * Confirm and Cancel under {@code /fieldnotes erase @person}: acknowledged at once; then the command module decides
 * (admin rights checked again) and the ephemeral question is replaced by the answer, through the response URL.
 */
@Component
class EraseActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(EraseActions.class);

	private final EraseCommand erase;
	private final SlackTexts texts;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	EraseActions(EraseCommand erase, SlackTexts texts) {
		this.erase = erase;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.blockAction(EraseCommand.CONFIRM, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			app.executorService().execute(() -> answer(ctx, () -> {
				ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
				return erase.confirm(member, payload.getActions().get(0).getValue(), texts.localeOf(member));
			}));
			return ctx.ack();
		});
		app.blockAction(EraseCommand.CANCEL, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			Locale locale = texts.localeOf(SlackMemberReferences.member(ctx, payload.getUser().getId()));
			app.executorService().execute(() -> answer(ctx, () -> erase.cancel(payload.getActions().get(0).getValue(), locale)));
			return ctx.ack();
		});
	}

	private void answer(ActionContext ctx, java.util.function.Supplier<ChatMessage> decide) {
		try {
			ChatMessage message = decide.get();
			var response = ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true)
				.text(renderer.fallback(message)).blocks(renderer.renderOne(message)));
			if (response.getCode() >= 300) {
				log.warn("Could not answer an erase button: HTTP {}", response.getCode());
			}
		}
		catch (Exception e) {
			log.warn("An erase button failed: {}", e.getClass().getSimpleName());
		}
	}
}
