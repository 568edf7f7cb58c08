package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.chat.ChatMessage;
import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

/** A message that must be one Slack message (a slash-command answer) keeps to 50 blocks and marks the cut. */
class RenderOneTests {

	private final BlockKitRenderer renderer = new BlockKitRenderer();

	private static ChatMessage paragraphs(int count) {
		var message = ChatMessage.builder("many");
		for (int i = 1; i <= count; i++) {
			message.paragraph("paragraph " + i);
		}
		return message.build();
	}

	@Test
	void aMessageOfFiftyBlocksIsKeptWhole() {
		assertThat(renderer.renderOne(paragraphs(50))).hasSize(50).allMatch(b -> b instanceof SectionBlock);
	}

	@Test
	void aLongerOneIsCutToFortyNineBlocksAndAnEllipsis() {
		var blocks = renderer.renderOne(paragraphs(120));

		assertThat(blocks).hasSize(50);
		LayoutBlock last = blocks.get(49);
		assertThat(last).isInstanceOf(ContextBlock.class);
		assertThat(last.toString()).contains("…");
		assertThat(blocks.get(48).toString()).contains("paragraph 49");
	}
}
