package org.fieldnotes.commands;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.placement.Visibility;

/** The words people may type for a visibility, in English or Swedish ({@code privat}, {@code coacher}, …). */
final class VisibilityWords {

	private static final Map<String, Visibility> SWEDISH = Map.of("privat", Visibility.PRIVATE, "coacher",
			Visibility.COACHES, "handledare", Visibility.COACHES, "placering", Visibility.PLACEMENT, "konfidentiell",
			Visibility.CONFIDENTIAL);

	private VisibilityWords() {
	}

	static Optional<Visibility> parse(String word) {
		if (word == null) {
			return Optional.empty();
		}
		String wanted = word.strip().toLowerCase(Locale.ROOT);
		return Visibility.parse(wanted).or(() -> Optional.ofNullable(SWEDISH.get(wanted)));
	}
}
