package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Filling a prompt's placeholders: literal, in one pass, cut, and the plain fallback when there is nothing to quote.
 */
class PromptFillTests {

	private static final Prompt ROLFE = new PromptLibrary(Path.of("prompts")).find("weekly-rolfe").orElseThrow();

	@Test
	void thePlanIsQuotedInEveryLanguage() {
		Prompt filled = ROLFE.filled(Map.of(Placeholder.LAST_PLAN, "ask Anna about the test rig"));

		assertThat(filled.questions().get(0).text(Locale.ENGLISH))
			.isEqualTo("Last time you planned: ask Anna about the test rig. How did it go, and what else happened this week?");
		assertThat(filled.questions().get(0).text(Locale.forLanguageTag("sv")))
			.startsWith("Förra gången tänkte du: ask Anna about the test rig. Hur gick det");
		assertThat(filled.placeholders()).isEmpty();
		assertThat(filled.questions().subList(1, 3)).isEqualTo(ROLFE.questions().subList(1, 3));
	}

	@Test
	void quotedWordsStayLiteralAndAreNeverFilledAgain() {
		String plan = "try {goals} and {lastPlan}, *bold* <!channel> <b>x</b> $1 \\1";

		Prompt filled = ROLFE.filled(Map.of(Placeholder.LAST_PLAN, plan, Placeholder.GOALS, "SECRET GOAL"));

		assertThat(filled.questions().get(0).text(Locale.ENGLISH))
			.isEqualTo("Last time you planned: " + plan + ". How did it go, and what else happened this week?")
			.doesNotContain("SECRET GOAL");
	}

	@Test
	void aLongPlanIsCutAndLineBreaksBecomeSpaces() {
		String plan = "first line\n\nsecond line " + "x".repeat(400);

		String text = ROLFE.filled(Map.of(Placeholder.LAST_PLAN, plan)).questions().get(0).text(Locale.ENGLISH);

		String quoted = text.substring("Last time you planned: ".length(), text.indexOf(". How did it go"));
		assertThat(quoted).startsWith("first line second line xxx").endsWith("…").hasSize(Prompt.MAX_QUOTE);
	}

	@Test
	void withNothingToQuoteTheFallbackIsAsked() {
		for (Map<Placeholder, String> values : java.util.List.<Map<Placeholder, String>>of(Map.of(),
				Map.of(Placeholder.LAST_PLAN, "  \n "))) {
			Prompt filled = ROLFE.filled(values);

			assertThat(filled.questions().get(0).text(Locale.ENGLISH))
				.isEqualTo("What happened this week that you want to remember?");
			assertThat(filled.questions().get(0).text(Locale.forLanguageTag("sv")))
				.isEqualTo("Vad hände den här veckan som du vill komma ihåg?");
			assertThat(filled.questions().get(0).label()).isEqualTo(ROLFE.questions().get(0).label());
		}
	}

	@Test
	void aPromptWithoutPlaceholdersIsLeftAlone() {
		Prompt gibbs = new PromptLibrary(Path.of("prompts")).find("weekly-gibbs").orElseThrow();

		assertThat(gibbs.filled(Map.of(Placeholder.LAST_PLAN, "anything"))).isSameAs(gibbs);
	}
}
