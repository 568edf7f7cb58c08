package org.fieldnotes.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.text.TextCut;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

/**
 * Renders a {@link ChatMessage} as Block Kit. Every string is escaped, so nothing in a message can act as
 * markup; text objects are kept within Slack's 3,000-character limit (headers 150): a longer list of items is
 * split into several sections between items, any other longer text is cut at a safe place and ends with "… (continued
 * in the portal/API)" in the reader's language.
 */
public class BlockKitRenderer {

	static final int MAX_TEXT = 3000;
	static final int MAX_HEADER = 150;
	/** Slack's limit on blocks per message; longer messages are sent in parts. */
	static final int MAX_BLOCKS = 50;

	private final Supplier<String> continued;
	private String continuedText;

	/** A renderer that marks cut text in English. */
	public BlockKitRenderer() {
		this(() -> Mrkdwn.CONTINUED);
	}

	/**
	 * @param continued the localized "… (continued in the portal/API)" for the reader; asked at most once, and only
	 * when something has to be cut
	 */
	public BlockKitRenderer(Supplier<String> continued) {
		this.continued = continued;
	}

	public List<LayoutBlock> render(ChatMessage message) {
		List<LayoutBlock> blocks = new ArrayList<>();
		for (Block block : message.blocks()) {
			if (block instanceof Block.Items items) {
				blocks.addAll(items(items));
			}
			else {
				blocks.add(render(block));
			}
		}
		return blocks;
	}

	/**
	 * The message as one Slack message (a slash-command answer cannot be split): at most 50 blocks, the last one a
	 * "… (continued in the portal/API)" when blocks had to be left out.
	 */
	public List<LayoutBlock> renderOne(ChatMessage message) {
		return renderOne(message, MAX_BLOCKS);
	}

	/** The message in at most {@code max} blocks (a view takes 100), the last one marking a cut. */
	public List<LayoutBlock> renderOne(ChatMessage message, int max) {
		return limit(render(message), max);
	}

	/** At most {@code max} blocks: the first {@code max - 1} and a context block saying the rest is elsewhere. */
	public List<LayoutBlock> limit(List<LayoutBlock> blocks, int max) {
		if (blocks.size() <= max) {
			return blocks;
		}
		List<LayoutBlock> cut = new ArrayList<>(blocks.subList(0, max - 1));
		cut.add(ContextBlock.builder().elements(List.of(mrkdwn(Mrkdwn.escape(continued())))).build());
		return cut;
	}

	/** The notification text that accompanies blocks (shown in push notifications and by screen readers). */
	public String fallback(ChatMessage message) {
		return truncate(Mrkdwn.escape(message.summary()));
	}

	/** Escaped-mrkdwn text cut to Slack's 3,000 characters at a safe place, the cut marked in the reader's language. */
	public String truncate(String mrkdwn) {
		return mrkdwn.length() <= MAX_TEXT ? mrkdwn : Mrkdwn.truncate(mrkdwn, MAX_TEXT, continued());
	}

	private String continued() {
		if (continuedText == null) {
			String text = null;
			try {
				text = continued.get();
			}
			catch (RuntimeException e) {
				// the reader's language could not be found out: English is better than no marker
			}
			continuedText = text == null || text.isBlank() ? Mrkdwn.CONTINUED : text;
		}
		return continuedText;
	}

	/** Splits rendered blocks into messages of at most 50 blocks. */
	static List<List<LayoutBlock>> parts(List<LayoutBlock> blocks) {
		List<List<LayoutBlock>> parts = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
			parts.add(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS)));
		}
		return parts.isEmpty() ? List.of(List.of()) : parts;
	}

	private LayoutBlock render(Block block) {
		if (block instanceof Block.Heading heading) {
			return HeaderBlock.builder()
				.text(PlainTextObject.builder().text(cut(heading.text(), MAX_HEADER)).emoji(false).build())
				.build();
		}
		if (block instanceof Block.Context context) {
			return ContextBlock.builder().elements(List.of(mrkdwn(spans(context.spans())))).build();
		}
		if (block instanceof Block.Paragraph paragraph) {
			return section(spans(paragraph.spans()));
		}
		if (block instanceof Block.Quote quote) {
			return section("_" + Mrkdwn.escape(quote.attribution()).replace("_", " ") + "_\n" + quoted(quote.words()));
		}
		if (block instanceof Block.Link link) {
			return ContextBlock.builder().elements(List.of(mrkdwn("<" + Mrkdwn.escape(link.url()).replace("|", "%7C") + "|"
					+ Mrkdwn.escape(link.label()).replace("|", "¦") + ">"))).build();
		}
		if (block instanceof Block.Actions actions) {
			return ActionsBlock.builder().elements(actions.buttons().stream().map(BlockKitRenderer::button).toList()).build();
		}
		return DividerBlock.builder().build();
	}

	/** Button labels are plain text (75 characters at most); values are ids, never shown. */
	static BlockElement button(ChatMessage.Button button) {
		return ButtonElement.builder()
			.actionId(button.actionId())
			.text(PlainTextObject.builder().text(cut(button.label(), 75)).emoji(true).build())
			.value(button.value())
			.style(switch (button.style()) {
				case PRIMARY -> "primary";
				case DANGER -> "danger";
				case DEFAULT -> null;
			})
			.build();
	}

	/**
	 * Items, one per line, in as few sections as fit: a section ends before the item that would take it past
	 * 3,000 characters (an item longer than that on its own is cut), so a long list is never cut short.
	 */
	private List<LayoutBlock> items(Block.Items items) {
		List<LayoutBlock> sections = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (ChatMessage.Item item : items.items()) {
			String line = truncate("• " + Mrkdwn.bold(item.label()) + "  " + Mrkdwn.escape(item.text()));
			if (text.length() > 0 && text.length() + 1 + line.length() > MAX_TEXT) {
				sections.add(section(text.toString()));
				text.setLength(0);
			}
			if (text.length() > 0) {
				text.append('\n');
			}
			text.append(line);
		}
		if (text.length() > 0 || sections.isEmpty()) {
			sections.add(section(text.toString()));
		}
		return sections;
	}

	static String spans(List<Span> spans) {
		return spans.stream()
			.map(span -> span.bold() ? Mrkdwn.bold(span.text()) : Mrkdwn.escape(span.text()))
			.collect(Collectors.joining());
	}

	/** Each line of someone's words as a block quote; {@code >} inside their words is escaped, so only ours quotes. */
	private static String quoted(String words) {
		return words.strip().lines().map(line -> ">" + Mrkdwn.escape(line)).collect(Collectors.joining("\n"));
	}

	private SectionBlock section(String mrkdwn) {
		return SectionBlock.builder().text(mrkdwn(mrkdwn)).build();
	}

	MarkdownTextObject mrkdwn(String text) {
		String safe = text.isBlank() ? " " : truncate(text);
		return MarkdownTextObject.builder().text(safe).verbatim(true).build();
	}

	static String cut(String text, int max) {
		return TextCut.cut(text, max);
	}
}
