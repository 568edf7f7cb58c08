package org.fieldnotes.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.prompting.Prompt;

/**
 * The "Now what?" plan in an answer to a prompt: a prompt answered in its form is stored as each question's label
 * on a line of its own followed by the answer, so the plan is what follows the label of the question labelled
 * "Now what?" in English (any of its languages' labels), up to the next question's label. An entry written
 * otherwise (a reply in the thread) has no labels, and so no plan found here.
 */
final class NowWhatPlans {

	static final String LABEL = "Now what?";

	private NowWhatPlans() {
	}

	/** The plan in the entry's text; empty when the prompt has no "Now what?" question or it was not answered. */
	static Optional<String> in(Prompt prompt, String text) {
		if (prompt == null || text == null || prompt.questions() == null) {
			return Optional.empty();
		}
		Set<String> nowWhat = new HashSet<>();
		Set<String> others = new HashSet<>();
		for (Prompt.Question question : prompt.questions()) {
			Collection<String> labels = question.label() == null ? List.of() : question.label().values();
			if (question.label() != null && LABEL.equalsIgnoreCase(question.label().getOrDefault("en", "").strip())) {
				labels.forEach(l -> nowWhat.add(l.strip()));
			}
			else {
				labels.forEach(l -> others.add(l.strip()));
			}
		}
		if (nowWhat.isEmpty()) {
			return Optional.empty();
		}
		List<String> plan = new ArrayList<>();
		boolean inside = false;
		for (String line : text.replace("\r", "").split("\n", -1)) {
			String stripped = line.strip();
			if (nowWhat.contains(stripped)) {
				inside = true;
			}
			else if (others.contains(stripped)) {
				inside = false;
			}
			else if (inside) {
				plan.add(line);
			}
		}
		String found = String.join("\n", plan).strip();
		return found.isEmpty() ? Optional.empty() : Optional.of(found);
	}
}
