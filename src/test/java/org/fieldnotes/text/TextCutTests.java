package org.fieldnotes.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one text cutter: at every possible cut point of text made of emoji sequences (a ZWJ family, a flag, a skin
 * tone, a keycap, a letter with a combining accent), the head it keeps ends exactly at the last whole character as
 * a reader sees it, never longer than asked. The expected cut points come from how the text was built, not from
 * ICU.
 */
class TextCutTests {

	/** A family of four joined by zero-width joiners: 11 UTF-16 units, one character on screen. */
	private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
	/** The Swedish flag: two regional indicators; cut between them it would read as the letters S and E. */
	private static final String FLAG = "\uD83C\uDDF8\uD83C\uDDEA";
	/** Thumbs up with a medium skin tone: the modifier belongs to the thumb. */
	private static final String THUMB = "\uD83D\uDC4D\uD83C\uDFFD";
	/** A scientist with a skin tone, joined to a microscope: 7 units. */
	private static final String SCIENTIST = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDD2C";
	/** Keycap one: digit, variation selector, combining enclosing keycap. */
	private static final String KEYCAP = "1\uFE0F\u20E3";
	/** e with a combining acute accent. */
	private static final String ACCENT = "e\u0301";

	@ParameterizedTest
	@ValueSource(strings = { FAMILY, FLAG, THUMB, SCIENTIST, KEYCAP, ACCENT })
	void noCutPointFallsInsideACharacter(String character) {
		List<String> characters = List.of("a", character, "b", character, character, " ", "c");
		String text = String.join("", characters);
		List<Integer> boundaries = boundaries(characters);

		for (int max = 0; max <= text.length() + 1; max++) {
			int expected = lastAtOrBefore(boundaries, max);
			assertThat(TextCut.head(text, max)).as("head at %d", max).isEqualTo(text.substring(0, expected));
			assertThat(TextCut.boundaryAtOrBefore(text, max)).as("boundary at %d", max).isEqualTo(expected);
		}
	}

	@Test
	void aMixOfEveryKindIsCutOnlyBetweenThem() {
		List<String> characters = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			characters.addAll(List.of(FAMILY, "x", FLAG, THUMB, ACCENT, SCIENTIST, KEYCAP, FLAG, FLAG, " "));
		}
		String text = String.join("", characters);
		List<Integer> boundaries = boundaries(characters);

		for (int max = 1; max < text.length(); max++) {
			String cut = TextCut.cut(text, max);
			assertThat(cut.length()).as("cut to %d", max).isLessThanOrEqualTo(max);
			assertThat(cut).endsWith(TextCut.ELLIPSIS);
			String kept = cut.substring(0, cut.length() - TextCut.ELLIPSIS.length());
			assertThat(boundaries).as("kept %d of %d", kept.length(), max).contains(kept.length());
			assertThat(text).startsWith(kept);
			assertThat(lastAtOrBefore(boundaries, max - 1)).as("as much as fits").isEqualTo(kept.length());
		}
	}

	@Test
	void textThatFitsIsLeftAloneAndTheMarkerCountsTowardsTheLimit() {
		assertThat(TextCut.cut("Short", 5)).isEqualTo("Short");
		assertThat(TextCut.cut("Shorter", 5)).isEqualTo("Shor…");
		assertThat(TextCut.cut("a" + FAMILY, 11)).isEqualTo("a…");
		assertThat(TextCut.cut("a" + FAMILY, 12)).isEqualTo("a" + FAMILY);
		assertThat(TextCut.cut("abcdefghij", 8, " (more)")).isEqualTo("a (more)");
		// a marker longer than the room is itself cut, never past the limit
		assertThat(TextCut.cut("abcdefghij", 3, " (more)")).isEqualTo(" (m");
		assertThat(TextCut.cut("abc", 0)).isEmpty();
		assertThat(TextCut.head(FLAG, 3)).isEmpty();
	}

	private static List<Integer> boundaries(List<String> characters) {
		List<Integer> boundaries = new ArrayList<>(List.of(0));
		int at = 0;
		for (String character : characters) {
			at += character.length();
			boundaries.add(at);
		}
		return boundaries;
	}

	private static int lastAtOrBefore(List<Integer> boundaries, int max) {
		return boundaries.stream().filter(b -> b <= max).reduce((a, b) -> b).orElse(0);
	}
}
