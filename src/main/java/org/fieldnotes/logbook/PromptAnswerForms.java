package org.fieldnotes.logbook;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.placement.VisibilityField;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.prompting.PromptForms;
import org.fieldnotes.prompting.PromptResponses;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A sent prompt's form, opened from its button: the reflection form ({@link PromptForms}), or the status-update form
 * for the weekly status check; and the reflection form's submission, stored as one entry before the platform is
 * answered (once per submission: {@link PromptAnswers}). No answer at all keeps the form open with an error on the
 * first question.
 */
@Component
public class PromptAnswerForms implements FormHandler {

	private final PromptResponses responses;
	private final PromptForms forms;
	private final StatusForms statusForms;
	private final PromptAnswers answers;
	private final VisibilityDefaults defaults;
	private final VisibilityControls visibility;
	private final Languages languages;
	private final MessageSource messages;

	PromptAnswerForms(PromptResponses responses, PromptForms forms, StatusForms statusForms, PromptAnswers answers,
			VisibilityDefaults defaults, VisibilityControls visibility, Languages languages,
			MessageSource messages) {
		this.responses = responses;
		this.forms = forms;
		this.statusForms = statusForms;
		this.answers = answers;
		this.defaults = defaults;
		this.visibility = visibility;
		this.languages = languages;
		this.messages = messages;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(PromptForms.ANSWER);
	}

	/**
	 * The form of a sent prompt; for a prompt that is closed (skipped, unknown) or not the person's, an answer saying
	 * so instead.
	 * @param operation the button pressed, for the policy
	 */
	public FormOpening open(String occurrenceId, ChatAccount member, Operation operation) {
		Optional<PromptResponses.Form> form;
		try {
			form = responses.form(occurrenceId, member, operation);
		}
		catch (NotYourPrompt e) {
			return FormOpening.instead(ChatMessage.text(t("prompt.notYours", localeOf(member))));
		}
		if (form.isEmpty()) {
			return FormOpening.instead(ChatMessage.text(t("prompt.closed", localeOf(member))));
		}
		Visibility initial = defaults.of(member).visibility();
		return FormOpening.of(form.get().statusCheck()
				? statusForms.form(form.get().locale(), form.get().occurrenceId(), initial,
						statusForms.unresolvedIn(form.get().placementId()))
				: forms.answer(form.get(), initial));
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = localeOf(member);
		String first = PromptForms.QUESTION + 0;
		PromptAnswers.Answered answered;
		try {
			answered = answers.answer(member, submission.metadata(), submission.key(), PromptForms.answers(submission),
					VisibilityField.chosen(submission).orElse(null));
		}
		catch (NotYourPrompt e) {
			return FormOutcome.invalid(first, t("prompt.notYours", locale));
		}
		switch (answered.outcome()) {
			case EMPTY:
				return FormOutcome.invalid(first, t("modal.answer.empty", locale));
			case CLOSED:
				return FormOutcome.invalid(first, t("prompt.closed", locale));
			case SAVED: {
				LogbookEntry entry = answered.entry();
				return FormOutcome.done(() -> visibility.confirmSaved(member, VisibilityChoice.Kind.ENTRY, entry.id(),
						entry.visibility(), locale)).refreshingHome();
			}
			default:
				return FormOutcome.done();
		}
	}

	private Locale localeOf(ChatAccount member) {
		return languages.of(member);
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
