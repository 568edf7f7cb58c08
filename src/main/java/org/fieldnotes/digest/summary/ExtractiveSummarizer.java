package org.fieldnotes.digest.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.fieldnotes.text.TextCut;
import org.springframework.context.MessageSource;

/**
 * The default summary, local and deterministic: the week's one or two most informative sentences and the words
 * or word pairs that recur across its entries. A sentence is informative when its words (stop words aside) come
 * up often across the week; the first sentence of an entry counts a little more, and length is penalized, so a
 * short sentence about what the week was about wins over a long one that happens to use many words.
 */
public class ExtractiveSummarizer implements Summarizer {

	/** The longest the quoted sentences may be together, themes not counted. */
	static final int MAX_SENTENCES_LENGTH = 240;
	static final int MAX_THEMES = 3;

	private static final Pattern LINES = Pattern.compile("\\R+");
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
	private static final Pattern BULLET = Pattern.compile("^[-*•–]\\s+");
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");
	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}'’]+");
	private static final Pattern TERMINAL = Pattern.compile(".*[.!?…]$");

	private final MessageSource messages;

	public ExtractiveSummarizer(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Optional<String> summarize(List<String> entries, Locale locale) {
		List<Sentence> sentences = new ArrayList<>();
		List<List<List<String>>> tokensByEntry = new ArrayList<>();
		for (String entry : entries) {
			List<List<String>> entryTokens = new ArrayList<>();
			int position = 0;
			for (String text : sentencesOf(entry)) {
				List<String> tokens = tokens(text);
				sentences.add(new Sentence(text, sentences.size(), position++, tokens));
				entryTokens.add(tokens);
			}
			tokensByEntry.add(entryTokens);
		}
		if (sentences.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder summary = new StringBuilder(topSentences(sentences));
		List<String> themes = themes(tokensByEntry);
		if (!themes.isEmpty()) {
			summary.append(' ').append(messages.getMessage("summary.themes", new Object[] { String.join(", ", themes) },
					locale));
		}
		return Optional.of(summary.toString());
	}

	// ------------------------------------------------------------------------------------------- sentences

	private String topSentences(List<Sentence> sentences) {
		Map<String, Integer> frequency = new HashMap<>();
		for (Sentence sentence : sentences) {
			for (String token : sentence.tokens()) {
				if (isContent(token)) {
					frequency.merge(token, 1, Integer::sum);
				}
			}
		}
		List<Sentence> ranked = new ArrayList<>(sentences);
		ranked.sort(Comparator.comparingDouble((Sentence s) -> -score(s, frequency)).thenComparingInt(Sentence::order));
		String first = finished(ranked.get(0).text());
		if (first.length() > MAX_SENTENCES_LENGTH) {
			return cut(first, MAX_SENTENCES_LENGTH);
		}
		if (ranked.size() > 1 && score(ranked.get(1), frequency) > 0) {
			String second = finished(ranked.get(1).text());
			if (first.length() + 1 + second.length() <= MAX_SENTENCES_LENGTH) {
				return ranked.get(0).order() < ranked.get(1).order() ? first + " " + second : second + " " + first;
			}
		}
		return first;
	}

	private static double score(Sentence sentence, Map<String, Integer> frequency) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String token : sentence.tokens()) {
			if (isContent(token)) {
				distinct.add(token);
			}
		}
		double sum = 0;
		for (String term : distinct) {
			sum += frequency.getOrDefault(term, 0);
		}
		int words = Math.max(1, sentence.tokens().size());
		double score = sum / Math.sqrt(words);
		if (sentence.position() == 0) {
			score *= 1.25;
		}
		if (words < 4) {
			score *= 0.5;
		}
		return score;
	}

	private static List<String> sentencesOf(String entry) {
		List<String> sentences = new ArrayList<>();
		if (entry == null) {
			return sentences;
		}
		for (String line : LINES.split(entry.strip())) {
			for (String part : SENTENCE_END.split(line.strip())) {
				String sentence = WHITESPACE.matcher(BULLET.matcher(part.strip()).replaceFirst("")).replaceAll(" ").strip();
				if (!sentence.isEmpty() && sentence.codePoints().anyMatch(Character::isLetterOrDigit)) {
					sentences.add(sentence);
				}
			}
		}
		return sentences;
	}

	private static String finished(String sentence) {
		return TERMINAL.matcher(sentence).matches() ? sentence : sentence + ".";
	}

	/** At most {@code max} characters, cut at a word boundary (never inside an emoji) and ended with an ellipsis. */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		String head = TextCut.head(text, max - 1);
		int space = head.lastIndexOf(' ');
		if (space > max / 2) {
			head = head.substring(0, space);
		}
		return head.replaceAll("[\\s,;:.!?…-]+$", "") + "…";
	}

	// --------------------------------------------------------------------------------------------- themes

	/**
	 * Up to three content words or word pairs found in at least two entries: the ones in most entries first, a
	 * pair before its own words, then the most frequent, then the earliest.
	 */
	private static List<String> themes(List<List<List<String>>> tokensByEntry) {
		Map<String, Candidate> candidates = new HashMap<>();
		int order = 0;
		for (int entry = 0; entry < tokensByEntry.size(); entry++) {
			for (List<String> tokens : tokensByEntry.get(entry)) {
				for (int i = 0; i < tokens.size(); i++) {
					String word = tokens.get(i);
					if (!isContent(word)) {
						continue;
					}
					candidates.computeIfAbsent(word, w -> new Candidate(w, List.of(w))).seen(entry, order++);
					if (i + 1 < tokens.size() && isContent(tokens.get(i + 1))) {
						String next = tokens.get(i + 1);
						candidates.computeIfAbsent(word + " " + next, p -> new Candidate(p, List.of(word, next)))
							.seen(entry, order++);
					}
				}
			}
		}
		List<Candidate> recurring = new ArrayList<>();
		for (Candidate candidate : candidates.values()) {
			if (candidate.entries.size() >= 2) {
				recurring.add(candidate);
			}
		}
		recurring.sort(Comparator.comparingInt((Candidate c) -> -c.entries.size())
			.thenComparingInt(c -> -c.words.size())
			.thenComparingInt(c -> -c.count)
			.thenComparingInt(c -> c.first)
			.thenComparing(c -> c.text));
		List<String> themes = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (Candidate candidate : recurring) {
			if (themes.size() == MAX_THEMES) {
				break;
			}
			if (candidate.words.stream().noneMatch(used::contains)) {
				themes.add(candidate.text);
				used.addAll(candidate.words);
			}
		}
		return themes;
	}

	// --------------------------------------------------------------------------------------------- words

	/** Lower-case words; contractions are kept whole (and are never content), a possessive 's is dropped. */
	private static List<String> tokens(String sentence) {
		List<String> tokens = new ArrayList<>();
		for (String raw : NON_WORD.split(sentence.toLowerCase(Locale.ROOT))) {
			String token = raw.replaceAll("^['’]+|['’]+$", "").replaceAll("['’]s$", "");
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	private static boolean isContent(String token) {
		return token.length() >= 3 && token.indexOf('\'') < 0 && token.indexOf('’') < 0
				&& token.codePoints().anyMatch(Character::isLetter) && !StopWords.contains(token);
	}

	private record Sentence(String text, int order, int position, List<String> tokens) {
	}

	private static final class Candidate {

		final String text;
		final List<String> words;
		final Set<Integer> entries = new HashSet<>();
		int count;
		int first = -1;

		Candidate(String text, List<String> words) {
			this.text = text;
			this.words = words;
		}

		Candidate seen(int entry, int order) {
			entries.add(entry);
			count++;
			if (first < 0) {
				first = order;
			}
			return this;
		}
	}
}
