package org.fieldnotes.prompting;

import java.time.Clock;
import java.util.Optional;

import org.fieldnotes.chat.BecameReachable;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonLookup;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What waited for a participant whose chat platform could not reach them: when it can (on Teams, they installed the
 * app), the latest prompt that went to them by e-mail and is not answered goes to their chat too, with its buttons,
 * under the key {@code prompt:<occurrence id>:chat} (once, whatever repeats); delivered, the occurrence points at the
 * chat message, where it is answered like any prompt. Only queued here (the install's request must answer Teams
 * quickly); the outbox's worker sends it.
 */
@Component
class WaitingPrompts {

	private static final Logger log = LoggerFactory.getLogger(WaitingPrompts.class);
	static final String SUFFIX = ":chat";

	private final PersonLookup people;
	private final PlacementManagement placements;
	private final PromptOccurrences occurrences;
	private final PromptCalendar calendar;
	private final PromptComposer composer;
	private final Outbox outbox;
	private final Clock clock;

	WaitingPrompts(PersonLookup people, PlacementManagement placements, PromptOccurrences occurrences,
			PromptCalendar calendar, PromptComposer composer, Outbox outbox, Clock clock) {
		this.people = people;
		this.placements = placements;
		this.occurrences = occurrences;
		this.calendar = calendar;
		this.composer = composer;
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void reachable(BecameReachable event) {
		Optional<Person> person = event.accounts().stream().map(people::find).flatMap(Optional::stream).findFirst();
		if (person.isEmpty()) {
			return;
		}
		Optional<Placement> current = placements.currentFor(person.get().id()).filter(Placement::isActive);
		if (current.isEmpty()) {
			return;
		}
		Placement placement = current.get();
		occurrences.latestEmailedUnanswered(placement.getId()).ifPresent(occurrence -> calendar.dues(placement)
			.stream()
			.filter(due -> due.date().equals(occurrence.getDueDate()))
			.findFirst()
			.ifPresent(due -> {
				Prompt prompt = calendar.promptFor(placement, due);
				outbox.enqueue(Outgoing.to(person.get(), PromptOutbox.key(occurrence) + SUFFIX, MessageKind.PROMPT,
						occurrence.getId(),
						composer.compose(placement, prompt, due, occurrence.getId(), clock.instant())));
				log.info("Prompt occurrence {} went by e-mail and waits: queued for the participant's chat now",
						occurrence.getId());
			}));
	}
}
