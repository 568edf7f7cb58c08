package org.fieldnotes.prompting;

import java.time.Clock;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.MessageDelivered;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.MessageUndeliverable;
import org.fieldnotes.delivery.OutboxStatus;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The prompting side of the outbox: the keys of prompts and placement notices, and what their delivery means for
 * the occurrence (or the notice) — sent (with the message's place, so buttons and replies find it), or failed with the platform's
 * reason (which the digests flag). A participant whose account is gone gets nothing more: their active placements
 * are paused, for an admin to end or resume.
 */
@Component
class PromptOutbox {

	private static final Logger log = LoggerFactory.getLogger(PromptOutbox.class);
	static final String PROMPT_PREFIX = "prompt:";
	static final String NOTICE_PREFIX = "placement-notice:";

	private final PromptOccurrences occurrences;
	private final PlacementNotices notices;
	private final PlacementManagement placements;
	private final Clock clock;

	PromptOutbox(PromptOccurrences occurrences, PlacementNotices notices, PlacementManagement placements, Clock clock) {
		this.occurrences = occurrences;
		this.notices = notices;
		this.placements = placements;
		this.clock = clock;
	}

	static String key(PromptOccurrence occurrence) {
		return PROMPT_PREFIX + occurrence.getId();
	}

	static String key(PlacementNotice notice) {
		return NOTICE_PREFIX + notice.id();
	}

	static Outgoing prompt(PromptOccurrence occurrence, Person participant, ChatMessage message) {
		return Outgoing.to(participant, key(occurrence), MessageKind.PROMPT, occurrence.getId(), message);
	}

	/** Brings the occurrence up to date with what the outbox knows of its delivery. */
	void record(String occurrenceId, Delivery delivery) {
		if (delivery.status() == OutboxStatus.SENT) {
			delivery.sentMessage()
				.ifPresent(sent -> occurrences.markSent(occurrenceId, sent, clock.instant()));
		}
		else if (delivery.status() == OutboxStatus.FAILED) {
			occurrences.markFailed(occurrenceId, delivery.failure());
		}
	}

	/** Brings the notice up to date with what the outbox knows of its delivery. */
	void record(PlacementNotice notice, Delivery delivery) {
		if (delivery.status() == OutboxStatus.SENT) {
			notices.markSent(notice.id());
		}
		else if (delivery.status() == OutboxStatus.FAILED) {
			notices.markFailed(notice.id());
		}
	}

	@EventListener
	void delivered(MessageDelivered event) {
		if (event.kind() == MessageKind.PROMPT) {
			occurrences.markSent(event.ref(), event.sent(), clock.instant());
		}
		else if (event.kind() == MessageKind.NOTICE && event.key().startsWith(NOTICE_PREFIX)) {
			notices.markSent(event.ref());
		}
	}

	@EventListener
	void undeliverable(MessageUndeliverable event) {
		if (event.kind() == MessageKind.PROMPT && event.key().endsWith(WaitingPrompts.SUFFIX)) {
			// the prompt reached them by e-mail already; only its copy in the chat did not
			log.warn("Prompt occurrence {} not delivered to the chat as well: {}", event.ref(), event.reason());
		}
		else if (event.kind() == MessageKind.PROMPT) {
			occurrences.markFailed(event.ref(), event.reason());
			log.warn("Prompt occurrence {} not delivered: {}", event.ref(), event.reason());
		}
		else if (event.kind() == MessageKind.NOTICE && event.key().startsWith(NOTICE_PREFIX)) {
			notices.markFailed(event.ref());
		}
		if (event.recipientGone() && (event.kind() == MessageKind.PROMPT || event.kind() == MessageKind.REMINDER)) {
			pauseParticipant(event.recipient(), event.reason());
		}
	}

	/** Deactivated or deleted on the platform: no more prompts until an admin resumes or ends the placement. */
	private void pauseParticipant(String participant, String reason) {
		for (Placement paused : placements.pauseParticipant(new PersonId(participant))) {
			log.warn("Placement {} paused: its participant's account cannot receive messages ({})", paused.getId(),
					reason);
		}
	}
}
