package org.fieldnotes.prompting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One prompt from {@code prompts/}, with its texts in every supported language.
 *
 * @param order position in the weekly rotation (0 for other phases)
 * @param programs the programmes the file serves, as {@link org.fieldnotes.placement.ProgramSettings#keyOf keys};
 * empty for the shared library (every programme's, unless it has {@code promptSet: own})
 */
public record Prompt(String id, String kind, PromptPhase phase, int order, Map<String, String> title,
		Map<String, String> intro, List<Question> questions, Set<String> programs) {

	public Prompt(String id, String kind, PromptPhase phase, int order, Map<String, String> title,
			Map<String, String> intro, List<Question> questions) {
		this(id, kind, phase, order, title, intro, questions, Set.of());
	}

	/** Whether the file is in the shared library (names no programme). */
	public boolean shared() {
		return programs.isEmpty();
	}

	public String title(Locale locale) {
		return pick(title, locale);
	}

	public String intro(Locale locale) {
		return pick(intro, locale);
	}

	/** A question with a short label ("So what?") and its text. */
	public record Question(Map<String, String> label, Map<String, String> text) {

		public String label(Locale locale) {
			return pick(label, locale);
		}

		public String text(Locale locale) {
			return pick(text, locale);
		}
	}

	static String pick(Map<String, String> texts, Locale locale) {
		return texts.getOrDefault(locale.getLanguage(), texts.get("en"));
	}
}
