package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;

/**
 * Block Kit rendering and mrkdwn escaping: nothing in a message can act as markup, and nothing exceeds Slack's
 * limits.
 */
class BlockKitRendererTests {

	private static final String MARKER = " … (continued in the portal/API)";
	/** An escape sequence that is cut short, or an {@code &} that is not one. */
	private static final Pattern BROKEN_ENTITY = Pattern.compile("&(?!amp;|lt;|gt;)");
	private static final List<String> SPECIALS = List.of("<!channel>", "<!here>", "<!everyone>", "<@U123>",
			"<@U123|ada>", "<!subteam^S1>", "<!subteam^S1|@team>", "<#C123>", "<https://x|label>",
			"<https://evil.example>", "<mailto:a@b.c|mail>", "<!date^1392734382^{date}|x>");

	private final BlockKitRenderer renderer = new BlockKitRenderer();

	private static MarkdownTextObject sectionText(LayoutBlock block) {
		assertThat(block).isInstanceOf(SectionBlock.class);
		return (MarkdownTextObject) ((SectionBlock) block).getText();
	}

	/** Every text of the rendered blocks. */
	private List<String> texts(ChatMessage message) {
		List<String> texts = new ArrayList<>();
		for (LayoutBlock block : renderer.render(message)) {
			if (block instanceof SectionBlock section) {
				texts.add(((MarkdownTextObject) section.getText()).getText());
			}
			else if (block instanceof ContextBlock context) {
				context.getElements().forEach(e -> texts.add(((MarkdownTextObject) e).getText()));
			}
			else if (block instanceof HeaderBlock header) {
				texts.add(header.getText().getText());
			}
		}
		return texts;
	}

	@Test
	void escapesTheThreeControlCharacters() {
		assertThat(Mrkdwn.escape("R&D <team> said: a > b")).isEqualTo("R&amp;D &lt;team&gt; said: a &gt; b");
		assertThat(Mrkdwn.escape("&amp;")).isEqualTo("&amp;amp;");
		assertThat(Mrkdwn.escape("plain *bold* _it_ ~s~ `c`")).isEqualTo("plain *bold* _it_ ~s~ `c`");
		assertThat(Mrkdwn.escape(null)).isEmpty();
	}

	@Test
	void unescapeUndoesSlacksEscapingOnly() {
		assertThat(Mrkdwn.unescape("R&amp;D &lt;3 -&gt; &amp;lt;")).isEqualTo("R&D <3 -> &lt;");
		assertThat(Mrkdwn.unescape("<@U123> <!channel> <https://x|label>")).isEqualTo("<@U123> <!channel> <https://x|label>");
		assertThat(Mrkdwn.unescape("&quot; &#39; &nbsp;")).isEqualTo("&quot; &#39; &nbsp;");
		assertThat(Mrkdwn.unescape(null)).isEmpty();
		for (String typed : List.of("a & b", "&amp;", "&lt;&gt;", "<&>", "&&lt;;", "plain")) {
			assertThat(Mrkdwn.unescape(Mrkdwn.escape(typed))).as(typed).isEqualTo(typed);
		}
	}

	@Test
	void mentionsAndLinksComeOutInert() {
		for (String special : SPECIALS) {
			String escaped = Mrkdwn.escape(special);
			assertThat(escaped).as(special).doesNotContain("<").doesNotContain(">").startsWith("&lt;").endsWith("&gt;");

			ChatMessage message = ChatMessage.builder("Summary " + special)
				.heading("Heading " + special)
				.context("Context " + special)
				.paragraph(Span.plain("Plain " + special), Span.bold("Bold " + special))
				.items(List.of(new Item("Label " + special, "Text " + special)))
				.quote("Said by " + special, special + "\n" + special)
				.build();
			for (String text : texts(message)) {
				if (text.startsWith("Heading")) {
					// a header is plain_text: Slack shows it literally and never parses it
					assertThat(text).isEqualTo("Heading " + special);
					continue;
				}
				assertThat(text).as("rendered %s", special).doesNotContain("<").contains(escaped);
				assertThat(text.replaceAll("(?m)^>", "")).as("only our quote marks use >").doesNotContain(">");
			}
			assertThat(renderer.fallback(message)).isEqualTo("Summary " + escaped);
		}
	}

