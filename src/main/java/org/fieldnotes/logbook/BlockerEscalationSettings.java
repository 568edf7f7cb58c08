package org.fieldnotes.logbook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param escalateAfter how long a blocker may stay unresolved before it is escalated to the business coach and the
 * manager, for programmes that set none of their own ({@code FIELDNOTES_BLOCKER_ESCALATE_AFTER}, ISO-8601)
 * @param every how often the escalation job looks ({@code FIELDNOTES_BLOCKER_ESCALATION_EVERY})
 */
@ConfigurationProperties("fieldnotes.blocker")
record BlockerEscalationSettings(@DefaultValue("P14D") Duration escalateAfter,
		@DefaultValue("PT15M") Duration escalationEvery) {

	BlockerEscalationSettings {
		if (escalateAfter == null || escalateAfter.isZero() || escalateAfter.isNegative()) {
			escalateAfter = Duration.ofDays(14);
		}
		if (escalationEvery == null || escalationEvery.compareTo(Duration.ofMinutes(1)) < 0) {
			escalationEvery = Duration.ofMinutes(15);
		}
	}
}
