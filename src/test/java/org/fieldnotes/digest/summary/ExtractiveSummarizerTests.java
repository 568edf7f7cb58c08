package org.fieldnotes.digest.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The local summary: deterministic, the most informative sentences, recurring themes, no stop words. */
class ExtractiveSummarizerTests {

	private static final Locale EN = Locale.ENGLISH;
	private static final Locale SV = Locale.forLanguageTag("sv");

	private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(SummaryMessages.bundle());

	private static final List<String> WEEK = List.of(
			"Planning the bench test with the supplier. Lunch was nice.",
			"I joined a design review. Learning how design reviews are run with the supplier.",
			"The bench test rig arrived late, so we waited for the supplier.");

	@Test
	void anEmptyWeekHasNoSummary() {
		assertThat(summarizer.summarize(List.of(), EN)).isEmpty();
		assertThat(summarizer.summarize(List.of("  ", "\n"), EN)).isEmpty();
	}

	@Test
	void theSameWeekAlwaysGivesTheSameSummary() {
		String first = summarizer.summarize(WEEK, EN).orElseThrow();
		for (int i = 0; i < 5; i++) {
			assertThat(new ExtractiveSummarizer(SummaryMessages.bundle()).summarize(List.copyOf(WEEK), EN))
				.hasValue(first);
		}
	}

	@Test
	void theMostInformativeSentencesAreQuotedAndRecurringTermsBecomeThemes() {
		String summary = summarizer.summarize(WEEK, EN).orElseThrow();

		assertThat(summary).startsWith("Planning the bench test with the supplier.")
			.doesNotContain("Lunch was nice")
			.endsWith(" Themes: supplier, bench test.");
	}

	@Test
	void aTermInOnlyOneEntryIsNoTheme() {
		String summary = summarizer.summarize(List.of("Design review, design review, design review.",
				"Mapped the supplier chain."), EN).orElseThrow();

		assertThat(summary).doesNotContain("Themes");
	}

	@Test
	void stopWordsAreNeverThemes() {
		String summary = summarizer.summarize(List.of("This was the week of the audit and it was about the report.",
				"It was the audit that we were about to finish, and the report too."), EN).orElseThrow();

		String themes = summary.substring(summary.indexOf("Themes: ") + "Themes: ".length());
		assertThat(themes).isEqualTo("audit, report.");
	}

	@Test
	void sentencesStayWithin240CharactersCutAtAWordBoundary() {
		String longSentence = "The supplier " + "reviewed the long and winding specification together ".repeat(10)
				+ "until late.";
		String summary = summarizer.summarize(List.of(longSentence, "Another note about the supplier."), EN)
			.orElseThrow();

		String sentences = summary.substring(0, summary.indexOf(" Themes: "));
		assertThat(sentences).hasSizeLessThanOrEqualTo(ExtractiveSummarizer.MAX_SENTENCES_LENGTH).endsWith("…");
		String beforeEllipsis = sentences.substring(0, sentences.length() - 1);
		assertThat(longSentence).startsWith(beforeEllipsis);
		assertThat(longSentence.charAt(beforeEllipsis.length())).isEqualTo(' ');
	}

	@Test
	void twoSentencesOnlyWhenTheyFitTogether() {
		String summary = summarizer.summarize(List.of(
				"Planning the supplier audit for the gearbox line with the quality team and the purchasing lead.",
				"The supplier audit checklist for the gearbox line is now shared with quality and purchasing."), EN)
			.orElseThrow();

		String sentences = summary.substring(0, summary.indexOf(" Themes: "));
		assertThat(sentences).hasSizeLessThanOrEqualTo(240).contains("Planning the supplier audit").contains("checklist");
	}

	@Test
	void swedishStopWordsAreNeverThemesAndTheLabelIsSwedish() {
		String summary = summarizer.summarize(List.of(
				"Vi har planerat leverantörsmötet och det gick bra med kvalitetsgruppen.",
				"Jag pratade om leverantörsmötet med kvalitetsgruppen och min handledare."), SV).orElseThrow();

		assertThat(summary).endsWith(" Teman: leverantörsmötet, kvalitetsgruppen.").doesNotContain("Themes");
		assertThat(summary.substring(summary.indexOf("Teman: "))).doesNotContain(" och").doesNotContain(" med")
			.doesNotContain(" det").doesNotContain(" vi");
	}

	@Test
	void cutKeepsShortTextsAndEndsLongOnesWithAnEllipsis() {
		assertThat(ExtractiveSummarizer.cut("Short enough.", 20)).isEqualTo("Short enough.");
		assertThat(ExtractiveSummarizer.cut("one two three four five", 12)).isEqualTo("one two…");
		// a flag or a family at the cut is kept whole or left out, never halved
		assertThat(ExtractiveSummarizer.cut("Midsummer🇸🇪🇸🇪🇸🇪🇸🇪🇸🇪", 16)).isEqualTo("Midsummer🇸🇪…");
		String family = "👨\u200D👩\u200D👧\u200D👦";
		assertThat(ExtractiveSummarizer.cut("Family:" + family + family, 15)).isEqualTo("Family…");
		assertThat(ExtractiveSummarizer.cut("Family:" + family + family, 20)).isEqualTo("Family:" + family + "…");
	}
}
