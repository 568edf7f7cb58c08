package org.fieldnotes.survey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One survey from {@code prompts/surveys/}, with its texts in every supported language.
 *
 * @param programs the programmes it serves, as {@link org.fieldnotes.placement.ProgramSettings#keyOf keys}; empty
 * for every programme
 * @param when the moments it is sent at by itself (it can always be sent now by a coordinator)
 * @param shareText whether free-text answers go in the survey-answers export (default: they do not)
 */
public record Survey(String id, Map<String, String> title, Map<String, String> intro, Set<String> programs,
		Set<SurveyMoment> when, List<Question> questions, boolean shareText) {

	public String title(Locale locale) {
		return pick(title, locale);
	}

	public String intro(Locale locale) {
		return pick(intro, locale);
	}

	/** Whether a placement of the programme (name or key) takes this survey. */
	public boolean serves(String program) {
		return programs.isEmpty() || program != null && !program.isBlank()
				&& programs.contains(org.fieldnotes.placement.ProgramSettings.keyOf(program));
	}

	public Optional<Question> question(String questionId) {
		return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
	}

	/** What a question takes. */
	public enum Type {
		/** 1 to 5, with labelled ends. */
		LIKERT,
		/** One option. */
		SINGLE,
		/** Any of the options. */
		MULTIPLE,
		/** Free text. */
		TEXT;

		public String fileName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * A question.
	 *
	 * @param low the label of 1 (likert only)
	 * @param high the label of 5 (likert only)
	 * @param options the choices (single and multiple only)
	 */
	public record Question(String id, Type type, Map<String, String> text, Map<String, String> low,
			Map<String, String> high, List<Choice> options, boolean required) {

		public String text(Locale locale) {
			return pick(text, locale);
		}

		public String low(Locale locale) {
			return pick(low, locale);
		}

		public String high(Locale locale) {
			return pick(high, locale);
		}

		public Optional<Choice> option(String optionId) {
			return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
		}
	}

	/** An option of a single or multiple choice question: {@code id} is stored, the label shown. */
	public record Choice(String id, Map<String, String> label) {

		public String label(Locale locale) {
			return pick(label, locale);
		}
	}

	static String pick(Map<String, String> texts, Locale locale) {
		return texts == null ? null : texts.getOrDefault(locale.getLanguage(), texts.get("en"));
	}
}
