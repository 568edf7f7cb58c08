package org.fieldnotes.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a submitted form comes to: it closes, stays open with a validation message on each named field (nothing was
 * stored), or turns into {@code next} (e.g. "Reply sent"). {@code then} is work to do once the platform has been
 * answered (a confirmation to send, a reply to store); {@code homeChanged} says the person's Home should be shown
 * afresh after it.
 */
public record FormOutcome(Map<String, String> errors, Form next, Runnable then, boolean homeChanged) {

	private static final Runnable NOTHING = () -> {
	};

	public FormOutcome {
		errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		then = then == null ? NOTHING : then;
	}

	/** The form closes. */
	public static FormOutcome done() {
		return done(NOTHING);
	}

	/** The form closes, and {@code then} runs after the platform was answered. */
	public static FormOutcome done(Runnable then) {
		return new FormOutcome(Map.of(), null, then, false);
	}

	/** The form stays open, showing a message on each named field. */
	public static FormOutcome invalid(Map<String, String> errors) {
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("an invalid form names at least one field");
		}
		return new FormOutcome(errors, null, NOTHING, false);
	}

	/** The form stays open, showing {@code message} on one field. */
	public static FormOutcome invalid(String fieldId, String message) {
		return invalid(Map.of(fieldId, message));
	}

	/** The form turns into {@code next}; {@code then} runs after the platform was answered. */
	public static FormOutcome replacedBy(Form next, Runnable then) {
		return new FormOutcome(Map.of(), next, then, false);
	}

	/** The same outcome, and the person's Home is shown afresh after {@link #then()}. */
	public FormOutcome refreshingHome() {
		return new FormOutcome(errors, next, then, true);
	}

	public boolean valid() {
		return errors.isEmpty();
	}
}
