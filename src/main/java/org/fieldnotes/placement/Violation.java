package org.fieldnotes.placement;

import java.util.List;

/**
 * One thing wrong with a draft, naming the field as the caller spelled it (e.g. {@code participant.timezone}).
 *
 * @param message in English, for the admin API
 * @param code what kind of problem it is ({@code required}, {@code endBeforeStart}, …), so that a chat answer can
 * say it in the person's own language; {@code invalid} when nothing more specific applies
 * @param args the values the message mentions (the value given, dates), in the code's order
 */
public record Violation(String field, String message, String code, List<Object> args) {

	public Violation {
		code = code == null ? "invalid" : code;
		args = args == null ? List.of() : List.copyOf(args);
	}

	public Violation(String field, String message) {
		this(field, message, "invalid", List.of());
	}
}
