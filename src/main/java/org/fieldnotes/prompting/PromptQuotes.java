package org.fieldnotes.prompting;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.fieldnotes.placement.Placement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Fills a prompt's placeholders for the one participant it is sent to, from their own placement and their own
 * entries only (a prompt goes to its participant alone, so it quotes nobody else's words). What it quotes is fixed
 * by when the prompt first went out, so the message, its reminder, its answered form and its answer form all ask
 * the same question.
 */
@Component
class PromptQuotes {

	private final ObjectProvider<PreviousPlans> plans;

	PromptQuotes(ObjectProvider<PreviousPlans> plans) {
		this.plans = plans;
	}

	/**
	 * The prompt as the placement's participant sees it.
	 * @param sent when the prompt (first) went out: its last plan is the latest one written before
	 */
	Prompt fill(Prompt prompt, Placement placement, Instant sent) {
		if (prompt.placeholders().isEmpty()) {
			return prompt;
		}
		Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
		for (Placeholder placeholder : prompt.placeholders()) {
			String value = switch (placeholder) {
				case LAST_PLAN -> {
					PreviousPlans source = plans.getIfAvailable();
					yield source == null ? null : source.latestBefore(placement, sent).orElse(null);
				}
				case GOALS -> String.join("; ", placement.getLearningGoals());
				case ADDED_VALUE -> placement.getAddedValue();
			};
			if (value != null && !value.isBlank()) {
				values.put(placeholder, value);
			}
		}
		return prompt.filled(values);
	}
}
