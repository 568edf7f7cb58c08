package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What a participant does with a prompt they received, on any chat platform: open its form, snooze it for two
 * hours, or skip it. Only the participant it was sent to may act on it ({@link AccessPolicy} decides;
 * {@link NotYourPrompt} otherwise).
 */
@Service
public class PromptResponses {

	private static final Logger log = LoggerFactory.getLogger(PromptResponses.class);
	/** How long "Snooze" puts a prompt away. */
	public static final Duration SNOOZE = Duration.ofHours(2);

	private final PromptOccurrences occurrences;
	private final PromptLibrary library;
	private final PlacementManagement placements;
	private final PromptComposer composer;
	private final SnoozeTriggers triggers;
	private final Messenger messenger;
	private final Outbox outbox;
	private final QuietHours quietHours;
	private final Clock clock;
	private final AccessPolicy access;
	private final Languages languages;

	PromptResponses(PromptOccurrences occurrences, PromptLibrary library, PlacementManagement placements,
			PromptComposer composer, SnoozeTriggers triggers, Messenger messenger, Outbox outbox, QuietHours quietHours,
			Clock clock, AccessPolicy access, Languages languages) {
		this.access = access;
		this.languages = languages;
		this.occurrences = occurrences;
		this.library = library;
		this.placements = placements;
		this.composer = composer;
		this.triggers = triggers;
		this.messenger = messenger;
		this.outbox = outbox;
		this.quietHours = quietHours;
		this.clock = clock;
	}

	/** What became of a snooze or a skip. */
	public enum Outcome {
		DONE,
		/** The prompt is answered, skipped or unknown: nothing changed. */
		CLOSED
	}

	/**
	 * A prompt to answer in a form: its questions, in the participant's language.
	 *
	 * @param statusCheck answered with a status update instead of a reflection
	 */
	public record Form(String occurrenceId, String placementId, Prompt prompt, Locale locale, boolean statusCheck) {
	}

	/**
	 * The form for a sent prompt, answered or not; empty when it was skipped or is unknown.
	 * @param operation what the person is doing with it (opening its form, submitting it), for the policy
	 * @throws NotYourPrompt when the prompt was sent to someone else
	 */
	public Optional<Form> form(String occurrenceId, ChatAccount account, Operation operation) {
		Optional<PromptOccurrence> occurrence = occurrences.findById(occurrenceId);
		if (occurrence.isEmpty()) {
			return Optional.empty();
		}
		Placement placement = owned(occurrence.get(), account, operation);
		if (occurrence.get().getStatus() != OccurrenceStatus.SENT) {
			return Optional.empty();
		}
		return library.find(occurrence.get().getPromptId())
			.map(file -> composer.asAsked(file, placement, occurrence.get()))
			.map(prompt -> new Form(occurrenceId, placement.getId(), prompt, locale(placement),
					PromptButtons.STATUS_CHECK_KIND.equals(prompt.kind())));
	}

	/**
	 * Puts an open prompt away for {@link #SNOOZE} (or until working hours start again); it comes back then as a short
	 * reminder with the same buttons. That re-send is the prompt's one nudge: no reminder follows it.
	 * The message the button was pressed on says until when.
	 * @throws NotYourPrompt when the prompt was sent to someone else
	 */
	public Outcome snooze(String occurrenceId, ChatAccount account, SentMessage pressedOn) {
		Optional<PromptOccurrence> known = occurrences.findById(occurrenceId);
		if (known.isEmpty()) {
			return Outcome.CLOSED;
		}
		Placement placement = owned(known.get(), account, Operation.PROMPT_SNOOZE_BUTTON);
		// a snooze that would end after working hours brings the prompt back when they start again
		Instant until = quietHours.nextAllowed(placement, clock.instant().plus(SNOOZE));
		if (occurrences.snooze(occurrenceId, until).isEmpty()) {
			return Outcome.CLOSED;
		}
		triggers.schedule(occurrenceId, until);
		Locale locale = locale(placement);
		String time = DateTimeFormatter.ofPattern("HH:mm", locale)
			.format(until.atZone(placement.getParticipant().zone()));
		replace(pressedOn, composer.line("prompt.snoozed", locale, time));
		log.info("Prompt occurrence {} snoozed until {}", occurrenceId, until);
		return Outcome.DONE;
	}

