package org.fieldnotes.prompting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Sends prompts. Every send first claims its occurrence in MongoDB; only the claimant sends, so a restart, a
 * misfire or a second instance never sends the same prompt twice.
 */
@Service
public class PromptDispatcher {

	private static final Logger log = LoggerFactory.getLogger(PromptDispatcher.class);
	/** How far back a catch-up looks for due prompts that were never claimed. */
	private static final Duration LOOK_BACK = Duration.ofDays(35);
	/** More than the most two instants on the same local date can be apart, in any two time zones (about 50 h). */
	private static final Duration DATE_MARGIN = Duration.ofDays(3);
	/** Why a prompt was recorded skipped while the participant was away. */
	static final String SKIPPED_AWAY = "away";
	/** Why a prompt was recorded skipped while its programme was closed ({@link Closures}). */
	static final String SKIPPED_CLOSED = "closed";

	private final PlacementManagement placements;
	private final PromptCalendar calendar;
	private final PromptOccurrences occurrences;
	private final PromptComposer composer;
	private final Outbox outbox;
	private final PromptOutbox promptOutbox;
	private final PromptSettings settings;
	private final Preferences preferences;
	private final Languages languages;
	private final QuietHours quietHours;
	private final PlacementNotices notices;
	private final MessageSource messages;
	private final Reachability reachability;
	private final Clock clock;
	private final Closures closures;

	PromptDispatcher(PlacementManagement placements, PromptCalendar calendar, PromptOccurrences occurrences,
			PromptComposer composer, Outbox outbox, PromptOutbox promptOutbox, PromptSettings settings,
			Preferences preferences, Languages languages, QuietHours quietHours, PlacementNotices notices,
			MessageSource messages, Reachability reachability, Clock clock, Closures closures) {
		this.closures = closures;
		this.placements = placements;
		this.calendar = calendar;
		this.occurrences = occurrences;
		this.composer = composer;
		this.outbox = outbox;
		this.promptOutbox = promptOutbox;
		this.settings = settings;
		this.preferences = preferences;
		this.languages = languages;
		this.quietHours = quietHours;
		this.notices = notices;
		this.messages = messages;
		this.reachability = reachability;
		this.clock = clock;
	}

	/**
	 * Deals with every prompt of the placement that fell due since it was enrolled or last resumed (at most 35 days
	 * back) and was never claimed: recorded as skipped when the calendar skipped it or the participant is away that
	 * day; else sent now when less late than the catch-up window and within the participant's working hours
	 * ({@link QuietHours}); else recorded as missed. Runs when a trigger fires and for every placement at start.
	 */
	public List<PromptDelivery> catchUp(String placementId) {
		return catchUp(placementId, false);
	}

	/**
	 * {@link #catchUp(String)} of a placement read already, at {@code now}, asking {@code known} instead of the store
	 * ({@link #knownFor}), with its {@link PromptCalendar#dues} computed already, that only queues what is to be
	 * sent, for the outbox's worker to send: for catching up every placement at start, which must not wait for
	 * thousands of sends one after the other, nor ask the store several times per placement.
	 */
	List<PromptDelivery> queueCatchUp(Placement placement, Instant now, Known known, List<Due> dues) {
		return catchUp(placement, now, known, dues, true);
	}

	/**
	 * What a catch-up of these placements at {@code now} needs to know of the store, read in two queries: their
	 * prompts due in its look-back (with a margin: a due date is a local date, in any time zone) and the prompts and
	 * notes claimed but not settled.
	 */
	Known knownFor(Collection<String> placementIds, Instant now) {
		Set<String> existing = new HashSet<>();
		Map<String, List<PromptOccurrence>> claimed = new HashMap<>();
		for (PromptOccurrence occurrence : occurrences.forCatchUp(placementIds, now.minus(LOOK_BACK).minus(DATE_MARGIN))) {
			existing.add(occurrence.getPlacementId() + "|" + occurrence.getDueDate());
			if (occurrence.getStatus() == OccurrenceStatus.CLAIMED) {
				claimed.computeIfAbsent(occurrence.getPlacementId(), id -> new ArrayList<>()).add(occurrence);
			}
		}
		Map<String, List<PlacementNotice>> claimedNotices = notices.claimedUnsent(placementIds)
			.stream()
			.collect(Collectors.groupingBy(PlacementNotice::placementId));
		return new Known() {
			@Override
			public boolean exists(String placementId, LocalDate dueDate) {
				return existing.contains(placementId + "|" + dueDate);
			}

			@Override
			public List<PromptOccurrence> claimedUnsent(String placementId) {
				return claimed.getOrDefault(placementId, List.of());
			}

			@Override
			public List<PlacementNotice> claimedUnsentNotices(String placementId) {
				return claimedNotices.getOrDefault(placementId, List.of());
			}
		};
	}

