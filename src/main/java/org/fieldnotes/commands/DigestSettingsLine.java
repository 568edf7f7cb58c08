package org.fieldnotes.commands;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.digest.DigestChannel;
import org.fieldnotes.digest.DigestPreferences;

/**
 * What follows {@code /fieldnotes digest settings}, in any order: a weekday (English or Swedish, full or three
 * letters), a time ({@code 16:30} or {@code 16.30}), a channel ({@code slack}, {@code email}/{@code e-post}) and
 * an e-mail address. Either a change or the first word that is none of these.
 */
record DigestSettingsLine(DigestPreferences.Change change, Problem problem, String word) {

	enum Problem {
		/** A word that looks like a time but is not one (25:00). */
		TIME,
		/** A word that is no day, time, channel or address. */
		WORD,
		/** Two days, two times or two channels. */
		TWICE
	}

	private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");
	private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
			Map.entry("mon", DayOfWeek.MONDAY), Map.entry("måndag", DayOfWeek.MONDAY),
			Map.entry("mån", DayOfWeek.MONDAY), Map.entry("mandag", DayOfWeek.MONDAY),
			Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
			Map.entry("tisdag", DayOfWeek.TUESDAY), Map.entry("tis", DayOfWeek.TUESDAY),
			Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
			Map.entry("onsdag", DayOfWeek.WEDNESDAY), Map.entry("ons", DayOfWeek.WEDNESDAY),
			Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
			Map.entry("torsdag", DayOfWeek.THURSDAY), Map.entry("tor", DayOfWeek.THURSDAY),
			Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
			Map.entry("fredag", DayOfWeek.FRIDAY), Map.entry("fre", DayOfWeek.FRIDAY),
			Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
			Map.entry("lördag", DayOfWeek.SATURDAY), Map.entry("lör", DayOfWeek.SATURDAY),
			Map.entry("lordag", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
			Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("söndag", DayOfWeek.SUNDAY),
			Map.entry("sön", DayOfWeek.SUNDAY), Map.entry("sondag", DayOfWeek.SUNDAY));
	/** {@code slack} (the word people know) or {@code chat}: a direct message on their chat platform. */
	private static final Map<String, DigestChannel> CHANNELS = Map.of("slack", DigestChannel.CHAT, "chat",
			DigestChannel.CHAT, "dm", DigestChannel.CHAT, "email", DigestChannel.EMAIL, "e-mail", DigestChannel.EMAIL,
			"mail", DigestChannel.EMAIL, "e-post", DigestChannel.EMAIL, "epost", DigestChannel.EMAIL);

	static DigestSettingsLine parse(String text) {
		DayOfWeek day = null;
		LocalTime time = null;
		DigestChannel channel = null;
		String email = null;
		for (String word : text.strip().split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			String lower = word.toLowerCase(Locale.ROOT).replaceAll("[,;]$", "");
			Matcher matcher = TIME.matcher(lower);
			if (DAYS.containsKey(lower)) {
				if (day != null) {
					return failed(Problem.TWICE, word);
				}
				day = DAYS.get(lower);
			}
			else if (CHANNELS.containsKey(lower)) {
				if (channel != null) {
					return failed(Problem.TWICE, word);
				}
				channel = CHANNELS.get(lower);
			}
			else if (matcher.matches()) {
				if (time != null) {
					return failed(Problem.TWICE, word);
				}
				time = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
			}
			else if (word.contains("@")) {
				if (email != null) {
					return failed(Problem.TWICE, word);
				}
				email = word.replaceAll("^mailto:", "");
			}
			else if (lower.matches(".*\\d.*")) {
				return failed(Problem.TIME, word);
			}
			else {
				return failed(Problem.WORD, word);
			}
		}
		return new DigestSettingsLine(new DigestPreferences.Change(day, time, channel, email), null, null);
	}

	private static DigestSettingsLine failed(Problem problem, String word) {
		return new DigestSettingsLine(null, problem, word);
	}

	boolean ok() {
		return problem == null;
	}

	boolean empty() {
		return ok() && change.day() == null && change.time() == null && change.channel() == null
				&& change.email() == null;
	}
}