	/**
	 * Skips an unanswered prompt (it counts neither as answered nor as missed); the message loses its buttons.
	 * @throws NotYourPrompt when the prompt was sent to someone else
	 */
	public Outcome skip(String occurrenceId, ChatAccount account, SentMessage pressedOn) {
		Optional<PromptOccurrence> known = occurrences.findById(occurrenceId);
		if (known.isEmpty()) {
			return Outcome.CLOSED;
		}
		Placement placement = owned(known.get(), account, Operation.PROMPT_SKIP_BUTTON);
		if (occurrences.skip(occurrenceId).isEmpty()) {
			return Outcome.CLOSED;
		}
		triggers.cancel(occurrenceId);
		replace(pressedOn, composer.line("prompt.skipped", locale(placement)));
		log.info("Prompt occurrence {} skipped", occurrenceId);
		return Outcome.DONE;
	}

	/** The firing of a snoozed prompt's trigger: {@link #resendSnoozed}, fired again later if it fails. */
	void fireSnooze(String occurrenceId) {
		triggers.fire(occurrenceId, () -> resendSnoozed(occurrenceId));
	}

	/**
	 * Sends a snoozed prompt again, once, when its snooze has run out. A prompt answered or skipped meanwhile, or of
	 * a placement no longer active, is not sent.
	 *
	 * <p>The outbox row is the claim: its key, {@code snooze:<occurrence id>:<until>}, names this snooze, so a second
	 * firing, a restart or a second instance finds it and sends nothing. Only then is the snooze ended on the
	 * occurrence (and the re-send takes the reminder's place). A crash or a store error between the two leaves the
	 * prompt snoozed with its time passed: the retried firing, or the next start, finds the row, sends nothing and
	 * ends the snooze.
	 */
	public void resendSnoozed(String occurrenceId) {
		Instant now = clock.instant();
		Optional<PromptOccurrence> due = occurrences.findById(occurrenceId)
			.filter(o -> o.getStatus() == OccurrenceStatus.SENT && !o.isAnswered() && o.getSnoozedUntil() != null
					&& !o.getSnoozedUntil().isAfter(now));
		if (due.isEmpty()) {
			return;
		}
		PromptOccurrence occurrence = due.get();
		Placement placement = placements.get(occurrence.getPlacementId());
		Optional<Prompt> prompt = library.find(occurrence.getPromptId());
		if (placement.isActive() && prompt.isPresent()) {
			Delivery delivery = outbox.send(Outgoing.to(placement.getParticipant(), resendKey(occurrence),
					MessageKind.PROMPT_AGAIN, occurrenceId,
					composer.reminder(placement, prompt.get(), occurrence, now, locale(placement))));
			if (delivery.isSent()) {
				log.info("Snoozed prompt occurrence {} sent again", occurrenceId);
			}
		}
		occurrences.endSnooze(occurrenceId, occurrence.getSnoozedUntil(), now);
	}

	/** One re-send per snooze: the key names the time it was snoozed until. */
	static String resendKey(PromptOccurrence occurrence) {
		return "snooze:" + occurrence.getId() + ":" + occurrence.getSnoozedUntil().toEpochMilli();
	}

	/**
	 * At start, every snooze still to come gets its trigger back; one whose time passed while the app was down is
	 * sent at once.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void restoreSnoozes() {
		Instant now = clock.instant();
		for (PromptOccurrence occurrence : occurrences.snoozed()) {
			try {
				if (occurrence.getSnoozedUntil().isAfter(now)) {
					triggers.schedule(occurrence.getId(), occurrence.getSnoozedUntil());
				}
				else {
					// like its trigger firing: tried again after a backoff if the store fails now
					fireSnooze(occurrence.getId());
				}
			}
			catch (RuntimeException e) {
				log.error("Could not restore the snooze of prompt occurrence {}", occurrence.getId(), e);
			}
		}
	}

	/** When the snoozed prompt's trigger fires, if it has one. */
	Optional<Instant> snoozeFiresAt(String occurrenceId) {
		return triggers.nextFireTime(occurrenceId);
	}

	private Placement owned(PromptOccurrence occurrence, ChatAccount account, Operation operation) {
		Placement placement = placements.get(occurrence.getPlacementId());
		if (access.decide(access.member(account), operation, Target.placement(placement)).denied()) {
			throw new NotYourPrompt();
		}
		return placement;
	}

	private Locale locale(Placement placement) {
		return languages.of(placement.getParticipant());
	}

	private void replace(SentMessage message, ChatMessage replacement) {
		if (message == null || message.channel() == null || message.ts() == null) {
			return;
		}
		try {
			messenger.update(message, replacement);
		}
		catch (DeliveryFailed e) {
			log.warn("Could not update a prompt message: {}", e.reason());
		}
	}
}
