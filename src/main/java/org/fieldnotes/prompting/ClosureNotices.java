package org.fieldnotes.prompting;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells each participant a closure concerns, once and in their language, when it is created (so before it starts,
 * or the day it starts when it starts today): the days with no prompts, and the admin's reason. Through the outbox,
 * keyed {@code closure:<closure id>:<placement id>}, so a participant is told of each closure once.
 */
@Component
class ClosureNotices {

	static final String PREFIX = "closure:";
	private static final Logger log = LoggerFactory.getLogger(ClosureNotices.class);

	private final PlacementManagement placements;
	private final Outbox outbox;
	private final Reachability reachability;
	private final MessageSource messages;
	private final Languages languages;

	ClosureNotices(PlacementManagement placements, Outbox outbox, Reachability reachability, MessageSource messages,
			Languages languages) {
		this.placements = placements;
		this.outbox = outbox;
		this.reachability = reachability;
		this.messages = messages;
		this.languages = languages;
	}

	@EventListener
	void on(Closures.ClosureCreated created) {
		Closure closure = created.closure();
		for (Placement placement : concerned(placements.all(), closure)) {
			Person participant = placement.getParticipant();
			try {
				if (!reachability.canSend(participant)) {
					continue;
				}
				Locale locale = languages.of(participant);
				DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
				String heading = t("closure.heading", locale);
				ChatMessage.Builder message = ChatMessage.builder(heading).heading(heading)
					.paragraph(closure.to() == null
							? t("closure.noticeOpen", locale, placement.getProgram(), date.format(closure.from()))
							: t("closure.notice", locale, placement.getProgram(), date.format(closure.from()),
									date.format(closure.to())));
				if (closure.reason() != null) {
					message.paragraph(t("closure.reason", locale, closure.reason()));
				}
				outbox.enqueue(reachability.to(participant, PREFIX + closure.id() + ":" + placement.getId(),
						MessageKind.NOTICE, closure.id(), message.build(), List.of(), locale, heading));
			}
			catch (RuntimeException e) {
				log.warn("The notice of a closure to placement {} could not be queued: {}", placement.getId(),
						e.getClass().getSimpleName());
			}
		}
	}

	/** The placements a closure concerns: of its programme, not ended, and with days in its window. */
	static List<Placement> concerned(List<Placement> all, Closure closure) {
		return all.stream().filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.filter(p -> closure.covers(p.getProgram()))
			.filter(p -> !p.getEndDate().isBefore(closure.from()))
			.filter(p -> closure.to() == null || !p.getStartDate().isAfter(closure.to()))
			.toList();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
