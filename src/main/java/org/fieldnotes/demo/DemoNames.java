package org.fieldnotes.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Made-up, plausible names for the four people of a demo, in the visitor's language (lists in {@code i18n/demo}):
 * first and last names drawn without repeats, so nobody in one demo shares either.
 */
@Component
class DemoNames {

	private final MessageSource messages;
	DemoNames(MessageSource messages) {
		this.messages = messages;
	}

	/** {@code count} full names, all different. */
	List<String> draw(int count, Locale language) {
		List<String> first = shuffled("demo.names.first", language);
		List<String> last = shuffled("demo.names.last", language);
		if (first.size() < count || last.size() < count) {
			throw new IllegalStateException("i18n/demo has fewer than " + count + " names for " + language);
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(first.get(i) + " " + last.get(i));
		}
		return names;
	}

	/** One of the comma-separated words of {@code key}, at random. */
	String pick(String key, Locale language) {
		return shuffled(key, language).get(0);
	}

	private List<String> shuffled(String key, Locale language) {
		List<String> words = new ArrayList<>(Arrays.stream(messages.getMessage(key, null, language).split(","))
			.map(String::strip).filter(w -> !w.isEmpty()).toList());
		Collections.shuffle(words, ThreadLocalRandom.current());
		return words;
	}
}
