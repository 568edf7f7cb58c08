package org.fieldnotes.retention;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads {@code FIELDNOTES_RETENTION}: an ISO-8601 period of days, weeks, months or years ({@code P365D}, {@code P52W},
 * {@code P18M}, {@code P1Y}) or a plain number of days ({@code 365}). Retention is counted in calendar days, so a
 * duration with hours ({@code PT12H}) is refused, as is zero or a negative period. Blank means the default, 365 days.
 */
final class RetentionPeriod {

	static final Period DEFAULT = Period.ofDays(365);
	static final String VARIABLE = "FIELDNOTES_RETENTION";

	private RetentionPeriod() {
	}

	static Period parse(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT;
		}
		String text = value.strip();
		Period period;
		if (text.chars().allMatch(Character::isDigit)) {
			try {
				period = Period.ofDays(Integer.parseInt(text));
			}
			catch (NumberFormatException e) {
				throw invalid(text);
			}
		}
		else {
			try {
				period = Period.parse(text.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException e) {
				throw invalid(text);
			}
		}
		if (period.isNegative() || period.isZero()) {
			throw invalid(text);
		}
		return period;
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException(VARIABLE + " is '" + text + "', which is not a retention period: use a "
				+ "number of days (365) or an ISO-8601 period of days, weeks, months or years (P365D, P52W, P18M, P1Y), "
				+ "greater than zero");
	}
}
