package org.fieldnotes.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the things an app handles (by surface and id) have no {@link Operation}, or an operation without a rule.
 */
final class OperationCoverage {

	private static final Pattern QUOTED = Pattern.compile("\\\\Q(.*?)\\\\E");

	private OperationCoverage() {
	}

	/** "SURFACE id" for each handled thing without an operation, and for each operation it maps to without a rule. */
	static List<String> missing(Map<Surface, Set<String>> handled, Function<Operation, Set<Who>> rules) {
		List<String> missing = new ArrayList<>();
		handled.forEach((surface, ids) -> {
			for (String id : new TreeSet<>(ids)) {
				var operation = Operation.find(surface, id);
				if (operation.isEmpty()) {
					missing.add(surface + " " + id + ": no Operation");
				}
				else if (rules.apply(operation.get()).isEmpty()) {
					missing.add(surface + " " + id + ": " + operation.get() + " has no rule");
				}
			}
		});
		return missing;
	}

	/** How Bolt's pattern for an id reads as an {@link Operation} id: {@code ^\Qprompt_write\E$} is {@code prompt_write}. */
	static String id(Pattern pattern) {
		String source = pattern.pattern();
		if (source.startsWith("^")) {
			source = source.substring(1);
		}
		if (source.endsWith("$")) {
			source = source.substring(0, source.length() - 1);
		}
		Matcher quoted = QUOTED.matcher(source);
		StringBuilder plain = new StringBuilder();
		while (quoted.find()) {
			quoted.appendReplacement(plain, Matcher.quoteReplacement(quoted.group(1)));
		}
		quoted.appendTail(plain);
		return plain.toString();
	}
}
