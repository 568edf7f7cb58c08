package org.fieldnotes.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted {@link Form}, as the platform hands it back: which form ({@code formId}), what it was about
 * ({@code metadata}), what makes this submission unique ({@code key}, e.g. {@code slack-view:<view id>}, so that a form
 * submitted twice is stored once), and the value of each field by its id. Values are what the person typed or picked,
 * untouched; a field left empty has no value.
 */
public record FormSubmission(String formId, String metadata, String key, Map<String, List<String>> values) {

	public FormSubmission {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		values.forEach((field, given) -> copy.put(field, given == null ? List.of()
				: given.stream().filter(v -> v != null).toList()));
		values = java.util.Collections.unmodifiableMap(copy);
	}

	/** The field's value (the one picked, for a choice), or {@literal null} when it has none. */
	public String value(String fieldId) {
		List<String> given = values.get(fieldId);
		return given == null || given.isEmpty() ? null : given.get(0);
	}

	/** Every value of a field (the options checked, for checkboxes); empty when it has none. */
	public List<String> valuesOf(String fieldId) {
		return values.getOrDefault(fieldId, List.of());
	}

	/** Whether the form had the field at all (even left empty). */
	public boolean has(String fieldId) {
		return values.containsKey(fieldId);
	}
}
