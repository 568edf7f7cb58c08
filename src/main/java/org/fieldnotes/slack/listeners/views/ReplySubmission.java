package org.fieldnotes.slack.listeners.views;

import java.util.Locale;
import java.util.Map;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.ReplyModal;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

/**
 * A coach's reply form, submitted. An empty or too long reply, or one from someone who may no longer read the entry,
 * keeps the form open with the reason under the field (nothing stored). Otherwise the form turns into "Reply sent"
 * at once, and the reply is stored (once per form) and sent to the participant after the ack.
 */
@Component
class ReplySubmission implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(ReplySubmission.class);

	private final Responses responses;
	private final ReplyModal modal;
	private final SlackTexts texts;
	private final AccessPolicy policy;

	ReplySubmission(Responses responses, ReplyModal modal, SlackTexts texts, AccessPolicy policy) {
		this.responses = responses;
		this.modal = modal;
		this.texts = texts;
		this.policy = policy;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(ReplyModal.CALLBACK, (request, ctx) -> {
			View view = request.getPayload().getView();
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			Locale locale = texts.localeOf(member);
			String entryId = view.getPrivateMetadata();
			String text = text(view);
			Responses.Status invalid = Responses.validate(text);
			if (invalid != null) {
				String error = invalid == Responses.Status.EMPTY ? texts.t("replies.empty", locale)
						: texts.t("replies.tooLong", locale, Responses.MAX_REPLY, text.strip().length());
				return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ReplyModal.REPLY, error)));
			}
			Responses.Outcome access = responses.access(entryId, policy.member(member), Operation.ENTRY_REPLY_FORM);
			if (access.status() != Responses.Status.ALLOWED) {
				String key = access.status() == Responses.Status.GONE ? "replies.gone" : "replies.refused";
				return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ReplyModal.REPLY, texts.t(key, locale))));
			}
			String viewId = view.getId();
			app.executorService().execute(() -> {
				try {
					responses.reply(entryId, policy.member(member), text, "slack-view:" + viewId,
							Operation.ENTRY_REPLY_FORM);
				}
				catch (RuntimeException e) {
					log.error("A reply could not be stored", e);
				}
			});
			View sent = modal.sent(access.responder().placement().getParticipant().name(), locale);
			return ctx.ack(r -> r.responseAction("update").view(sent));
		});
	}

	private static String text(View view) {
		if (view.getState() == null) {
			return null;
		}
		ViewState.Value value = view.getState().getValues().getOrDefault(ReplyModal.REPLY, Map.of()).get(Modals.TEXT);
		return value == null ? null : value.getValue();
	}
}
