package org.fieldnotes.logbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.HomeScreen;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a participant sees under an entry of theirs: who read it ("✓ Read by your academic coach") and what they
 * replied, quoted.
 */
@Component
public class ResponseLines {

	private final Responses responses;
	private final MessageSource messages;

	ResponseLines(Responses responses, MessageSource messages) {
		this.responses = responses;
		this.messages = messages;
	}

	/** The lines under an entry; none when nobody responded. */
	public List<HomeScreen.Item> under(LogbookEntry entry, Locale locale) {
		Set<String> read = new LinkedHashSet<>();
		List<HomeScreen.Item> replies = new ArrayList<>();
		for (EntryResponse response : responses.to(entry.id())) {
			if (response.isReply()) {
				replies.add(new HomeScreen.Quote(t("replies.home.REPLIED." + response.role().name(), locale),
						response.text()));
			}
			else {
				read.add(t("replies.home.ACKNOWLEDGED." + response.role().name(), locale));
			}
		}
		List<HomeScreen.Item> lines = new ArrayList<>();
		if (!read.isEmpty()) {
			lines.add(new HomeScreen.Line(List.of(Span.plain(String.join(" · ", read))), true, null));
		}
		lines.addAll(replies);
		return lines;
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
