package org.fieldnotes.logbook;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.placement.Person;
import org.fieldnotes.placement.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the participant, in their language, that someone read or answered their entry: "Your academic coach read
 * your reflection from Tuesday 3 November." / "Your business coach replied to your entry from Tuesday 3 November:" with the reply
 * quoted (as data: the renderer escapes it). Through the outbox, once per response (key {@code response:<id>}),
 * retried when Slack is down; the response is stored whatever becomes of the notice.
 */
@Component
class ResponseNotices {

	/** The outbox key of a response's notice is this and the response's id. */
	static final String PREFIX = "response:";
	private static final Logger log = LoggerFactory.getLogger(ResponseNotices.class);

	private final Outbox outbox;
	private final MessageSource messages;
	private final Preferences preferences;

	ResponseNotices(Outbox outbox, MessageSource messages, Preferences preferences) {
		this.outbox = outbox;
		this.messages = messages;
		this.preferences = preferences;
	}

	void tell(Responses.Responder responder, EntryResponse response) {
		Person participant = responder.placement().getParticipant();
		if (!participant.hasSlack()) {
			log.debug("The participant of placement {} is not on chat; response not announced", response.placementId());
			return;
		}
		outbox.send(Outgoing.of(PREFIX + response.id(), MessageKind.NOTICE, response.id(),
				participant.slackUserId(), notice(responder, response, preferences.languageOf(participant))));
	}

	ChatMessage notice(Responses.Responder responder, EntryResponse response, Locale locale) {
		LogbookEntry entry = responder.entry();
		String day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale)
			.format(entry.createdAt().atZone(responder.placement().getParticipant().zone()));
		String what = text("replies.your." + entry.source().name(), locale);
		String line = text("replies.notice." + response.kind().name() + "." + responder.role().name(), locale, what, day);
		if (!response.isReply()) {
			return ChatMessage.text(line);
		}
		return ChatMessage.builder(line).quote(line + ":", response.text()).build();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