	@Test
	void headersArePlainTextWithoutEmojiParsing() {
		HeaderBlock header = (HeaderBlock) renderer.render(ChatMessage.builder("s").heading(":bomb: <!here>").build()).get(0);
		assertThat(header.getText().getType()).isEqualTo("plain_text");
		assertThat(header.getText().getEmoji()).isFalse();
	}

	@Test
	void mrkdwnTextIsVerbatim() {
		// verbatim: Slack does not auto-link #channel names, @names or URLs in our text
		ChatMessage message = ChatMessage.builder("s").paragraph("see #general and @here").context("c").build();
		for (LayoutBlock block : renderer.render(message)) {
			MarkdownTextObject text = block instanceof ContextBlock context
					? (MarkdownTextObject) context.getElements().get(0) : sectionText(block);
			assertThat(text.getVerbatim()).isTrue();
		}
	}

	@Test
	void boldCannotBeBrokenOpen() {
		assertThat(Mrkdwn.bold("Ada* <!here> *Lindqvist")).isEqualTo("*Ada∗ &lt;!here&gt; ∗Lindqvist*");
		assertThat(Mrkdwn.bold("two\nlines\n")).isEqualTo("*two lines*");
		assertThat(Mrkdwn.bold(" * ")).isEqualTo("*∗*");
		assertThat(Mrkdwn.bold("   ")).isEmpty();

		String items = sectionText(renderer.render(ChatMessage.builder("s")
			.items(List.of(new Item("Pro*gress\nand *more*", "moved *forward*")))
			.build()).get(0)).getText();
		assertThat(items).startsWith("• *Pro∗gress and ∗more∗*  moved *forward*");
		assertThat(items).doesNotContain("\n");

		String paragraph = sectionText(renderer
			.render(ChatMessage.builder("s").paragraph(Span.bold("a*\n*b"), Span.plain(" rest")).build())
			.get(0)).getText();
		assertThat(paragraph).isEqualTo("*a∗ ∗b* rest");
	}

	@Test
	void aVeryLongQuoteIsCutWithinTheLimitWithoutBreakingAnEscape() {
		// shifting the text by 0..4 characters puts the cut at every position inside "&amp;"
		for (int shift = 0; shift < 5; shift++) {
			String words = "x".repeat(shift) + "&".repeat(10_000 - shift);
			String text = sectionText(renderer.render(ChatMessage.builder("s").quote("Ada", words).build()).get(0))
				.getText();

			assertThat(text.length()).as("shift %d", shift).isLessThanOrEqualTo(3000);
			assertThat(text).startsWith("_Ada_\n>" + "x".repeat(shift) + "&amp;").endsWith(MARKER);
			String kept = text.substring(0, text.length() - MARKER.length());
			assertThat(BROKEN_ENTITY.matcher(kept).find()).as("broken escape at shift %d: …%s", shift,
					kept.substring(kept.length() - 8)).isFalse();
		}
	}

	@Test
	void aLongQuoteOfMixedTextIsCutAtEveryAlignment() {
		for (int shift = 0; shift < 8; shift++) {
			String words = "y".repeat(shift) + "a<b>&c ".repeat(1500);
			assertThat(words.length()).isGreaterThanOrEqualTo(10_000);
			String text = sectionText(renderer.render(ChatMessage.builder("s").quote("Ada", words).build()).get(0))
				.getText();

			assertThat(text.length()).isLessThan(3001).isGreaterThan(2900);
			assertThat(text).endsWith(MARKER);
			String kept = text.substring(0, text.length() - MARKER.length());
			assertThat(BROKEN_ENTITY.matcher(kept).find()).as("shift %d", shift).isFalse();
			assertThat(kept).doesNotContain("<");
		}
	}

