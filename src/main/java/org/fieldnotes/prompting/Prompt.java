package org.fieldnotes.prompting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.text.TextCut;

/**
 * One prompt from {@code prompts/}, with its texts in every supported language.
 *
 * @param order position in the weekly rotation (0 for other phases)
 * @param programs the programmes the file serves, as {@link org.fieldnotes.placement.ProgramSettings#keyOf keys};
 * empty for the shared library (every programme's, unless it has {@code promptSet: own})
 * @param placeholders the names its questions quote ({@code placeholders:} in the file); empty once
 * {@link #filled filled}
 */
public record Prompt(String id, String kind, PromptPhase phase, int order, Map<String, String> title,
		Map<String, String> intro, List<Question> questions, Set<String> programs, Set<Placeholder> placeholders) {

	/** The most characters of the participant's own words a question quotes; longer ones are cut with "…". */
	public static final int MAX_QUOTE = 300;

	/** {@code {name}} in a question's text. */
	static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

	public Prompt {
		placeholders = placeholders == null ? Set.of() : Set.copyOf(placeholders);
	}

	public Prompt(String id, String kind, PromptPhase phase, int order, Map<String, String> title,
			Map<String, String> intro, List<Question> questions, Set<String> programs) {
		this(id, kind, phase, order, title, intro, questions, programs, Set.of());
	}

	public Prompt(String id, String kind, PromptPhase phase, int order, Map<String, String> title,
			Map<String, String> intro, List<Question> questions) {
		this(id, kind, phase, order, title, intro, questions, Set.of(), Set.of());
	}

	/**
	 * This prompt as one participant sees it: each question that quotes placeholders has them replaced by
	 * {@code values} (literally, in one pass, so a quoted {@code {goals}} stays as typed; cut to {@link #MAX_QUOTE}
	 * characters, line breaks as spaces), or is its plain fallback when one of them has no value. Nothing is escaped
	 * here: the words are data, and each channel's renderer escapes them.
	 */
	public Prompt filled(Map<Placeholder, String> values) {
		if (placeholders.isEmpty()) {
			return this;
		}
		List<Question> filled = new ArrayList<>();
		for (Question question : questions) {
			filled.add(question.filled(values));
		}
		return new Prompt(id, kind, phase, order, title, intro, List.copyOf(filled), programs, Set.of());
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

	/**
	 * A question with a short label ("So what?") and its text.
	 *
	 * @param fallback the plain text asked instead when a placeholder its text quotes has nothing to quote; empty
	 * for a question that quotes none
	 */
	public record Question(Map<String, String> label, Map<String, String> text, Map<String, String> fallback) {

		public Question {
			fallback = fallback == null ? Map.of() : Map.copyOf(fallback);
		}

		public Question(Map<String, String> label, Map<String, String> text) {
			this(label, text, Map.of());
		}

		/** The placeholders this question's text quotes, in any language. */
		Set<String> quoted() {
			Set<String> names = new java.util.HashSet<>();
			for (String value : text.values()) {
				Matcher found = PLACEHOLDER.matcher(value);
				while (found.find()) {
					names.add(found.group(1));
				}
			}
			return names;
		}

		Question filled(Map<Placeholder, String> values) {
			Set<String> quoted = quoted();
			if (quoted.isEmpty()) {
				return this;
			}
			Map<String, String> quotes = new java.util.HashMap<>();
			for (String name : quoted) {
				String value = Placeholder.named(name).map(values::get).map(Question::quote).orElse("");
				if (value.isEmpty()) {
					return new Question(label, fallback, Map.of());
				}
				quotes.put(name, value);
			}
			Map<String, String> texts = new java.util.HashMap<>();
			text.forEach((language, template) -> {
				// one pass over the file's text: what is put in is never looked at again
				Matcher found = PLACEHOLDER.matcher(template);
				StringBuilder out = new StringBuilder();
				while (found.find()) {
					found.appendReplacement(out, Matcher.quoteReplacement(quotes.get(found.group(1))));
				}
				found.appendTail(out);
				texts.put(language, out.toString());
			});
			return new Question(label, Map.copyOf(texts), Map.of());
		}

		private static String quote(String words) {
			String flat = words == null ? "" : words.strip().replaceAll("\\s+", " ");
			return TextCut.cut(flat, MAX_QUOTE);
		}

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
