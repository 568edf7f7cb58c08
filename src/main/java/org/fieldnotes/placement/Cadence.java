package org.fieldnotes.placement;

import java.util.Locale;
import java.util.Optional;

/**
 * How often a programme's participants are prompted between their first and their last week (those two weeks are
 * always prompted, on the placement's schedule).
 */
public enum Cadence {

	/** Every week on the schedule day (the default). */
	WEEKLY,
	/** Every second placement week, counted from the start: weeks 1, 3, 5 and so on. */
	FORTNIGHTLY,
	/** Once a month: the first schedule day of the month that is a work day, in the participant's zone. */
	MONTHLY;

	public static final Cadence DEFAULT = WEEKLY;

	/** Parses {@code weekly}, {@code fortnightly} or {@code monthly} (any case, trimmed). */
	public static Optional<Cadence> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		for (Cadence cadence : values()) {
			if (cadence.name().equals(wanted)) {
				return Optional.of(cadence);
			}
		}
		return Optional.empty();
	}

	/** The lower-case name used in commands and the API. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
