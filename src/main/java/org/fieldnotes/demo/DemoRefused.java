package org.fieldnotes.demo;

/**
 * A demo placement was not started: the demo is off, or as many demo placements are live as allowed
 * ({@code FIELDNOTES_DEMO_MAX}). {@link #messageKey()} names the words to show a visitor (in {@code i18n/demo}).
 */
public class DemoRefused extends IllegalStateException {

	public enum Reason {
		/** The demo is not offered here. */
		DISABLED,
		/** Too many demo placements are live; one expires within the TTL. */
		FULL
	}

	private final Reason reason;

	DemoRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** {@code demo.refused.disabled} or {@code demo.refused.full}. */
	public String messageKey() {
		return "demo.refused." + reason.name().toLowerCase(java.util.Locale.ROOT);
	}
}
