package org.fieldnotes.slack.views;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.EntryResponse;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.slack.BlockKitRenderer;
import org.springframework.stereotype.Component;

import com.slack.api.model.block.LayoutBlock;

/**
 * Under an entry on the participant's Home: who read it ("✓ Read by your academic coach") and what they replied
 * (quoted, escaped by the renderer).
 */
@Component
class ResponseLines {

	private final Responses responses;
	private final SlackTexts texts;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	ResponseLines(Responses responses, SlackTexts texts) {
		this.responses = responses;
		this.texts = texts;
	}

	List<LayoutBlock> under(LogbookEntry entry, Locale locale) {
		List<EntryResponse> all = responses.to(entry.id());
		if (all.isEmpty()) {
			return List.of();
		}
		Set<String> read = new LinkedHashSet<>();
		List<EntryResponse> replies = new ArrayList<>();
		for (EntryResponse response : all) {
			if (response.isReply()) {
				replies.add(response);
			}
			else {
				read.add(texts.t("replies.home.ACKNOWLEDGED." + response.role().name(), locale));
			}
		}
		ChatMessage.Builder lines = ChatMessage.builder("");
		if (!read.isEmpty()) {
			lines.context(String.join(" · ", read));
		}
		for (EntryResponse reply : replies) {
			lines.quote(texts.t("replies.home.REPLIED." + reply.role().name(), locale), reply.text());
		}
		return renderer.render(lines.build());
	}
}
