package org.fieldnotes.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The matching rules, on texts alone: case and Unicode folding, all words, phrases, prefixes, and queries that
 * would be patterns or operators elsewhere taken as the words they contain.
 */
class MatchingTests {

	@Test
	void caseDoesNotMatter() {
		assertThat(finds("REVIEW", "Sat in on a design review")).isTrue();
		assertThat(finds("review", "DESIGN REVIEW TODAY")).isTrue();
		assertThat(finds("ReViEw", "design review")).isTrue();
	}

	@Test
	void aWordFindsTheWordsItStartsButNotTheMiddleOfOne() {
		assertThat(finds("review", "Two reviews this week")).isTrue();
		assertThat(finds("rev", "Two reviews this week")).isTrue();
		assertThat(finds("view", "Two reviews this week")).isFalse();
		assertThat(finds("reviewed", "Two reviews this week")).isFalse();
	}

	@Test
	void everyWordMustOccurInAnyOrder() {
		assertThat(finds("budget design", "The design review went over budget")).isTrue();
		assertThat(finds("budget design", "The design review went well")).isFalse();
		assertThat(finds("budget design", "Over budget again")).isFalse();
	}

	@Test
	void aWordMayOccurInAnyFieldOfTheItem() {
		Terms terms = Terms.parse("rig fatigue", false);
		assertThat(terms.allIn(List.of("met the rig team", "fatigue runs are late"))).isTrue();
		assertThat(terms.allIn(List.of("met the rig team", "nothing"))).isFalse();
		assertThat(terms.allIn(java.util.Arrays.asList(null, "rig fatigue"))).isTrue();
	}

	@Test
	void aQuotedPhraseMatchesOnlyAsAPhrase() {
		assertThat(finds("\"design review\"", "Sat in on my first design review")).isTrue();
		assertThat(finds("\"design review\"", "Design, review: the process")).isTrue();
		assertThat(finds("\"design review\"", "A review of the design")).isFalse();
		assertThat(finds("\"design review\"", "design the review")).isFalse();
		// the last word of a phrase is a prefix, the others whole words
		assertThat(finds("\"design rev\"", "two design reviews")).isTrue();
		assertThat(finds("\"des review\"", "design review")).isFalse();
		// typographic quotes, as Swedish and English keyboards type them, and an unclosed quote
		assertThat(finds("\u201Ddesign review\u201D", "A review of the design")).isFalse();
		assertThat(finds("\u201Cdesign review\u201D", "first design review")).isTrue();
		assertThat(finds("budget \"design review", "design review, budget")).isTrue();
		assertThat(finds("budget \"design review", "review design budget")).isFalse();
	}

	@Test
	void aPunctuatedTokenIsAPhraseOfItsWords() {
		assertThat(finds("e-mail", "Sent the e-mail")).isTrue();
		assertThat(finds("e-mail", "Sent the e mail")).isTrue();
		assertThat(finds("e-mail", "mail for everyone")).isFalse();
		assertThat(finds("don't", "I don't know yet")).isTrue();
	}

	@Test
	void swedishLettersFoldCaseButStayLettersOfTheirOwn() {
		assertThat(finds("ÅTERKOPPLING", "Fick återkoppling av handledaren")).isTrue();
		assertThat(finds("återkoppling", "FICK ÅTERKOPPLING")).isTrue();
		assertThat(finds("öppen", "Dörren är ÖPPEN")).isTrue();
		assertThat(finds("Ärlig", "ärligt talat")).isTrue();
		// ö is not o and å is not a to a Swede: "for" (for) does not find "för" (before), "ater" not "åter"
		assertThat(finds("for", "Mötet var för långt")).isFalse();
		assertThat(finds("aterkoppling", "återkoppling")).isFalse();
	}

	@Test
	void accentsAreIgnoredOnlyWhenAsked() {
		assertThat(finds("cafe", "Lunch at the café")).isFalse();
		assertThat(Terms.parse("cafe", true).allIn(List.of(FoldedText.fold("Lunch at the café", true)))).isTrue();
		assertThat(Terms.parse("CAFÉ", true).allIn(List.of(FoldedText.fold("lunch at the CAFE", true)))).isTrue();
		assertThat(Terms.parse("oppen", true).allIn(List.of(FoldedText.fold("Dörren är öppen", true)))).isTrue();
	}

	@Test
	void sharpSIsDoubleSInEitherCaseAndTheRangeIsTheOneLetter() {
		assertThat(finds("strasse", "Die Straße ist lang")).isTrue();
		assertThat(finds("STRASSE", "Die Straße ist lang")).isTrue();
		assertThat(finds("straße", "DIE STRASSE")).isTrue();
		assertThat(finds("STRAẞE", "die straße")).isTrue();
		// a prefix that ends inside the ß's "ss" marks the whole ß
		assertThat(marked("stras", "Die Straße ist lang")).containsExactly("Straß");
		assertThat(marked("strasse", "Die Straße ist lang")).containsExactly("Straße");
	}

