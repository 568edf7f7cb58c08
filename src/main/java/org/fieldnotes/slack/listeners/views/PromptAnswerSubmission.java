package org.fieldnotes.slack.listeners.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.PromptAnswers;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.HomeView;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

/**
 * The reflection form of a prompt, submitted: one entry, stored before the ack (keyed by the view id, so a
 * double submit stores once); no answer at all keeps the form open with a field error. The "saved" line goes out
 * after the ack.
 */
@Component
class PromptAnswerSubmission implements SlackListener {

	private final PromptAnswers answers;
	private final Messenger messenger;
	private final SlackTexts texts;
	private final HomeView home;
	private final VisibilityControls visibility;

	PromptAnswerSubmission(PromptAnswers answers, Messenger messenger, SlackTexts texts, HomeView home,
			VisibilityControls visibility) {
		this.home = home;
		this.visibility = visibility;
		this.answers = answers;
		this.messenger = messenger;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(Modals.ANSWER, (request, ctx) -> {
			View view = request.getPayload().getView();
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			Locale locale = texts.localeOf(member);
			PromptAnswers.Answered answered;
			try {
				answered = answers.answer(member, view.getPrivateMetadata(), "slack-view:" + view.getId(),
						questions(view), Modals.chosenVisibility(view).orElse(null));
			}
			catch (NotYourPrompt e) {
				return ctx.ack(r -> r.responseAction("errors").errors(firstField(texts.t("prompt.notYours", locale))));
			}
			switch (answered.outcome()) {
				case EMPTY:
					return ctx.ack(r -> r.responseAction("errors").errors(firstField(texts.t("modal.answer.empty", locale))));
				case CLOSED:
					return ctx.ack(r -> r.responseAction("errors").errors(firstField(texts.t("prompt.closed", locale))));
				case SAVED:
					Confirmations.saved(app, messenger, texts, visibility, home, ctx.client(), member, locale,
							VisibilityChoice.Kind.ENTRY, answered.entry().id(), answered.entry().visibility());
					return ctx.ack();
				default:
					return ctx.ack();
			}
		});
	}

	private static Map<String, String> firstField(String error) {
		return Map.of(Modals.QUESTION + 0, error);
	}

	/** The answers by question, in order: block q0, q1, … until one is missing. */
	private static List<String> questions(View view) {
		Map<String, Map<String, ViewState.Value>> values = view.getState() == null ? Map.of()
				: view.getState().getValues();
		List<String> result = new ArrayList<>();
		for (int i = 0; values.containsKey(Modals.QUESTION + i); i++) {
			ViewState.Value value = values.get(Modals.QUESTION + i).get(Modals.TEXT);
			result.add(value == null ? null : value.getValue());
		}
		return result;
	}
}
