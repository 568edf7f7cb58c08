package org.fieldnotes.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A survey's form: one field per question (a likert question as five radio buttons, its ends labelled; a single
 * choice as radio buttons; a multiple choice as checkboxes; free text as a text area), its metadata the sent
 * survey's id. Only the participant it was sent to opens or submits it. A submission is checked whole (a required
 * question left empty, an option the question does not have, a text too long: the form comes back naming the field,
 * in the person's language, and nothing is stored) and then stored in one write; a second submission replaces the
 * first.
 */
@Component
public class SurveyForms implements FormHandler {

	/** The survey form's id. */
	public static final String ID = "survey_answer";
	/** What the form turns into once the answers are stored. */
	public static final String THANKS = ID + "_thanks";
	/** The field of question {@code qid} is {@code FIELD + qid}. */
	public static final String FIELD = "sq_";
	/** The most characters a free-text answer takes. */
	public static final int MAX_TEXT = 1500;

	private final SurveySender sender;
	private final SurveyLibrary library;
	private final SurveyAnswers answers;
	private final PlacementManagement placements;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;
	private final Clock clock;

	SurveyForms(SurveySender sender, SurveyLibrary library, SurveyAnswers answers, PlacementManagement placements,
			AccessPolicy access, Languages languages, MessageSource messages, Clock clock) {
		this.sender = sender;
		this.library = library;
		this.answers = answers;
		this.placements = placements;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** The form of a sent survey (with the answers given already, if any), or why the person may not answer it. */
	public FormOpening open(String sendId, ChatAccount member) {
		Locale locale = languages.of(member);
		Optional<Sent> sent = sent(sendId, member, Operation.SURVEY_OPEN_BUTTON);
		if (sent.isEmpty()) {
			return FormOpening.instead(ChatMessage.text(t("survey.notYours", locale)));
		}
		return FormOpening.of(form(sent.get(), answers.of(sendId), locale));
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = languages.of(member);
		Optional<Sent> sent = sent(submission.metadata(), member, Operation.SURVEY_ANSWER_FORM);
		if (sent.isEmpty()) {
			// on the form's first field: the platform shows an error only on a field the form has
			String first = submission.values().keySet().stream().findFirst().orElse(FIELD);
			return FormOutcome.invalid(first, t("survey.notYours", locale));
		}
		Survey survey = sent.get().survey();
		Map<String, String> errors = new LinkedHashMap<>();
		List<SurveyResponse.Answer> given = new ArrayList<>();
		for (Survey.Question question : survey.questions()) {
			String field = FIELD + question.id();
			List<String> values = submission.valuesOf(field).stream().map(String::strip).filter(v -> !v.isEmpty())
				.toList();
			if (values.isEmpty()) {
				if (question.required()) {
					errors.put(field, t("survey.required", locale));
				}
				continue;
			}
			switch (question.type()) {
				case LIKERT -> {
					Integer number = values.size() == 1 && values.get(0).matches("[1-5]")
							? Integer.valueOf(values.get(0)) : null;
					if (number == null) {
						errors.put(field, t("survey.choice", locale));
					}
					else {
						given.add(new SurveyResponse.Answer(question.id(), "likert", number, List.of(), null));
					}
				}
				case SINGLE, MULTIPLE -> {
					boolean known = values.stream().allMatch(v -> question.option(v).isPresent());
					if (!known || question.type() == Survey.Type.SINGLE && values.size() > 1) {
						errors.put(field, t("survey.choice", locale));
					}
					else {
						given.add(new SurveyResponse.Answer(question.id(), question.type().fileName(), null,
								values.stream().distinct().toList(), null));
					}
				}
				case TEXT -> {
					String text = String.join("\n", values);
					if (text.codePointCount(0, text.length()) > MAX_TEXT) {
						errors.put(field, t("survey.tooLong", locale, MAX_TEXT));
					}
					else {
						given.add(new SurveyResponse.Answer(question.id(), "text", null, List.of(), text));
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			return FormOutcome.invalid(errors);
		}
		SurveySend send = sent.get().send();
		answers.replace(new SurveyResponse(send.id(), send.placementId(), send.personId(), send.program(),
				send.surveyId(), send.moment(), clock.instant(), given));
		Form thanks = Form.builder(THANKS, t("survey.form.title", locale))
			.cancel(t("survey.form.close", locale))
			.text(t("survey.thanks", locale))
			.build();
		return FormOutcome.replacedBy(thanks, null);
	}

	private record Sent(SurveySend send, Survey survey, Placement placement) {
	}

	/** The sent survey, when it is this member's to answer. */
	private Optional<Sent> sent(String sendId, ChatAccount member, Operation operation) {
		Optional<SurveySend> send = sender.sent(sendId);
		if (send.isEmpty()) {
			return Optional.empty();
		}
		Optional<Survey> survey = library.find(send.get().surveyId());
		Placement placement;
		try {
			placement = placements.get(send.get().placementId());
		}
		catch (RuntimeException gone) {
			return Optional.empty();
		}
		if (survey.isEmpty()
				|| access.decide(access.member(member), operation, Target.placement(placement)).denied()) {
			return Optional.empty();
		}
		return Optional.of(new Sent(send.get(), survey.get(), placement));
	}

	private Form form(Sent sent, Optional<SurveyResponse> before, Locale locale) {
		Survey survey = sent.survey();
		Form.Builder form = Form.builder(ID, t("survey.form.title", locale))
			.metadata(sent.send().id())
			.submit(t("survey.form.submit", locale))
			.cancel(t("modal.cancel", locale))
			.note(survey.title(locale) + " · " + survey.intro(locale));
		for (Survey.Question question : survey.questions()) {
			Optional<SurveyResponse.Answer> answer = before.flatMap(r -> r.answers().stream()
				.filter(a -> a.questionId().equals(question.id()))
				.findFirst());
			String id = FIELD + question.id();
			Form.Field field = switch (question.type()) {
				case LIKERT -> {
					List<Option> scale = new ArrayList<>();
					for (int value = 1; value <= 5; value++) {
						String label = value == 1 ? "1 · " + question.low(locale)
								: value == 5 ? "5 · " + question.high(locale) : String.valueOf(value);
						scale.add(new Option(String.valueOf(value), label));
					}
					Form.Field likert = Form.Field.radio(id, question.text(locale), scale);
					yield answer.map(a -> likert.initial(String.valueOf(a.number()))).orElse(likert);
				}
				case SINGLE -> {
					Form.Field single = Form.Field.radio(id, question.text(locale), options(question, locale));
					yield answer.filter(a -> !a.options().isEmpty()).map(a -> single.initial(a.options().get(0)))
						.orElse(single);
				}
				case MULTIPLE -> Form.Field.checkboxes(id, question.text(locale), options(question, locale))
					.initialValues(answer.map(SurveyResponse.Answer::options).orElse(List.of()));
				case TEXT -> {
					Form.Field text = Form.Field.longText(id, question.text(locale)).maxLength(MAX_TEXT);
					yield answer.map(a -> text.initial(a.text())).orElse(text);
				}
			};
			form.field(question.required() ? field : field.optional());
		}
		return form.build();
	}

	private static List<Option> options(Survey.Question question, Locale locale) {
		return question.options().stream().map(o -> new Option(o.id(), o.label(locale))).toList();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
