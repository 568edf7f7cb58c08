package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * What each placeholder quotes for a placement: its goals joined by ";", its added value, and the last plan asked of
 * {@link PreviousPlans} with the placement and the time the prompt went out; the fallback when there is nothing.
 */
class PromptQuotesTests {

	private static final Instant SENT = Instant.parse("2026-12-04T13:00:00Z");

	private final List<Object[]> asked = new ArrayList<>();

	private PromptQuotes quotes(Optional<String> plan) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("plans", (PreviousPlans) (placement, before) -> {
			asked.add(new Object[] { placement.getId(), before });
			return plan;
		});
		return new PromptQuotes(beans.getBeanProvider(PreviousPlans.class));
	}

	private static Prompt quoting(String text) {
		Map<String, String> texts = Map.of("en", text, "sv", text);
		Prompt.Question question = new Prompt.Question(Map.of("en", "Q", "sv", "F"), texts,
				Map.of("en", "Plain question", "sv", "Enkel fråga"));
		return new Prompt("test", "reflection", PromptPhase.WEEKLY, 1, Map.of("en", "T", "sv", "T"),
				Map.of("en", "I", "sv", "I"), List.of(question), Set.of(),
				Set.of(Placeholder.LAST_PLAN, Placeholder.GOALS, Placeholder.ADDED_VALUE));
	}

	@Test
	void eachPlaceholderQuotesItsOwnValue() {
		Placement placement = PlacementFixtures.withGoalsAndAddedValue(List.of("Run a review", "Present"), "A test rig");

		Prompt filled = quotes(Optional.of("Ask Anna")).fill(quoting("{lastPlan} | {goals} | {addedValue}"), placement,
				SENT);

		assertThat(filled.questions().get(0).text(Locale.ENGLISH)).isEqualTo("Ask Anna | Run a review; Present | A test rig");
		assertThat(asked).singleElement().satisfies(call -> assertThat(call).containsExactly(placement.getId(), SENT));
	}

	@Test
	void withoutGoalsOrAddedValueTheQuestionFallsBack() {
		Placement placement = PlacementFixtures.withGoalsAndAddedValue(List.of(), null);

		assertThat(quotes(Optional.of("Ask Anna")).fill(quoting("{goals}"), placement, SENT).questions().get(0)
			.text(Locale.ENGLISH)).isEqualTo("Plain question");
		assertThat(quotes(Optional.of("Ask Anna")).fill(quoting("{addedValue}"), placement, SENT).questions().get(0)
			.text(Locale.ENGLISH)).isEqualTo("Plain question");
		assertThat(quotes(Optional.empty()).fill(quoting("{lastPlan}"), placement, SENT).questions().get(0)
			.text(Locale.ENGLISH)).isEqualTo("Plain question");
	}
}
