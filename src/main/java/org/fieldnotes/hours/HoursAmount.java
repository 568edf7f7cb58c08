package org.fieldnotes.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hours as people write them, in either language: {@code 7.5}, {@code 7,5}, {@code 7:30}, {@code 7h30}, {@code 8h},
 * {@code 7.5 tim}, {@code 45m}; read into whole minutes. Written back with the reader's decimal separator.
 */
public final class HoursAmount {

	/** A day has no more in it. */
	public static final int MAX_MINUTES_A_DAY = 24 * 60;

	private static final Pattern DECIMAL = Pattern.compile(
			"(\\d{1,3})(?:[.,](\\d{1,2}))?\\s*(?:h|hr|hrs|hours?|t|tim|timmar|timme)?", Pattern.CASE_INSENSITIVE);
	private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})\\s*[:h]\\s*([0-5]\\d)", Pattern.CASE_INSENSITIVE);
	private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})\\s*(?:m|min|mins|minutes?|minuter)",
			Pattern.CASE_INSENSITIVE);

	private HoursAmount() {
	}

	/** The minutes {@code text} says, rounded to the minute; empty when it is no amount of time. */
	public static Optional<Integer> minutes(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String amount = text.strip();
		Matcher clock = CLOCK.matcher(amount);
		if (clock.matches()) {
			return Optional.of(Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2)));
		}
		Matcher minutes = MINUTES.matcher(amount);
		if (minutes.matches()) {
			return Optional.of(Integer.parseInt(minutes.group(1)));
		}
		Matcher decimal = DECIMAL.matcher(amount);
		if (decimal.matches()) {
			BigDecimal hours = new BigDecimal(decimal.group(1) + "." + (decimal.group(2) == null ? "0" : decimal.group(2)));
			return Optional.of(hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact());
		}
		return Optional.empty();
	}

	/** Minutes as hours in the reader's language, at most two decimals: {@code 7.5}, {@code 7,5}, {@code 112}. */
	public static String hours(long minutes, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(0);
		format.setMaximumFractionDigits(2);
		format.setGroupingUsed(false);
		return format.format(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
	}

	/** Minutes as decimal hours for machines (CSV, JSON): {@code 7.5}, {@code 112}, {@code 0.33}. */
	public static BigDecimal decimal(long minutes) {
		BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros();
		// 120 would read 1.2E+2
		return hours.scale() < 0 ? hours.setScale(0) : hours;
	}
}
