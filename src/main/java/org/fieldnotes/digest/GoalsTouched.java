package org.fieldnotes.digest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.fieldnotes.digest.summary.StopWords;

/**
 * Which learning goals a week's entries touched. A goal's content words are its words, lower-cased, without the
 * English and Swedish stop words of the summary ({@link StopWords}). An entry touches a goal when at least half of
 * the goal's content words (rounded up) occur in it; a word occurs when the entry has it, or, for words of four
 * letters or more, a longer or shorter form of it that starts the same way ("review" and "reviews", "test" and
 * "testing"). A goal made only of stop words is never touched.
 */
final class GoalsTouched {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
	private static final int STEM = 4;

	private GoalsTouched() {
	}

	/** A goal the week touched, and how many of the week's entries touched it. */
	record Touched(String goal, int entries) {
	}

	/**
	 * @param goals the placement's learning goals, in their order
	 * @param entries the texts of the week's entries the reader may see
	 * @return the touched goals in the order of {@code goals}
	 */
	static List<Touched> touched(List<String> goals, List<String> entries) {
		List<Set<String>> entryWords = entries.stream().map(GoalsTouched::words).toList();
		List<Touched> touched = new ArrayList<>();
		for (String goal : goals) {
			Set<String> goalWords = contentWords(goal);
			if (goalWords.isEmpty()) {
				continue;
			}
			int count = (int) entryWords.stream().filter(words -> touches(goalWords, words)).count();
			if (count > 0) {
				touched.add(new Touched(goal, count));
			}
		}
		return touched;
	}

	/** The words of a text that say something: lower-cased, stop words left out. */
	static Set<String> contentWords(String text) {
		Set<String> words = words(text);
		words.removeIf(StopWords::contains);
		return words;
	}

	private static boolean touches(Set<String> goalWords, Set<String> entryWords) {
		long found = goalWords.stream().filter(word -> occurs(word, entryWords)).count();
		return found * 2 >= goalWords.size();
	}

	private static boolean occurs(String word, Set<String> entryWords) {
		if (entryWords.contains(word)) {
			return true;
		}
		if (word.length() < STEM) {
			return false;
		}
		for (String other : entryWords) {
			if (other.length() >= STEM && (other.startsWith(word) || word.startsWith(other))) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}
}
