package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;

/**
 * Block Kit's limits with people's text at the edge: a text over 3,000 characters is cut at a safe place (never
 * inside {@code &amp;}, never between the halves of an emoji) and says where the rest is, in the reader's language;
 * a long list is split between its items instead of being cut; non-Latin text survives the cut intact.
 */
class BlockKitLimitsTests {

	private static final String SWEDISH = "… (resten finns i portalen/API:et)";
	private static final Pattern BROKEN_ENTITY = Pattern.compile("&(?!amp;|lt;|gt;)");

	private static String text(LayoutBlock block) {
		if (block instanceof ContextBlock context) {
			return ((MarkdownTextObject) context.getElements().get(0)).getText();
		}
		return ((MarkdownTextObject) ((SectionBlock) block).getText()).getText();
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
				return true;
			}
			if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
				return true;
			}
		}
		return false;
	}

	@Test
	void anEntryOfMoreThan3000CharactersWithEscapesAndEmojiIsCutSafelyAtEveryAlignment() {
		BlockKitRenderer renderer = new BlockKitRenderer(() -> SWEDISH);
		// every alignment of "&", "<", ">" and a surrogate pair against the cut
		for (int shift = 0; shift < 12; shift++) {
			String words = "x".repeat(shift) + "R&D <3 🌱> ".repeat(400);
			assertThat(words.length()).isGreaterThan(3001);
			String full = "_Ada_\n>" + Mrkdwn.escape(words.strip());

			String text = text(renderer.render(ChatMessage.builder("s").quote("Ada", words).build()).get(0));

			assertThat(text.length()).as("shift %d", shift).isLessThanOrEqualTo(3000).isGreaterThan(2900);
			assertThat(text).endsWith(" " + SWEDISH);
			String kept = text.substring(0, text.length() - SWEDISH.length() - 1);
			assertThat(full).as("what is kept is the beginning, unchanged").startsWith(kept);
			assertThat(BROKEN_ENTITY.matcher(kept).find()).as("broken escape at shift %d", shift).isFalse();
			assertThat(hasLoneSurrogate(kept)).as("half an emoji at shift %d", shift).isFalse();
			assertThat(kept).doesNotContain("<").doesNotContain("> ");
		}
	}

	/**
	 * Emoji made of several code points (a family joined by zero-width joiners, a flag, a thumb with a skin tone)
	 * are kept whole or left out, at every alignment against the 3,000-character cut and the 150-character header.
	 */
	@Test
	void anEmojiSequenceAtTheCutIsKeptWholeOrLeftOut() {
		BlockKitRenderer renderer = new BlockKitRenderer(() -> SWEDISH);
		String family = "👨\u200D👩\u200D👧\u200D👦";
		List<String> characters = List.of(family, "🇸🇪", "👍🏽", "x");
		for (int shift = 0; shift < 20; shift++) {
			List<String> pieces = new ArrayList<>();
			pieces.addAll(java.util.Collections.nCopies(shift, "y"));
			while (pieces.stream().mapToInt(String::length).sum() < 3100) {
				pieces.addAll(characters);
			}
			String words = String.join("", pieces);
			List<Integer> boundaries = new ArrayList<>(List.of(0));
			pieces.forEach(piece -> boundaries.add(boundaries.get(boundaries.size() - 1) + piece.length()));

			String text = text(renderer.render(ChatMessage.builder("s").paragraph(words).build()).get(0));
			String header = ((com.slack.api.model.block.HeaderBlock) renderer
				.render(ChatMessage.builder("s").heading(words).build()).get(0)).getText().getText();

			assertThat(text.length()).as("shift %d", shift).isLessThanOrEqualTo(3000).isGreaterThan(2900);
			String kept = text.substring(0, text.length() - SWEDISH.length() - 1);
			assertThat(words).startsWith(kept);
			assertThat(boundaries).as("text cut at %d, shift %d", kept.length(), shift).contains(kept.length());
			assertThat(header.length()).isLessThanOrEqualTo(150);
			String keptHeader = header.substring(0, header.length() - 1);
			assertThat(words).startsWith(keptHeader);
			assertThat(boundaries).as("header cut at %d, shift %d", keptHeader.length(), shift)
				.contains(keptHeader.length());
		}
	}

	@Test
	void nonLatinTextIsCutWholeAndStaysReadable() {
		BlockKitRenderer renderer = new BlockKitRenderer(() -> SWEDISH);
		for (String script : List.of("日本語の実習日誌。", "Стажировка в Москве. ", "تدريب عملي في الشركة. ",
				"Åsa & Örjan på Luleå tekniska universitet. ", "𝒻𝒾𝑒𝓁𝒹 𝓃𝑜𝓉𝑒𝓈 ")) {
			String words = script.repeat(6000 / script.length() + 1);

			String text = text(renderer.render(ChatMessage.builder("s").paragraph(words).build()).get(0));

			assertThat(text.length()).as(script).isLessThanOrEqualTo(3000);
			assertThat(text).endsWith(SWEDISH);
			String kept = text.substring(0, text.length() - SWEDISH.length() - 1);
			assertThat(Mrkdwn.escape(words)).startsWith(kept);
			assertThat(hasLoneSurrogate(kept)).as(script).isFalse();
		}
	}

	@Test
	void contextTextAndTheNotificationTextAreCutTooInTheReadersLanguage() {
		BlockKitRenderer renderer = new BlockKitRenderer(() -> SWEDISH);
		String long_ = "<!channel> & 🌱 ".repeat(400);
		ChatMessage message = ChatMessage.builder(long_).context(long_).build();

		assertThat(text(renderer.render(message).get(0))).hasSizeLessThanOrEqualTo(3000).endsWith(SWEDISH);
		assertThat(renderer.fallback(message)).hasSizeLessThanOrEqualTo(3000).endsWith(SWEDISH).doesNotContain("<");
	}

	@Test
	void aLongListIsSplitBetweenItemsAndNothingIsCut() {
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			items.add(new Item("Participant " + i + " · Host & Co <AB>", "week 5 of 26 · answered 3/4 (75%), this week 1/1 · "
					+ "last entry 30 Nov · status 🟢 green"));
		}
		AtomicInteger asked = new AtomicInteger();
		BlockKitRenderer renderer = new BlockKitRenderer(() -> {
			asked.incrementAndGet();
			return SWEDISH;
		});

		List<LayoutBlock> blocks = renderer.render(ChatMessage.builder("s").items(items).build());

		assertThat(blocks).hasSizeGreaterThan(1).allMatch(b -> b instanceof SectionBlock);
		List<String> lines = new ArrayList<>();
		for (LayoutBlock block : blocks) {
			assertThat(text(block).length()).isLessThanOrEqualTo(3000);
			lines.addAll(text(block).lines().toList());
		}
		assertThat(lines).hasSize(120);
		IntStream.range(0, 120).forEach(i -> assertThat(lines.get(i))
			.isEqualTo("• *Participant " + i + " · Host &amp; Co &lt;AB&gt;*  week 5 of 26 · answered 3/4 (75%), "
					+ "this week 1/1 · last entry 30 Nov · status 🟢 green"));
		assertThat(asked).as("nothing was cut, so the reader's language was not even asked for").hasValue(0);
	}

	@Test
	void anItemLongerThanTheLimitOnItsOwnIsCutAndTheNextItemStillShows() {
		BlockKitRenderer renderer = new BlockKitRenderer(() -> SWEDISH);

		List<LayoutBlock> blocks = renderer.render(ChatMessage.builder("s")
			.items(List.of(new Item("first", "a&b ".repeat(1000)), new Item("second", "short")))
			.build());

		assertThat(blocks).hasSize(2);
		assertThat(text(blocks.get(0))).hasSizeLessThanOrEqualTo(3000).startsWith("• *first*  a&amp;b").endsWith(SWEDISH);
		assertThat(text(blocks.get(1))).isEqualTo("• *second*  short");
	}

	@Test
	void theReadersLanguageIsAskedOnceAndOnlyWhenSomethingIsCut() {
		AtomicInteger asked = new AtomicInteger();
		BlockKitRenderer renderer = new BlockKitRenderer(() -> {
			asked.incrementAndGet();
			return SWEDISH;
		});

		renderer.render(ChatMessage.builder("short").paragraph("short").quote("Ada", "short").build());
		assertThat(asked).hasValue(0);

		renderer.render(ChatMessage.builder("s").paragraph("a".repeat(4000)).quote("Ada", "b".repeat(4000)).build());
		assertThat(asked).hasValue(1);
	}

	@Test
	void whenTheLanguageCannotBeFoundTheMarkIsEnglish() {
		BlockKitRenderer renderer = new BlockKitRenderer(() -> {
			throw new IllegalStateException("directory down");
		});

		assertThat(text(renderer.render(ChatMessage.builder("s").paragraph("a".repeat(4000)).build()).get(0)))
			.endsWith(" … (continued in the portal/API)");
	}

	@Test
	void aMessageThatMustBeOneSaysWhereTheRestIsInTheReadersLanguage() {
		var builder = ChatMessage.builder("s");
		IntStream.range(0, 120).forEach(i -> builder.paragraph("Paragraph " + i));

		List<LayoutBlock> blocks = new BlockKitRenderer(() -> SWEDISH).renderOne(builder.build());

		assertThat(blocks).hasSize(50);
		assertThat(text(blocks.get(49))).isEqualTo(SWEDISH);
		assertThat(new BlockKitRenderer(() -> SWEDISH).renderOne(builder.build(), 100)).hasSize(100);
	}
}
