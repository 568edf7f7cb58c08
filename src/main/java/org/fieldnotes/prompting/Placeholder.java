package org.fieldnotes.prompting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A name a prompt file may declare under {@code placeholders:} and quote in a question's text as {@code {name}}:
 * something of the participant's own that the prompt is about.
 */
public enum Placeholder {

	/** The "Now what?" plan of the participant's latest answered prompt before this one. */
	LAST_PLAN("lastPlan"),
	/** The placement's learning goals, in order. */
	GOALS("goals"),
	/** The added value for the host the placement was set up with. */
	ADDED_VALUE("addedValue");

	private final String fileName;

	Placeholder(String fileName) {
		this.fileName = fileName;
	}

	/** The name as written in a prompt file, e.g. {@code lastPlan}. */
	public String fileName() {
		return fileName;
	}

	static Optional<Placeholder> named(String name) {
		return Arrays.stream(values()).filter(p -> p.fileName.equals(name)).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(Placeholder::fileName).toList();
	}
}
