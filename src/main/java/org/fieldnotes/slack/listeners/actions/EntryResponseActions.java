package org.fieldnotes.slack.listeners.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.logbook.ReplyForms;
import org.fieldnotes.logbook.ResponseButtons;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.Message;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

/**
 * The Acknowledge and Reply buttons under an entry in a digest. Acknowledged to Slack at once; then Acknowledge
 * stores the acknowledgement (the participant is told) and answers the coach ephemerally, turning the button into
 * "✓ Acknowledged"; Reply opens the reply form ({@link FormButtons}). Someone who may not read the entry is refused and nothing is stored.
 */
@Component
class EntryResponseActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(EntryResponseActions.class);

	private final Responses responses;
	private final ReplyForms replyForms;
	private final FormButtons buttons;
	private final SlackTexts texts;
	private final AccessPolicy access;

	EntryResponseActions(Responses responses, ReplyForms replyForms, FormButtons buttons, SlackTexts texts,
			AccessPolicy access) {
		this.responses = responses;
		this.replyForms = replyForms;
		this.buttons = buttons;
		this.texts = texts;
		this.access = access;
	}

	@Override
	public void register(App app) {
		app.blockAction(ResponseButtons.ACKNOWLEDGE, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			app.executorService().execute(() -> {
				try {
					acknowledge(payload, ctx);
				}
				catch (RuntimeException e) {
					log.error("An Acknowledge button failed", e);
				}
			});
			return ctx.ack();
		});
		buttons.register(app, ResponseButtons.REPLY, "Reply",
				(member, actionId, entryId) -> Optional.of(replyForms.open(entryId, member)));
	}

	private void acknowledge(BlockActionPayload payload, ActionContext ctx) {
		ChatAccount member = SlackMemberReferences.member(ctx, payload.getUser().getId());
		Locale locale = texts.localeOf(member);
		Responses.Outcome outcome = responses.acknowledge(entryId(payload), access.member(member),
				Operation.ENTRY_ACKNOWLEDGE_BUTTON);
		switch (outcome.status()) {
			case STORED:
				markAcknowledged(payload, ctx, locale);
				ephemeral(ctx, payload, texts.t("replies.acknowledged", locale, outcome.participantFirstName()));
				break;
			case ALREADY_DONE:
				markAcknowledged(payload, ctx, locale);
				ephemeral(ctx, payload, texts.t("replies.already", locale, outcome.participantFirstName()));
				break;
			default:
				refuse(ctx, payload, outcome, locale);
		}
	}

	private void refuse(ActionContext ctx, BlockActionPayload payload, Responses.Outcome outcome, Locale locale) {
		ephemeral(ctx, payload, texts.t(outcome.status() == Responses.Status.GONE ? "replies.gone" : "replies.refused", locale));
	}

	/**
	 * The pressed digest message keeps its place; its Acknowledge button now reads "✓ Acknowledged" (best effort:
	 * the digest is the coach's own DM from Fieldnotes).
	 */
	private void markAcknowledged(BlockActionPayload payload, ActionContext ctx, Locale locale) {
		Message message = payload.getMessage();
		if (message == null || message.getBlocks() == null || payload.getContainer() == null) {
			return;
		}
		String blockId = payload.getActions().get(0).getBlockId();
		String entryId = entryId(payload);
		List<LayoutBlock> blocks = new ArrayList<>(message.getBlocks());
		boolean changed = false;
		for (LayoutBlock block : blocks) {
			if (block instanceof ActionsBlock actions && blockId != null && blockId.equals(actions.getBlockId())) {
				for (BlockElement element : actions.getElements()) {
					if (element instanceof ButtonElement button && ResponseButtons.ACKNOWLEDGE.equals(button.getActionId())
							&& entryId.equals(button.getValue())) {
						button.setText(PlainTextObject.builder().text(texts.t("replies.marker", locale)).emoji(true).build());
						button.setStyle(null);
						changed = true;
					}
				}
			}
		}
		if (!changed) {
			return;
		}
		try {
			var response = ctx.client().chatUpdate(r -> r.channel(payload.getContainer().getChannelId())
				.ts(payload.getContainer().getMessageTs())
				.text(message.getText())
				.blocks(blocks));
			if (!response.isOk()) {
				log.warn("Could not mark a digest entry acknowledged: {}", response.getError());
			}
		}
		catch (Exception e) {
			log.warn("Could not mark a digest entry acknowledged: {}", e.getClass().getSimpleName());
		}
	}

	private static void ephemeral(ActionContext ctx, BlockActionPayload payload, String text) {
		FormButtons.ephemeral(ctx, payload, text, "response");
	}

	private static String entryId(BlockActionPayload payload) {
		return payload.getActions().get(0).getValue();
	}
}
