package org.fieldnotes.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a portfolio may hold; the participant chooses which ({@code only:answers,entries,status}). */
public enum PortfolioPart {
	/** Entries answering a prompt. */
	ANSWERS,
	/** Entries written without a prompt. */
	ENTRIES,
	/** Status updates: colour, mood, progress and blockers. */
	STATUS;

	/** How a person writes it: {@code answers}, {@code entries}, {@code status}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<PortfolioPart> parse(String text) {
		String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(p -> p.key().equals(wanted)).findFirst();
	}
}
