package org.fieldnotes.signoff;

import java.util.Locale;
import java.util.Optional;

/** How the host manager rates a week: red, amber or green, as placement tools do. */
public enum Rating {

	GREEN, AMBER, RED;

	/** The word in the API, the CSV and the audit: {@code green}, {@code amber}, {@code red}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The rating a word names, in any case; empty for anything else. */
	public static Optional<Rating> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		for (Rating rating : values()) {
			if (rating.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(rating);
			}
		}
		return Optional.empty();
	}
}