	@Test
	void composedAndDecomposedLettersAreTheSame() {
		String decomposed = "Ka\u030Angest och o\u0308versikt";
		assertThat(finds("kångest", decomposed)).isTrue();
		assertThat(finds("ÖVERSIKT", decomposed)).isTrue();
		assertThat(marked("översikt", decomposed)).containsExactly("o\u0308versikt");
		assertThat(finds("ka\u030Angest", "KÅNGEST")).isTrue();
	}

	@Test
	void theRangesAreOffsetsIntoTheOriginalTextOfEveryOccurrence() {
		String text = "Review of the design: the Design rev 2 was reviewed 😀 by Åsa";
		assertThat(marked("design rev", text)).containsExactly("Rev", "design", "Design", "rev", "rev");
		assertThat(marked("åsa", text)).containsExactly("Åsa");
		// overlapping matches are merged into one range
		assertThat(marked("\"design rev\" design", text)).containsExactly("design", "Design rev");
	}

	@Test
	void queriesThatWouldBePatternsOrOperatorsAreTheirWordsOrNothing() {
		assertThat(Terms.parse(".*", false).isEmpty()).isTrue();
		assertThat(Terms.parse("  ", false).isEmpty()).isTrue();
		assertThat(finds(".*", "anything at all")).isFalse();
		assertThat(finds("$where", "Asked where the rig is")).isTrue();
		assertThat(finds("$where", "anything at all")).isFalse();
		assertThat(finds("{\"$gt\": \"\"}", "Wrote {\"$gt\": \"\"} in the notes")).isTrue();
		assertThat(finds("{\"$gt\": \"\"}", "Gave a talk")).isFalse();
		assertThat(marked("{\"$gt\": \"\"}", "Wrote {\"$gt\": \"\"} in the notes")).containsExactly("gt");
		assertThat(finds("\\d+", "12 runs")).isFalse();
		// the words "a" and "z" as a phrase, nothing more
		assertThat(finds("[a-z]", "the a-z of rigs")).isTrue();
		assertThat(finds("[a-z]", "a run")).isFalse();
	}

	@Test
	void aCatastrophicPatternIsJustTheWordAAndFinishesAtOnce() {
		String text = "a".repeat(50_000) + "!";
		long start = System.nanoTime();
		assertThat(finds("(a+)+$", text)).isTrue();
		assertThat(finds("(a+)+$ b", text)).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aShortTextIsWholeAndALongOneIsCutAtSpacesAroundItsFirstMatch() {
		Terms terms = Terms.parse("fatigue", false);
		Snippet whole = Search.snippet(Snippet.Field.TEXT, "Ran the fatigue rig", terms, SearchQuery.of("fatigue"))
			.orElseThrow();
		assertThat(whole.text()).isEqualTo("Ran the fatigue rig");
		assertThat(whole.cutBefore()).isFalse();
		assertThat(whole.cutAfter()).isFalse();

		String text = "word ".repeat(200) + "the fatigue runs " + "more ".repeat(200) + "fatigue";
		Snippet cut = Search.snippet(Snippet.Field.TEXT, text, terms, SearchQuery.of("fatigue")).orElseThrow();
		assertThat(cut.cutBefore()).isTrue();
		assertThat(cut.cutAfter()).isTrue();
		assertThat(cut.text().length()).isLessThanOrEqualTo(Search.SNIPPET + Search.SNIPPET / 4);
		assertThat(cut.text()).startsWith("word ").contains("the fatigue runs").doesNotStartWith(" ").doesNotEndWith(" ");
		assertThat(text).contains(cut.text());
		assertThat(cut.matches()).hasSize(1);
		assertThat(cut.text().substring(cut.matches().get(0).start(), cut.matches().get(0).end())).isEqualTo("fatigue");

		assertThat(Search.snippet(Snippet.Field.TEXT, "no match here", terms, SearchQuery.of("fatigue")))
			.isEqualTo(Optional.empty());
	}

	private static boolean finds(String query, String text) {
		return Terms.parse(query, false).allIn(List.of(FoldedText.fold(text, false)));
	}

	/** The parts of the text the query's ranges mark, in order. */
	private static List<String> marked(String query, String text) {
		return Terms.parse(query, false)
			.ranges(FoldedText.withOffsets(text, false))
			.stream()
			.map(r -> text.substring(r.start(), r.end()))
			.toList();
	}
}