	/**
	 * What a catch-up asks the store about a placement: asked of the store each time ({@link #catchUp(String)}), or
	 * read for a batch of placements at once ({@link #knownFor}). Only a shortcut: every send is still claimed first.
	 */
	interface Known {

		/** Whether the placement has an occurrence due on that date. */
		boolean exists(String placementId, LocalDate dueDate);

		/** The placement's occurrences claimed to be sent whose delivery they do not show yet. */
		List<PromptOccurrence> claimedUnsent(String placementId);

		/** The placement's notes claimed to be sent whose delivery they do not show yet. */
		List<PlacementNotice> claimedUnsentNotices(String placementId);
	}

	private final Known fromStore = new Known() {
		@Override
		public boolean exists(String placementId, LocalDate dueDate) {
			return occurrences.exists(placementId, dueDate);
		}

		@Override
		public List<PromptOccurrence> claimedUnsent(String placementId) {
			return occurrences.claimedUnsent(placementId);
		}

		@Override
		public List<PlacementNotice> claimedUnsentNotices(String placementId) {
			return notices.claimedUnsent(placementId);
		}
	};

	private List<PromptDelivery> catchUp(String placementId, boolean queueOnly) {
		Placement placement = placements.get(placementId);
		if (!placement.isActive()) {
			return List.of();
		}
		return catchUp(placement, clock.instant(), fromStore, calendar.dues(placement), queueOnly);
	}

