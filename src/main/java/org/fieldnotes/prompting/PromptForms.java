package org.fieldnotes.prompting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityField;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reflection form of a prompt: what the prompt is about, one multi-line field per question (labelled with the
 * question's label and text, all optional), then "Who can see this". Its id is {@link #ANSWER} and its metadata the
 * prompt occurrence it answers.
 */
@Component
public class PromptForms {

	/** The reflection form's id. */
	public static final String ANSWER = "prompt_answer";
	/** The field of question {@code i} is {@code QUESTION + i}. */
	public static final String QUESTION = "q";
	/** The most characters an answer takes. */
	public static final int MAX_ANSWER = 3000;

	private final VisibilityField visibility;
	private final MessageSource messages;

	PromptForms(VisibilityField visibility, MessageSource messages) {
		this.visibility = visibility;
		this.messages = messages;
	}

	/**
	 * The form of a sent reflection prompt.
	 * @param initial the visibility chosen at first: the participant's effective default
	 */
	public Form answer(PromptResponses.Form form, Visibility initial) {
		Locale locale = form.locale();
		Prompt prompt = form.prompt();
		Form.Builder answer = Form.builder(ANSWER, t("modal.answer.title", locale))
			.metadata(form.occurrenceId())
			.submit(t("modal.save", locale))
			.cancel(t("modal.cancel", locale))
			.note(prompt.title(locale) + " · " + prompt.intro(locale));
		for (int i = 0; i < prompt.questions().size(); i++) {
			Prompt.Question question = prompt.questions().get(i);
			answer.field(Form.Field.longText(QUESTION + i, question.label(locale) + " — " + question.text(locale))
				.optional()
				.maxLength(MAX_ANSWER));
		}
		return answer.field(visibility.field(initial, locale)).build();
	}

	/** The answers of a submitted reflection form, by question in order: field q0, q1, … until one is missing. */
	public static List<String> answers(FormSubmission submission) {
		List<String> answers = new ArrayList<>();
		for (int i = 0; submission.has(QUESTION + i); i++) {
			answers.add(submission.value(QUESTION + i));
		}
		return answers;
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
