package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.chat.ChatMessage;
import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;

/** A link block in Block Kit: one mrkdwn link whose label and address cannot break out of it. */
class LinkBlockTests {

	@Test
	void aLinkIsOneEscapedMrkdwnLink() {
		var blocks = new BlockKitRenderer().render(ChatMessage.builder("s")
			.link("Reply <here> & | now", "https://fieldnotes.example.org/r/a.b-c_d?x=1&y=|2")
			.build());

		assertThat(blocks).singleElement().isInstanceOf(ContextBlock.class);
		String text = ((MarkdownTextObject) ((ContextBlock) blocks.get(0)).getElements().get(0)).getText();
		assertThat(text).isEqualTo(
				"<https://fieldnotes.example.org/r/a.b-c_d?x=1&amp;y=%7C2|Reply &lt;here&gt; &amp; ¦ now>");
	}
}