	private List<PromptDelivery> catchUp(Placement placement, Instant now, Known known, List<Due> dues,
			boolean queueOnly) {
		if (!placement.isActive()) {
			return List.of();
		}
		String placementId = placement.getId();
		Instant from = later(placement.getPromptingSince(), now.minus(LOOK_BACK));
		recoverClaimed(placement, known);
		recoverClaimedNotices(placement, known);
		endOfPlacementNote(placement, from, now, queueOnly);
		return PromptCalendar.between(dues, from, now)
			.stream()
			.filter(due -> !known.exists(placementId, due.date()))
			.map(due -> {
				Optional<String> skip = skipReason(placement, due);
				if (skip.isPresent()) {
					return claimAsSkipped(placement, due, skip.get());
				}
				boolean inTime = Duration.between(due.instant(), now).compareTo(settings.catchUp()) < 0;
				return inTime && quietHours.isAllowed(placement, now) ? claimAndSend(placement, due, queueOnly)
						: claimAsMissed(placement, due);
			})
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Sends the next prompt that is due and not yet sent, now (the admin's "send now").
	 * @throws PromptNotSent when the placement is not active or has no prompt left to send
	 */
	public PromptDelivery sendNext(String placementId) {
		Placement placement = placements.get(placementId);
		if (!placement.isActive()) {
			throw new PromptNotSent("The placement is " + placement.getStatus().name().toLowerCase()
					+ "; resume it to send prompts");
		}
		Instant now = clock.instant();
		for (Due due : calendar.dues(placement)) {
			if (due.instant().isAfter(now) && !due.isSkipped() && !occurrences.exists(placementId, due.date())) {
				Optional<PromptDelivery> sent = claimAndSend(placement, due, false);
				if (sent.isPresent()) {
					return sent.get();
				}
			}
		}
		throw new PromptNotSent("Every prompt of this placement has been sent");
	}

	/**
	 * Skips the placement's next prompt that is due and not yet claimed (an admin's "skip this week"): it is claimed
	 * as {@link OccurrenceStatus#SKIPPED}, so it is never sent; the one after goes out as usual.
	 * @throws PromptNotSent when the placement is not active or has no prompt left to skip
	 */
	public PromptDelivery skipNext(String placementId) {
		Placement placement = placements.get(placementId);
		if (!placement.isActive()) {
			throw new PromptNotSent("The placement is " + placement.getStatus().name().toLowerCase()
					+ "; resume it to skip prompts");
		}
		Instant now = clock.instant();
		for (Due due : calendar.dues(placement)) {
			if (due.instant().isAfter(now) && !occurrences.exists(placementId, due.date())) {
				Prompt prompt = calendar.promptFor(placement, due);
				Optional<PromptOccurrence> claimed = occurrences.claim(
						PromptOccurrence.claim(placementId, prompt.id(), due, OccurrenceStatus.SKIPPED, now));
				if (claimed.isPresent()) {
					log.info("Prompt {} for placement {} due {} skipped by an admin", prompt.id(), placementId,
							due.local());
					return PromptDelivery.of(claimed.get());
				}
			}
		}
		throw new PromptNotSent("No prompt of this placement is left to skip");
	}

	private Optional<PromptDelivery> claimAndSend(Placement placement, Due due, boolean queueOnly) {
		Prompt prompt = calendar.promptFor(placement, due);
		Optional<PromptOccurrence> claimed = occurrences
			.claim(PromptOccurrence.claim(placement.getId(), prompt.id(), due, OccurrenceStatus.CLAIMED, clock.instant()));
		if (claimed.isEmpty()) {
			log.debug("Prompt {} for placement {} on {} was already claimed", prompt.id(), placement.getId(), due.date());
			return Optional.empty();
		}
		PromptOccurrence occurrence = claimed.get();
		Outgoing outgoing = prompt(placement, occurrence,
				composer.compose(placement, prompt, due, occurrence.getId(), clock.instant()));
		Delivery delivery = queueOnly ? outbox.enqueue(outgoing) : outbox.send(outgoing);
		if (delivery.isSent()) {
			log.info("Sent prompt {} to placement {} (due {})", prompt.id(), placement.getId(), due.local());
		}
		// PromptOutbox records the outcome on the occurrence as the outbox reports it
		return Optional.of(PromptDelivery.of(occurrences.findById(occurrence.getId()).orElse(occurrence)));
	}

	/**
	 * A prompt to the participant: in their chat, or by e-mail while their chat platform cannot reach them yet (Teams
	 * before they installed the app), saying that they answer in the chat once they have said hi there: the prompt
	 * waits for them there ({@link WaitingPrompts}). The e-mail has no buttons; the mail renders none.
	 */
	private Outgoing prompt(Placement placement, PromptOccurrence occurrence, ChatMessage message) {
		Person participant = placement.getParticipant();
		Optional<ChatAccount> waiting = reachability.notYetReachable(participant);
		if (waiting.isEmpty() || !reachability.byEmailMeanwhile(participant)) {
			return PromptOutbox.prompt(occurrence, participant, message);
		}
		Locale locale = languages.of(participant);
		String platform = messages.getMessage("reach.platform." + waiting.get().platform(), null,
				waiting.get().platform(), locale);
		List<ChatMessage.Block> blocks = new java.util.ArrayList<>(message.blocks());
		blocks.add(new ChatMessage.Block.Paragraph(
				List.of(ChatMessage.Span.bold(messages.getMessage("prompt.email.answer", new Object[] { platform }, locale)))));
		return reachability.to(participant, PromptOutbox.key(occurrence), MessageKind.PROMPT, occurrence.getId(),
				new ChatMessage(message.summary(), blocks), List.of(), locale,
				messages.getMessage("prompt.email.subject", new Object[] { placement.getHostOrganisation() }, locale));
	}

	/**
	 * Prompts of the placement that were claimed but whose delivery the occurrence does not show (a crash between
	 * the claim and the outbox, or between the outbox and the occurrence): queued again when the outbox never got
	 * them, else brought up to date from the outbox. Idempotent; runs with every catch-up.
	 */
	private void recoverClaimed(Placement placement, Known store) {
		for (PromptOccurrence occurrence : store.claimedUnsent(placement.getId())) {
			Optional<Delivery> known = outbox.find(PromptOutbox.key(occurrence));
			if (known.isEmpty()) {
				Optional<Due> due = calendar.dues(placement)
					.stream()
					.filter(d -> d.date().equals(occurrence.getDueDate()))
					.findFirst();
				if (due.isPresent()) {
					Prompt prompt = calendar.promptFor(placement, due.get());
					outbox.enqueue(prompt(placement, occurrence,
							composer.compose(placement, prompt, due.get(), occurrence.getId(), clock.instant())));
					log.info("Prompt occurrence {} was claimed but never queued: queued now", occurrence.getId());
				}
			}
			else {
				promptOutbox.record(occurrence.getId(), known.get());
			}
		}
	}

	/**
	 * The day after the end date, the participant hears once what happens to their logbook and that a follow-up
	 * question comes; claimed in {@code placement_notices} like a prompt (status {@code CLAIMED}, then {@code SENT} or
	 * {@code FAILED} as the outbox reports it, see {@link PromptOutbox}), missed when as late or as badly timed as a
	 * missed prompt.
	 */
	private void endOfPlacementNote(Placement placement, Instant from, Instant now, boolean queueOnly) {
		Due due = calendar.endOfPlacement(placement);
		if (!due.instant().isAfter(from) || due.instant().isAfter(now)) {
			return;
		}
		boolean inTime = Duration.between(due.instant(), now).compareTo(settings.catchUp()) < 0
				&& quietHours.isAllowed(placement, now);
		Optional<PlacementNotice> claimed = notices.claim(PlacementNotice.claim(placement.getId(),
				PlacementNotice.END_OF_PLACEMENT, due.instant(), inTime ? PlacementNotice.CLAIMED : PlacementNotice.MISSED,
				now));
		if (claimed.isEmpty() || !inTime) {
			return;
		}
		Outgoing note = endOfPlacementNote(placement, claimed.get());
		Delivery delivery = queueOnly ? outbox.enqueue(note) : outbox.send(note);
		if (delivery.isSent()) {
			log.info("Sent the end-of-placement note to placement {}", placement.getId());
		}
	}

	private Outgoing endOfPlacementNote(Placement placement, PlacementNotice notice) {
		Locale locale = languages.of(placement.getParticipant());
		String text = messages.getMessage("endOfPlacement.text",
				new Object[] { placement.getHostOrganisation(), settings.followUpMonths() }, locale);
		return reachability.to(placement.getParticipant(), PromptOutbox.key(notice), MessageKind.NOTICE, notice.id(),
				ChatMessage.text(text), List.of(), locale, messages.getMessage("endOfPlacement.subject",
						new Object[] { placement.getHostOrganisation() }, locale));
	}

	/**
	 * The end-of-placement note claimed but not settled, as {@link #recoverClaimed} does for prompts: queued again
	 * when the outbox never got it (a crash or a store error between the claim and the outbox), else brought up to
	 * date from the outbox.
	 */
	private void recoverClaimedNotices(Placement placement, Known store) {
		for (PlacementNotice notice : store.claimedUnsentNotices(placement.getId())) {
			Optional<Delivery> known = outbox.find(PromptOutbox.key(notice));
			if (known.isEmpty()) {
				outbox.enqueue(endOfPlacementNote(placement, notice));
				log.info("Placement notice {} was claimed but never queued: queued now", notice.id());
			}
			else {
				promptOutbox.record(notice, known.get());
			}
		}
	}

	/** Why a due prompt is not to be sent: the calendar skipped it, or the participant is away that day. */
	private Optional<String> skipReason(Placement placement, Due due) {
		if (due.isSkipped()) {
			return Optional.of(due.skipReason());
		}
		if (preferences.of(placement.getParticipant().id()).isAwayOn(due.date())) {
			return Optional.of(SKIPPED_AWAY);
		}
		if (closures.closedOn(placement, due.date())) {
			return Optional.of(SKIPPED_CLOSED);
		}
		return Optional.empty();
	}

	private Optional<PromptDelivery> claimAsSkipped(Placement placement, Due due, String reason) {
		Prompt prompt = calendar.promptFor(placement, due);
		Optional<PromptOccurrence> claimed = occurrences
			.claim(PromptOccurrence.skipped(placement.getId(), prompt.id(), due, reason, clock.instant()));
		claimed.ifPresent(o -> log.info("Prompt {} for placement {} due {} recorded as skipped ({})", prompt.id(),
				placement.getId(), due.local(), reason));
		return claimed.map(PromptDelivery::of);
	}

	private Optional<PromptDelivery> claimAsMissed(Placement placement, Due due) {
		Prompt prompt = calendar.promptFor(placement, due);
		Optional<PromptOccurrence> claimed = occurrences
			.claim(PromptOccurrence.claim(placement.getId(), prompt.id(), due, OccurrenceStatus.MISSED, clock.instant()));
		claimed.ifPresent(o -> log.info("Prompt {} for placement {} due {} recorded as missed (more than {} late)",
				prompt.id(), placement.getId(), due.local(), settings.catchUp()));
		return claimed.map(PromptDelivery::of);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}
}
