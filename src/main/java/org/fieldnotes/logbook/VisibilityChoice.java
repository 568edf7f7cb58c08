package org.fieldnotes.logbook;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.placement.Visibility;

/**
 * "Make this entry (or status update) readable by …", as a button or menu option carries it: the action id says
 * which visibility ({@code visibility_private}, …), the value says what and which one
 * ({@code entry:<id>:private}, {@code update:<id>:coaches}). Neither is shown to people.
 */
public record VisibilityChoice(Kind kind, String id, Visibility visibility) {

	/** Every action id of a visibility button starts with this. */
	public static final String ACTION_PREFIX = "visibility_";

	/** What a choice is about. */
	public enum Kind {
		ENTRY("entry"), STATUS_UPDATE("update");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		static Optional<Kind> of(String code) {
			for (Kind kind : values()) {
				if (kind.code.equals(code)) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}
	}

	public String actionId() {
		return ACTION_PREFIX + visibility.key();
	}

	public String value() {
		return kind.code + ":" + id + ":" + visibility.key();
	}

	/** Reads a {@link #value()} back; empty when it is not one. */
	public static Optional<VisibilityChoice> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String[] parts = value.split(":", -1);
		if (parts.length != 3 || parts[1].isBlank()) {
			return Optional.empty();
		}
		Optional<Kind> kind = Kind.of(parts[0].toLowerCase(Locale.ROOT));
		Optional<Visibility> visibility = Visibility.parse(parts[2]);
		if (kind.isEmpty() || visibility.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new VisibilityChoice(kind.get(), parts[1], visibility.get()));
	}
}
