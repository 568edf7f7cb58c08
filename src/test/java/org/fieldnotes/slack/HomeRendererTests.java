package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Option;
import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.OverflowMenuElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;

/**
 * A neutral Home as the App Home tab: people's words escaped everywhere (lines, quotes, menus), Block Kit's limits
 * held (at most 100 blocks, the last one saying where the rest is in the reader's language; option labels 75
 * characters; headers 150).
 */
class HomeRendererTests {

	private static final String SWEDISH = "… (resten finns i portalen/API:et)";

	private final HomeRenderer renderer = new HomeRenderer(new BlockKitRenderer(() -> SWEDISH));

	@Test
	void sectionsLinesMenusAndASelectInOrderWithPeoplesWordsEscaped() {
		HomeScreen home = HomeScreen.builder()
			.section("Heading")
			.line(Span.plain("<!channel> & "), Span.bold("*bold*"))
			.small("small <@U1>")
			.buttons(Button.primary("write", "Write", "p1"))
			.item(new HomeScreen.Line(List.of(Span.plain("choose")), false,
					new HomeScreen.Select("pick", List.of(new Option("a", "A"), new Option("b", "B".repeat(100))), "b")))
			.separatedSection("Recent")
			.line(new HomeScreen.Menu("menu", List.of(new Option("edit:1", "Edit"))), Span.plain("an entry <b>"))
			.quote("Coach <x>", "Well done <!here>")
			.build();

		List<LayoutBlock> blocks = renderer.render(home).getBlocks();

		assertThat(blocks).extracting(b -> b.getClass().getSimpleName()).containsExactly("HeaderBlock",
				"SectionBlock", "ContextBlock", "ActionsBlock", "SectionBlock", "DividerBlock", "HeaderBlock",
				"SectionBlock", "SectionBlock");
		assertThat(((HeaderBlock) blocks.get(0)).getText().getEmoji()).isTrue();
		assertThat(text(blocks.get(1))).isEqualTo("&lt;!channel&gt; &amp; *∗bold∗*");
		assertThat(((MarkdownTextObject) ((ContextBlock) blocks.get(2)).getElements().get(0)).getText())
			.isEqualTo("small &lt;@U1&gt;");
		StaticSelectElement select = (StaticSelectElement) ((SectionBlock) blocks.get(4)).getAccessory();
		assertThat(select.getActionId()).isEqualTo("pick");
		assertThat(select.getInitialOption().getValue()).isEqualTo("b");
		assertThat(select.getOptions().get(1).getText().getText()).hasSize(75).endsWith("…");
		assertThat(blocks.get(5)).isInstanceOf(DividerBlock.class);
		SectionBlock entry = (SectionBlock) blocks.get(7);
		assertThat(text(entry)).isEqualTo("an entry &lt;b&gt;");
		assertThat(((OverflowMenuElement) entry.getAccessory()).getOptions()).extracting(o -> o.getValue())
			.containsExactly("edit:1");
		assertThat(text(blocks.get(8))).isEqualTo("_Coach &lt;x&gt;_\n>Well done &lt;!here&gt;");
	}

	@Test
	void aHomeOfMoreThanAHundredBlocksEndsSayingWhereTheRestIsInTheReadersLanguage() {
		HomeScreen.Builder builder = HomeScreen.builder().section("Many");
		IntStream.range(0, 150).forEach(i -> builder.line("Line " + i));

		View view = renderer.render(builder.build());

		assertThat(view.getType()).isEqualTo("home");
		assertThat(view.getBlocks()).hasSize(100);
		assertThat(text(view.getBlocks().get(98))).isEqualTo("Line 97");
		assertThat(((MarkdownTextObject) ((ContextBlock) view.getBlocks().get(99)).getElements().get(0)).getText())
			.isEqualTo(SWEDISH);
	}

	@Test
	void aLongLineIsCutInTheReadersLanguageAndALongHeadingTo150() {
		View view = renderer.render(HomeScreen.builder().section("H".repeat(200)).line("& ".repeat(2000)).build());

		assertThat(((HeaderBlock) view.getBlocks().get(0)).getText().getText()).hasSize(150);
		assertThat(text(view.getBlocks().get(1))).hasSizeLessThanOrEqualTo(3000).endsWith(" " + SWEDISH)
			.doesNotContain("&amp ");
	}

	private static String text(LayoutBlock block) {
		return ((MarkdownTextObject) ((SectionBlock) block).getText()).getText();
	}
}
