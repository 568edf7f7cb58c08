package org.fieldnotes.logbook;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the participant, in their language, that a follower acknowledged or resolved their blocker, quoting it (their
 * own words, to them: the renderer escapes them). Through the outbox, once per blocker and state (key
 * {@code blocker:<id>:<state>}); a participant without chat is not told. The notice is claimed with the state
 * ({@code notice: PENDING}) and {@link Blockers#recoverNotices()} queues one a crash kept from the outbox.
 */
@Component
class BlockerNotices {

	/** The outbox keys of blocker notices start with this. */
	static final String PREFIX = "blocker:";
	static final String PENDING = "PENDING";
	static final String QUEUED = "QUEUED";

	private final Outbox outbox;
	private final MessageSource messages;
	private final Languages languages;

	BlockerNotices(Outbox outbox, MessageSource messages, Languages languages) {
		this.outbox = outbox;
		this.messages = messages;
		this.languages = languages;
	}

	void tell(Blocker blocker, Placement placement, BlockerOwner by, BlockerState state) {
		Person participant = placement.getParticipant();
		if (!participant.hasChat()) {
			return;
		}
		outbox.send(Outgoing.to(participant, PREFIX + blocker.id() + ":" + state.name(), MessageKind.NOTICE,
				blocker.id(), notice(blocker, placement, by, state, languages.of(participant))));
	}

	ChatMessage notice(Blocker blocker, Placement placement, BlockerOwner by, BlockerState state, Locale locale) {
		String day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale)
			.format(blocker.createdAt().atZone(placement.getParticipant().zone()));
		String line = messages.getMessage("blockers.notice." + state.name() + "." + by.name(), new Object[] { day },
				locale);
		return ChatMessage.builder(line).quote(line, blocker.text()).build();
	}
}
