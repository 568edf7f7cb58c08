package org.fieldnotes.placement;

import java.util.Locale;
import java.util.Optional;

/** Which prompt files a programme's placements are prompted from. */
public enum PromptSet {

	/** The files that name the programme plus the shared library, the files that name no programme (the default). */
	SHARED,
	/** Only the files that name the programme (a phase none of them covers still comes from the shared library). */
	OWN;

	public static final PromptSet DEFAULT = SHARED;

	/** Parses {@code shared} or {@code own} (any case, trimmed). */
	public static Optional<PromptSet> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		for (PromptSet set : values()) {
			if (set.name().equals(wanted)) {
				return Optional.of(set);
			}
		}
		return Optional.empty();
	}

	/** The lower-case name used in commands and the API. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