	@Test
	void aLongQuoteOfEmojiIsNotCutInsideASurrogatePair() {
		for (int shift = 0; shift < 2; shift++) {
			String words = "z".repeat(shift) + "🌱".repeat(5_000);
			String text = sectionText(renderer.render(ChatMessage.builder("s").quote("Ada", words).build()).get(0))
				.getText();

			assertThat(text.length()).isLessThanOrEqualTo(3000);
			String kept = text.substring(0, text.length() - MARKER.length());
			assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).as("shift %d", shift).isFalse();
		}
	}

	@Test
	void everyLineOfAQuoteIsQuotedAndTheirOwnQuoteMarksAreNot() {
		String text = sectionText(renderer
			.render(ChatMessage.builder("s").quote("Ada_Lindqvist · 2 Dec", "> not mine\nsecond line\n\nfourth").build())
			.get(0)).getText();

		assertThat(text).isEqualTo("_Ada Lindqvist · 2 Dec_\n>&gt; not mine\n>second line\n>\n>fourth");
	}

	@Test
	void everyTextObjectStaysWithinTheLimit() {
		String huge = "<!channel> & ".repeat(2000);
		ChatMessage message = ChatMessage.builder(huge)
			.paragraph(huge)
			.context(huge)
			.items(List.of(new Item(huge, huge)))
			.quote(huge, huge)
			.build();

		for (String text : texts(message)) {
			assertThat(text.length()).isLessThanOrEqualTo(3000);
			assertThat(text).endsWith(MARKER).doesNotContain("<");
		}
		assertThat(renderer.fallback(message).length()).isLessThanOrEqualTo(3000);
		assertThat(renderer.fallback(message)).endsWith(MARKER).doesNotContain("<");
	}

	@Test
	void aLongHeaderIsCut() {
		String header = "A very long placement title ".repeat(10);
		assertThat(header.length()).isGreaterThan(150);

		String text = ((HeaderBlock) renderer.render(ChatMessage.builder("s").heading(header).build()).get(0)).getText()
			.getText();

		assertThat(text).hasSize(150).endsWith("…").startsWith("A very long placement title");
		String exact = "h".repeat(150);
		assertThat(((HeaderBlock) renderer.render(ChatMessage.builder("s").heading(exact).build()).get(0)).getText()
			.getText()).isEqualTo(exact);
	}

	@Test
	void aLongHeaderIsNotCutInsideASurrogatePair() {
		String header = "h".repeat(148) + "🌱🌱🌱";

		String text = ((HeaderBlock) renderer.render(ChatMessage.builder("s").heading(header).build()).get(0)).getText()
			.getText();

		assertThat(text.length()).isLessThanOrEqualTo(150);
		assertThat(text).endsWith("…");
		String kept = text.substring(0, text.length() - 1);
		assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
	}

	@Test
	void blankTextIsASpaceAndADividerIsADivider() {
		List<LayoutBlock> blocks = renderer.render(ChatMessage.builder("s").paragraph("").divider().build());

		assertThat(sectionText(blocks.get(0)).getText()).isEqualTo(" ");
		assertThat(blocks.get(1)).isInstanceOf(DividerBlock.class);
	}

	@Test
	void aMessageOfManyBlocksIsSplitIntoPartsOfAtMostFifty() {
		var builder = ChatMessage.builder("s");
		IntStream.range(0, 120).forEach(i -> builder.paragraph("Paragraph " + i));
		List<LayoutBlock> blocks = renderer.render(builder.build());

		List<List<LayoutBlock>> parts = BlockKitRenderer.parts(blocks);

		assertThat(parts).extracting(List::size).containsExactly(50, 50, 20);
		assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(blocks);
		assertThat(sectionText(parts.get(1).get(0)).getText()).isEqualTo("Paragraph 50");
		assertThat(sectionText(parts.get(2).get(19)).getText()).isEqualTo("Paragraph 119");
	}

	@Test
	void partsAtTheEdges() {
		LayoutBlock divider = DividerBlock.builder().build();
		assertThat(BlockKitRenderer.parts(List.of())).containsExactly(List.of());
		assertThat(BlockKitRenderer.parts(java.util.Collections.nCopies(50, divider))).extracting(List::size)
			.containsExactly(50);
		assertThat(BlockKitRenderer.parts(java.util.Collections.nCopies(51, divider))).extracting(List::size)
			.containsExactly(50, 1);
	}

	@Test
	void theFallbackTextIsEscaped() {
		assertThat(renderer.fallback(ChatMessage.text("Hi <!channel> & <@U123>, see <https://x|label>")))
			.isEqualTo("Hi &lt;!channel&gt; &amp; &lt;@U123&gt;, see &lt;https://x|label&gt;");
	}

	@Test
	void truncateKeepsShortTextAndCutsLongTextToTheMaximum() {
		assertThat(Mrkdwn.truncate("short", 3000)).isEqualTo("short");
		assertThat(Mrkdwn.truncate("a".repeat(3000), 3000)).hasSize(3000).doesNotContain("…");
		assertThat(Mrkdwn.truncate("a".repeat(3001), 3000)).hasSize(3000).endsWith(MARKER);
	}
}
