package org.fieldnotes.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The parts of an {@code enroll} or {@code change} line: the participant ({@code @…}), {@code key:value} parts of
 * {@link EnrollCommand#KEYS}, and, where the command allows it, keys removed with {@code key:-}. Every problem is
 * kept, in the admin's language, so that all of them are answered at once.
 *
 * @param participant the first {@code @…} word, or {@literal null}
 * @param values the keys given, in lower case, with their values trimmed
 * @param removed the keys given as {@code -} (only where the command allows removal)
 * @param problems what is wrong with the line, each a sentence
 */
record EnrolmentLine(String participant, Map<String, String> values, Set<String> removed, List<String> problems) {

	/**
	 * Reads the line.
	 * @param removable the keys {@code -} removes; {@literal null} where nothing can be removed and {@code -} is a
	 * value like any other (enrolment)
	 */
	static EnrolmentLine read(String rest, Set<String> removable, Replies replies, Locale locale) {
		List<String> problems = new ArrayList<>();
		Map<String, String> values = new LinkedHashMap<>();
		Set<String> removed = new LinkedHashSet<>();
		String participant = null;
		Matcher matcher = EnrollCommand.PART.matcher(rest);
		while (matcher.find()) {
			String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
			String value = matcher.group(1) != null ? matcher.group(2) : matcher.group(4);
			if (key == null) {
				String word = matcher.group(5);
				if (participant == null && word.startsWith("@")) {
					participant = word;
				}
				else {
					problems.add(replies.t("enroll.unexpected", locale, word));
				}
				continue;
			}
			key = key.toLowerCase(Locale.ROOT);
			if (!EnrollCommand.KEYS.contains(key)) {
				problems.add(replies.t("enroll.unknownPart", locale, key));
			}
			else if (values.containsKey(key) || removed.contains(key)) {
				problems.add(replies.t("enroll.twice", locale, key));
			}
			else if (removable != null && value.strip().equals("-")) {
				if (removable.contains(key)) {
					removed.add(key);
				}
				else {
					problems.add(replies.t("change.cannotRemove", locale, key));
				}
			}
			else {
				values.put(key, value.strip());
			}
		}
		return new EnrolmentLine(participant, values, removed, problems);
	}
}
