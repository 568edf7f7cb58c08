package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.PersonPreferences;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * One reminder at most for an unanswered prompt, {@code FIELDNOTES_REMINDER_AFTER} (24 h) after it was sent.
 *
 * <p>None when the prompt was answered, snoozed, skipped or not delivered, when a newer prompt has gone out since,
 * when the person turned reminders off or is away today, or when the placement is not active; and none outside
 * the person's working hours or on their days off: the reminder waits for the next run inside them (the job runs
 * every few minutes). A reminder the platform refuses is not retried.
 *
 * <p>Once across restarts and instances: the outbox row is the claim. Its key, {@code reminder:<occurrence id>}, is
 * unique, so a second run or instance finds it and sends nothing; {@code remindedAt} is recorded after it. A crash
 * or a store error between the two leaves a reminder queued whose prompt does not show it: the next run finds the
 * row, records {@code remindedAt} and sends nothing. (Recording first and queuing second could lose the reminder:
 * a prompt marked reminded is never looked at again.)
 */
@Service
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);
	private static final String KEY_PREFIX = "reminder:";

	private final PromptOccurrences occurrences;
	private final PlacementManagement placements;
	private final Preferences preferences;
	private final Languages languages;
	private final QuietHours quietHours;
	private final PromptLibrary library;
	private final Outbox outbox;
	private final MessageSource messages;
	private final CalendarSettings settings;
	private final PromptSettings promptSettings;
	private final Clock clock;
	private final Reachability reachability;
	private final org.fieldnotes.placement.Closures closures;

	Reminders(PromptOccurrences occurrences, PlacementManagement placements, Preferences preferences,
			Languages languages, QuietHours quietHours, PromptLibrary library, Outbox outbox, MessageSource messages,
			CalendarSettings settings, PromptSettings promptSettings, Clock clock, Reachability reachability,
			org.fieldnotes.placement.Closures closures) {
		this.closures = closures;
		this.reachability = reachability;
		this.occurrences = occurrences;
		this.placements = placements;
		this.preferences = preferences;
		this.languages = languages;
		this.quietHours = quietHours;
		this.library = library;
		this.outbox = outbox;
		this.messages = messages;
		this.settings = settings;
		this.promptSettings = promptSettings;
		this.clock = clock;
	}

	/** Sends the reminders that are due now; returns the ids of the prompts reminded about. */
	public List<String> run() {
		Instant now = clock.instant();
		List<String> reminded = new ArrayList<>();
		for (PromptOccurrence occurrence : occurrences.reminderCandidates(now.minus(settings.reminderAfter()),
				now.minus(promptSettings.replyWindow()))) {
			try {
				remind(occurrence, now).ifPresent(reminded::add);
			}
			catch (RuntimeException e) {
				log.error("Reminder for prompt occurrence {} failed", occurrence.getId(), e);
			}
		}
		return reminded;
	}

	private Optional<String> remind(PromptOccurrence occurrence, Instant now) {
		if (outbox.find(key(occurrence)).isPresent()) {
			// queued before a crash or a store error cut the run short: record it, send nothing
			occurrences.markReminded(occurrence.getId(), now);
			return Optional.empty();
		}
		Placement placement;
		try {
			placement = placements.get(occurrence.getPlacementId());
		}
		catch (PlacementNotFound gone) {
			return Optional.empty();
		}
		PersonPreferences chosen = preferences.of(placement.getParticipant().id());
		if (!placement.isActive() || chosen.wantsNoReminders()
				|| chosen.isAwayOn(LocalDate.ofInstant(now, placement.getParticipant().zone()))
				|| closures.closedOn(placement, LocalDate.ofInstant(now, placement.getParticipant().zone()))
				|| !quietHours.isAllowed(placement, now) || newerPromptSent(occurrence)) {
			return Optional.empty();
		}
		// looked at again just before it is queued: the candidates were read at the start of the run, and the prompt
		// may have been answered or snoozed since
		if (occurrences.findById(occurrence.getId()).filter(Reminders::stillUnanswered).isEmpty()) {
			return Optional.empty();
		}
		Locale locale = languages.of(placement.getParticipant());
		String title = library.find(occurrence.getPromptId()).map(p -> p.title(locale)).orElse(occurrence.getPromptId());
		// by e-mail while their chat platform cannot reach them yet (the prompt went by e-mail too): answered there
		Optional<ChatAccount> waiting = reachability.byEmailMeanwhile(placement.getParticipant())
				? reachability.notYetReachable(placement.getParticipant()) : Optional.empty();
		String text = waiting.map(account -> messages.getMessage("reminder.email", new Object[] { title,
				messages.getMessage("reach.platform." + account.platform(), null, account.platform(), locale) }, locale))
			.orElseGet(() -> messages.getMessage("reminder.text", new Object[] { title }, locale));
		Delivery delivery = outbox.send(reachability.to(placement.getParticipant(), key(occurrence),
				MessageKind.REMINDER, occurrence.getId(), ChatMessage.text(text), List.of(), locale, text));
		occurrences.markReminded(occurrence.getId(), now);
		if (delivery.isSent()) {
			log.info("Reminded placement {} of prompt {} (due {})", placement.getId(), occurrence.getPromptId(),
					occurrence.getDueDate());
		}
		return Optional.of(occurrence.getId());
	}

	private static String key(PromptOccurrence occurrence) {
		return KEY_PREFIX + occurrence.getId();
	}

	private static boolean stillUnanswered(PromptOccurrence occurrence) {
		return occurrence.getStatus() == OccurrenceStatus.SENT && !occurrence.isAnswered()
				&& occurrence.getSnoozedUntil() == null && occurrence.getRemindedAt() == null;
	}

	private boolean newerPromptSent(PromptOccurrence occurrence) {
		return occurrences.latestSentSince(occurrence.getPlacementId(), occurrence.getSentAt())
			.filter(latest -> !latest.getId().equals(occurrence.getId()))
			.isPresent();
	}
}
