package org.fieldnotes.demo;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled {@code FIELDNOTES_DEMO}: {@code true} offers the demo even with a chat platform configured,
 * {@code false} never offers it; blank (the default) offers it only when no chat platform is configured
 * @param max {@code FIELDNOTES_DEMO_MAX}: how many demo placements may be live at once (the page is public)
 * @param ttl {@code FIELDNOTES_DEMO_TTL}: how long a demo placement and its people live before they are removed
 */
@ConfigurationProperties("fieldnotes.demo")
record DemoSettings(String enabled, @DefaultValue("200") int max, @DefaultValue("PT24H") Duration ttl) {

	DemoSettings {
		if (enabled != null && !enabled.isBlank() && !enabled.strip().equalsIgnoreCase("true")
				&& !enabled.strip().equalsIgnoreCase("false")) {
			throw new IllegalArgumentException(
					"FIELDNOTES_DEMO must be true, false or empty (empty: on when no chat platform is configured), not '"
							+ enabled + "'");
		}
		if (max < 0) {
			throw new IllegalArgumentException("FIELDNOTES_DEMO_MAX must not be negative, not " + max);
		}
		if (ttl == null || ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("FIELDNOTES_DEMO_TTL must be a positive duration such as PT24H");
		}
	}

	/** {@literal true} or {@literal false} when the operator said so; {@literal null} when they left it to us. */
	Boolean forced() {
		return enabled == null || enabled.isBlank() ? null : Boolean.valueOf(enabled.strip().toLowerCase(Locale.ROOT));
	}
}
