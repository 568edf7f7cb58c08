package org.fieldnotes.prompting;

import java.util.Arrays;

/**
 * The part of a placement a prompt belongs to; its file name in {@code prompts/} is the lower-case, dashed form.
 * {@link #REVIEW} is the periodic review of a long placement in a programme with {@code reviewEvery}; it is the only
 * phase the shared library may leave without a prompt (a review then takes the midpoint's).
 */
public enum PromptPhase {
	FIRST_WEEK, WEEKLY, MIDPOINT, LAST_WEEK, FOLLOW_UP, REVIEW;

	public String fileName() {
		return name().toLowerCase().replace('_', '-');
	}

	static PromptPhase fromFileName(String value) {
		return Arrays.stream(values()).filter(p -> p.fileName().equals(value)).findFirst().orElse(null);
	}
}
