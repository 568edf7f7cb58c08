package org.fieldnotes.slack;

import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Option;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.OverflowMenuElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;

/**
 * A {@link HomeScreen} as the App Home tab ({@code views.publish}): a header per section heading, a divider before a
 * separated section, a section block per line (a context block for small text) with its menu (an overflow menu) or
 * select beside it, quotes and buttons as in messages. Everything is escaped; Block Kit's limits hold: texts are cut
 * as {@link BlockKitRenderer} cuts them, and a Home of more than 100 blocks keeps the first 99 and ends with "…
 * (continued in the portal/API)" in the reader's language.
 */
public final class HomeRenderer {

	static final int MAX_BLOCKS = 100;
	static final int MAX_HEADER = 150;

	private final BlockKitRenderer renderer;

	/** @param renderer renders the lines, and knows the reader's "… (continued in the portal/API)" */
	public HomeRenderer(BlockKitRenderer renderer) {
		this.renderer = renderer;
	}

	public View render(HomeScreen home) {
		List<LayoutBlock> blocks = new ArrayList<>();
		for (HomeScreen.Section section : home.sections()) {
			if (section.separated()) {
				blocks.add(DividerBlock.builder().build());
			}
			if (section.heading() != null) {
				blocks.add(HeaderBlock.builder().text(PlainTextObject.builder()
					.text(BlockKitRenderer.cut(section.heading().isBlank() ? " " : section.heading(), MAX_HEADER))
					.emoji(true)
					.build()).build());
			}
			for (HomeScreen.Item item : section.items()) {
				blocks.addAll(item(item));
			}
		}
		return View.builder().type("home").blocks(renderer.limit(blocks, MAX_BLOCKS)).build();
	}

	private List<LayoutBlock> item(HomeScreen.Item item) {
		if (item instanceof HomeScreen.Line line && line.control() != null) {
			return List.of(SectionBlock.builder()
				.text(renderer.mrkdwn(BlockKitRenderer.spans(line.spans())))
				.accessory(control(line.control()))
				.build());
		}
		ChatMessage.Builder message = ChatMessage.builder("");
		if (item instanceof HomeScreen.Line line) {
			if (line.small()) {
				message.context(line.spans().toArray(ChatMessage.Span[]::new));
			}
			else {
				message.paragraph(line.spans().toArray(ChatMessage.Span[]::new));
			}
		}
		else if (item instanceof HomeScreen.Quote quote) {
			message.quote(quote.attribution(), quote.words());
		}
		else if (item instanceof HomeScreen.Buttons buttons) {
			message.buttons(buttons.buttons().toArray(ChatMessage.Button[]::new));
		}
		return renderer.render(message.build());
	}

	private static BlockElement control(HomeScreen.Control control) {
		if (control instanceof HomeScreen.Menu menu) {
			return OverflowMenuElement.builder().actionId(menu.actionId()).options(options(menu.options())).build();
		}
		HomeScreen.Select select = (HomeScreen.Select) control;
		OptionObject selected = select.options().stream()
			.filter(o -> o.value().equals(select.selected()))
			.findFirst()
			.map(HomeRenderer::option)
			.orElse(null);
		return StaticSelectElement.builder().actionId(select.actionId()).options(options(select.options()))
			.initialOption(selected).build();
	}

	private static List<OptionObject> options(List<Option> options) {
		return options.stream().map(HomeRenderer::option).toList();
	}

	/** Option labels are plain text, at most 75 characters. */
	private static OptionObject option(Option option) {
		return OptionObject.builder()
			.text(PlainTextObject.builder()
				.text(BlockKitRenderer.cut(option.label().isBlank() ? " " : option.label(), ModalRenderer.MAX_OPTION))
				.emoji(true)
				.build())
			.value(option.value())
			.build();
	}
}
