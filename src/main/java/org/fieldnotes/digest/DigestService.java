package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.OutboxWorker;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.fieldnotes.prompting.PromptPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Sends weekly digests. Each send claims the recipient's week first, so a digest is never sent twice for a week,
 * whether the schedule fires, an admin asks, or the app restarts; a claim that never reached the outbox is sent the
 * next time the recipient's digest is asked for (the retried firing, a start, an admin's run). Recipients with a
 * chat account get a direct message there unless they chose e-mail; recipients with only an e-mail address, or who
 * chose e-mail, get an e-mail (channel {@code email}) when a mail server is configured. A chat member who chose
 * e-mail gets a DM instead when no mail server is configured, and the record says so ({@code fallback}).
 */
@Service
public class DigestService {

	private static final Logger log = LoggerFactory.getLogger(DigestService.class);
	private static final Duration WEEK = Duration.ofDays(7);
	/** How many recipients' digests a run claims in one write, and queues in another. */
	static final int BATCH = 500;
	/**
	 * How long a run's claim on a week may wait for its digest to reach the outbox: the claims of a batch are written
	 * before its digests are composed and queued, which took up to a minute for 500 digests (docs/performance.md,
	 * P3). A run that finds a week claimed and not in the outbox cannot ask whether its claimant is alive (another
	 * run, here or on another instance, may be composing it right now); it queues the digest under the claim's key
	 * all the same, so nothing is lost should that claimant have died (the outbox keeps one message per key), but it
	 * counts the week as its own only when the claim was left behind: older than this, or left by a run of this
	 * process that was cut off between its claims and its outbox write ({@link #cutOff}). A younger claim is the
	 * other run's, which counts it; so racing runs count every week once.
	 */
	static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

	/** The record's {@code fallback} when it went by e-mail because the chat platform cannot reach them yet. */
	static final String NOT_YET_REACHABLE = "not_yet_reachable";
	/** A programme's e-mail default, and no address is known for a chat member: by chat instead. */
	static final String NO_ADDRESS = "no_address";

	private final Recipients recipients;
	private final DigestRecords records;
	private final DigestComposer composer;
	private final PromptHistory prompts;
	private final Logbook logbook;
	private final DigestOutbox outbox;
	private final Mailer mailer;
	private final MessageSource messages;
	private final Languages languages;
	private final DigestPreferenceStore chosenDelivery;
	private final ProgramDigestDefaults programDefaults;
	private final Clock clock;
	private final DigestCharts charts;
	private final Reachability reachability;
	private final DigestRuns runs;
	private final RoleFactsLoader roleFacts;
	private final Attention attention;
	private final BlockerLines blockerLines;
	/** The claims of batches this process claimed and then failed to queue (a store error): left behind at once. */
	private final Set<String> cutOff = ConcurrentHashMap.newKeySet();

	DigestService(Recipients recipients, DigestRecords records, DigestComposer composer, PromptHistory prompts,
			Logbook logbook, DigestOutbox outbox, Mailer mailer, MessageSource messages, Languages languages,
			DigestPreferenceStore chosenDelivery, Clock clock, DigestCharts charts, Reachability reachability,
			DigestRuns runs, RoleFactsLoader roleFacts, Attention attention, BlockerLines blockerLines,
			ProgramDigestDefaults programDefaults) {
		this.programDefaults = programDefaults;
		this.recipients = recipients;
		this.records = records;
		this.composer = composer;
		this.prompts = prompts;
		this.logbook = logbook;
		this.outbox = outbox;
		this.mailer = mailer;
		this.messages = messages;
		this.languages = languages;
		this.chosenDelivery = chosenDelivery;
		this.clock = clock;
		this.charts = charts;
		this.reachability = reachability;
		this.runs = runs;
		this.roleFacts = roleFacts;
		this.attention = attention;
		this.blockerLines = blockerLines;
	}

	/** Sends this week's digest to every recipient who has not had it yet; returns what was sent or skipped. */
	public List<DigestRecord> sendAll() {
		List<DigestRecord> sent = new ArrayList<>();
		List<Recipient> all = recipients.all();
		Week week = week(all, clock.instant());
		try (var facts = roleFacts.preload(week.placementIds());
				var flags = attention.preload(week.placementIds());
				var moods = charts.preload(week.placementIds());
				var blockerItems = blockerLines.preload(week.placementIds())) {
			for (Recipient recipient : all) {
				handle(recipient, Pace.NOW, week).map(Handled::record).ifPresent(sent::add);
			}
		}
		log.info("Digests: {} of {} recipients handled this run", sent.size(), all.size());
		return sent;
	}

	/**
	 * Composes this week's digest for every recipient who has not had it yet and queues it in the outbox, without
	 * sending anything: the outbox's worker delivers them at the platforms' pace. Each recipient's week is claimed
	 * first, as when it is sent, so a run that stops half-way (a crash, a store error) leaves nothing lost or doubled:
	 * what was queued goes out, and a week claimed but never queued is sent at the next start or run. The run is
	 * recorded, to be followed with {@link DigestRuns#progress}.
	 */
	public DigestRun.Started queueAll() {
		Instant startedAt = clock.instant();
		List<Recipient> all = recipients.all();
		Week week = week(all, startedAt);
		List<Handled> handled = new ArrayList<>();
		// each placement's status updates, engagement and attention flags, read once for the run, not per placement
		// and recipient
		try (var facts = roleFacts.preload(week.placementIds());
				var flags = attention.preload(week.placementIds());
				var moods = charts.preload(week.placementIds());
				var blockerItems = blockerLines.preload(week.placementIds())) {
			for (int start = 0; start < all.size(); start += BATCH) {
				handled.addAll(queueBatch(all.subList(start, Math.min(all.size(), start + BATCH)), week));
			}
		}
		DigestRun run = runs.record(startedAt, all.size(), handled);
		log.info("Digests: {} of {} recipients handled by run {}, {} queued", handled.size(), all.size(), run.id(),
				run.queuedCount());
		return new DigestRun.Started(run, handled.stream().map(Handled::record).toList());
	}

	/**
	 * Claims and queues the digests of a batch of recipients with two writes to the store, not two or three per
	 * digest (each write is committed and synced before the store answers): first every claim, in one unordered
	 * insert, each decided on its own by the unique recipient + week (a claim another run or instance holds is left
	 * to {@link #recover}, as when one claim at a time loses), with how the digest goes already in it (its fallback,
	 * or why it is skipped); then the digests of the claims won, in one insert into the outbox. A crash or store
	 * error between the two leaves claims never queued: each is sent when that recipient's digest is next asked for
	 * (a start, a run, the schedule), composed as at its claim.
	 */
	private List<Handled> queueBatch(List<Recipient> batch, Week loaded) {
		Instant now = loaded.to();
		Instant from = now.minus(WEEK);
		List<Handled> handled = new ArrayList<>();
		List<Planned> planned = new ArrayList<>();
		// what each recipient's digest depends on besides the week (this week's record, how they want it, their
		// language), read for the whole batch in one query each, not once per recipient
		Map<String, String> weekByRecipient = new LinkedHashMap<>();
		batch.forEach(recipient -> weekByRecipient.put(recipient.key(), weekOf(recipient, now)));
		Map<String, DigestRecord> knownRecords = records.findAll(weekByRecipient);
		Map<String, DigestPreference> chosen = chosenDelivery.findAll(weekByRecipient.keySet());
		Map<String, ProgramSettings> programmes = programDefaults.programmes();
		try (var locales = languages.preload(batch.stream().map(Recipient::person).toList())) {
			for (Recipient recipient : batch) {
				String week = weekByRecipient.get(recipient.key());
				DigestRecord known = knownRecords.get(recipient.key());
				if (known != null) {
					recoverFound(recipient, known).ifPresent(handled::add);
					continue;
				}
				List<PlacementWeek> weeks = weeksOf(recipient, loaded);
				if (weeks.isEmpty()) {
					continue;
				}
				Route route = route(recipient, Optional.ofNullable(chosen.get(recipient.key())),
						ProgramDigestDefaults.of(recipient, programmes));
				planned.add(new Planned(recipient, weeks, route,
						new DigestRecord(UUID.randomUUID().toString(), recipient.key(), week,
								route.skipped() == null ? DigestStatus.CLAIMED : DigestStatus.SKIPPED, now, null, null,
								null, placementIds(weeks), entryIds(weeks), occurrenceIds(weeks), route.skipped(),
								route.fallback())));
			}
			return claimAndQueue(planned, handled, from, now);
		}
	}

	/** The second half of {@link #queueBatch}: the batch's claims in one write, then its digests in another. */
	private List<Handled> claimAndQueue(List<Planned> planned, List<Handled> handled, Instant from, Instant now) {
		Set<String> won = records.claimEach(planned.stream().map(Planned::claim).toList())
			.stream()
			.map(DigestRecord::id)
			.collect(Collectors.toSet());
		try {
			List<Outgoing> queued = new ArrayList<>();
			for (Planned digest : planned) {
				DigestRecord claim = digest.claim();
				if (!won.contains(claim.id())) {
					// claimed meanwhile by another run or instance
					records.find(claim.recipientKey(), claim.week())
						.flatMap(record -> recoverFound(digest.recipient(), record))
						.ifPresent(handled::add);
					continue;
				}
				if (digest.route().skipped() != null) {
					warnSkipped(claim, digest.route());
					handled.add(new Handled(claim, null));
					continue;
				}
				queued.add(outgoing(digest.recipient(), claim, digest.weeks(), from, now, digest.route()));
				handled.add(new Handled(claim, digest.route().channel(digest.recipient())));
			}
			outbox.queueAll(queued);
		}
		catch (RuntimeException e) {
			// this run's claims stay without their digests: the next run recovers them as its own, without waiting
			planned.stream()
				.map(Planned::claim)
				.filter(claim -> won.contains(claim.id()) && claim.status() == DigestStatus.CLAIMED)
				.forEach(claim -> cutOff.add(claim.id()));
			throw e;
		}
		return handled;
	}

	/**
	 * A week a run found claimed: its digest is queued under that claim if it never reached the outbox
	 * ({@link #recover}), but it is this run's to report only when the claim was left behind, not when another run
	 * may still be queueing it (see {@link #CLAIM_LEASE}).
	 */
	private Optional<Handled> recoverFound(Recipient recipient, DigestRecord claim) {
		boolean leftBehind = cutOff.contains(claim.id())
				|| !claim.claimedAt().isAfter(clock.instant().minus(CLAIM_LEASE));
		Optional<Handled> recovered = recover(recipient, claim, Pace.QUEUED);
		cutOff.remove(claim.id());
		return leftBehind ? recovered : Optional.empty();
	}

	/** A recipient's digest in a batch, before its claim: what it holds, how it goes, and the claim to insert. */
	private record Planned(Recipient recipient, List<PlacementWeek> weeks, Route route, DigestRecord claim) {
	}

	/**
	 * The start's catch-up: this week's digest of each of these recipients (whose digest time passed while the app
	 * was down, or whose week was claimed and never settled), claimed and queued in batches as a run does, for the
	 * outbox's worker to send at the platforms' pace; a week already claimed goes only if its claim never reached the
	 * outbox ({@link #recover}). Unlike {@link #queueAll}, no run is recorded.
	 * @return the records of the digests queued (or skipped) under its own claims or claims left behind (a claim
	 * another run may still be queueing is queued too, see {@link #CLAIM_LEASE}, but is not among them)
	 */
	List<DigestRecord> queue(List<Recipient> due) {
		Week week = week(due, clock.instant());
		List<DigestRecord> handled = new ArrayList<>();
		try (var facts = roleFacts.preload(week.placementIds());
				var flags = attention.preload(week.placementIds());
				var moods = charts.preload(week.placementIds());
				var blockerItems = blockerLines.preload(week.placementIds())) {
			for (int start = 0; start < due.size(); start += BATCH) {
				queueBatch(due.subList(start, Math.min(due.size(), start + BATCH)), week).stream()
					.map(Handled::record)
					.forEach(handled::add);
			}
		}
		return handled;
	}

	/**
	 * Sends this week's digest now to every manager and coach of one placement, as {@link #sendAll()} would (each
	 * claims their week first, so someone who already had this week's digest gets nothing more); for the demo's
	 * "send the digests now". Each recipient's digest holds every placement they follow, as always.
	 */
	public List<DigestRecord> sendFor(String placementId) {
		List<DigestRecord> sent = new ArrayList<>();
		for (Recipient recipient : recipients.all()) {
			if (recipient.placements().stream().anyMatch(f -> f.placement().getId().equals(placementId))) {
				send(recipient).ifPresent(sent::add);
			}
		}
		return sent;
	}

	/** What became of the recipient's digest of this week; empty when it was never claimed. */
	Optional<DigestStatus> thisWeek(Recipient recipient) {
		return records.find(recipient.key(), weekOf(recipient, clock.instant())).map(DigestRecord::status);
	}

	/**
	 * Claims the recipient's week, then delivers the last 7 days of their placements. A week already claimed is
	 * delivered only when its claim was never followed by its message, see {@link #recover}.
	 */
	Optional<DigestRecord> send(Recipient recipient) {
		return handle(recipient, Pace.NOW, week(List.of(recipient), clock.instant())).map(Handled::record);
	}

	/** Whether a digest is sent in the caller's thread (and retried by the outbox), or only queued for its worker. */
	private enum Pace {
		NOW, QUEUED
	}

	/**
	 * A recipient's digest as it left this run: its record, and how it went ({@code slack}, {@code teams},
	 * {@code web}, {@code email}); {@literal null} when nothing went (skipped).
	 */
	record Handled(DigestRecord record, String channel) {
	}

	private Optional<Handled> handle(Recipient recipient, Pace pace, Week loaded) {
		Instant now = loaded.to();
		String week = weekOf(recipient, now);
		Optional<DigestRecord> known = records.find(recipient.key(), week);
		if (known.isEmpty()) {
			Instant from = now.minus(WEEK);
			List<PlacementWeek> weeks = weeksOf(recipient, loaded);
			if (weeks.isEmpty()) {
				return Optional.empty();
			}
			Optional<DigestRecord> claimed = records.claim(new DigestRecord(UUID.randomUUID().toString(),
					recipient.key(), week, DigestStatus.CLAIMED, now, null, null, null, placementIds(weeks),
					entryIds(weeks), occurrenceIds(weeks), null));
			if (claimed.isPresent()) {
				return Optional.of(deliver(recipient, claimed.get(), weeks, from, now, pace));
			}
			// claimed meanwhile by another thread or instance
			known = records.find(recipient.key(), week);
		}
		return known.flatMap(record -> recover(recipient, record, pace));
	}

	/**
	 * A week claimed but never queued in the outbox (a crash, or a store error, between the claim and the outbox) is
	 * delivered now, under the claim's own key, composed as at the moment it was claimed. Whoever else may be
	 * delivering it at this moment (another instance whose trigger fired too) uses the same key, so the outbox lets
	 * one message through. A week the outbox has is only brought up to date from it; a settled week is left alone.
	 */
	private Optional<Handled> recover(Recipient recipient, DigestRecord record, Pace pace) {
		if (record.status() != DigestStatus.CLAIMED || !outbox.neverQueued(record)) {
			log.debug("Digest {} for a recipient was already claimed", record.week());
			return Optional.empty();
		}
		Instant at = record.claimedAt();
		Instant from = at.minus(WEEK);
		List<PlacementWeek> weeks = weeksOf(recipient, week(List.of(recipient), at));
		if (weeks.isEmpty()) {
			return Optional.of(skipped(record, "nothing_to_send"));
		}
		log.info("Digest {} was claimed but never queued: sending it now", record.week());
		// what the digest contains now (a visibility may have changed since the claim)
		records.finish(record.id(), new Update().set("placementIds", placementIds(weeks))
			.set("entryIds", entryIds(weeks))
			.set("occurrenceIds", occurrenceIds(weeks)));
		return Optional.of(deliver(recipient, record, weeks, from, at, pace));
	}

	private Handled deliver(Recipient recipient, DigestRecord record, List<PlacementWeek> weeks, Instant from,
			Instant now, Pace pace) {
		Route route = route(recipient);
		if (route.fallback() != null) {
			records.finish(record.id(), new Update().set("fallback", route.fallback()));
		}
		if (route.skipped() != null) {
			warnSkipped(record, route);
			return skipped(record, route.skipped());
		}
		Outgoing digest = outgoing(recipient, record, weeks, from, now, route);
		Delivery delivery = pace == Pace.NOW ? outbox.send(digest) : outbox.queue(digest);
		if (delivery.isSent()) {
			log.info("Digest {} {}: {} placements, {} entries", record.week(), route.byEmail() ? "e-mailed" : "sent",
					weeks.size(), entryIds(weeks).size());
		}
		return handled(record, route.channel(recipient));
	}

	/**
	 * How a recipient's digest goes, decided before it is sent (or claimed, in a batch): by chat, or by e-mail to an
	 * address; with why it does not go as they chose ({@code fallback}), or why it cannot go at all ({@code skipped}).
	 *
	 * @param address the e-mail address, when it goes by e-mail
	 */
	private record Route(boolean byEmail, String address, String fallback, String skipped) {

		/** {@code slack}, {@code teams}, {@code web}, {@code email}; {@literal null} when skipped. */
		String channel(Recipient recipient) {
			return skipped != null ? null
					: byEmail ? OutboxWorker.EMAIL_CHANNEL : recipient.person().chatAccount().platform();
		}
	}

	/**
	 * Recipients with a chat account get a direct message there unless they chose e-mail; those with only an e-mail
	 * address, or who chose e-mail, get an e-mail when a mail server is configured (a chat member gets a DM instead,
	 * {@code mail_not_configured}); a chat member the platform cannot reach yet gets an e-mail meanwhile. A digest
	 * that would go by e-mail without an address, or without a mail server, is skipped.
	 */
	private Route route(Recipient recipient) {
		return route(recipient, chosenDelivery.find(recipient.key()), programDefaults.of(recipient));
	}

	/**
	 * {@link #route(Recipient)} with the delivery they chose and their programmes' defaults, read already. A channel
	 * they chose wins; else their programme's ({@link ProgramDigestDefaults}): e-mail there goes to their address
	 * (the one they confirmed, else the placement's), and a chat member with no address gets the digest by chat
	 * meanwhile, the record saying why ({@code fallback: no_address}).
	 */
	private Route route(Recipient recipient, Optional<DigestPreference> chosen,
			ProgramDigestDefaults.Defaults programme) {
		Person person = recipient.person();
		String fallback = null;
		DigestChannel own = chosen.map(DigestPreference::channel).orElse(null);
		boolean programmeEmail = own == null && programme.channel() == DigestChannel.EMAIL;
		if (!person.hasChat() || own == DigestChannel.EMAIL || programmeEmail) {
			if (person.hasChat() && !mailer.configured()) {
				return new Route(false, null, "mail_not_configured", null);
			}
		}
		else if (reachability.byEmailMeanwhile(person)) {
			// their chat platform cannot reach them yet (Teams before they installed the app): e-mail meanwhile
			fallback = NOT_YET_REACHABLE;
		}
		else {
			return new Route(false, null, null, null);
		}
		String chosenAddress = chosen.map(DigestPreference::email).orElse(null);
		String address = chosenAddress != null && !chosenAddress.isBlank() ? chosenAddress : person.email();
		if (programmeEmail && person.hasChat() && (address == null || address.isBlank())) {
			// the programme's default, not their choice: no address of theirs is known, so chat rather than nothing
			return new Route(false, null, NO_ADDRESS, null);
		}
		String skipped = address == null || address.isBlank() ? "no_address"
				: !mailer.configured() ? "mail_not_configured" : null;
		return new Route(true, address, fallback, skipped);
	}

	private static void warnSkipped(DigestRecord record, Route route) {
		if ("no_address".equals(route.skipped())) {
			log.warn("Digest {} (record {}, {}) skipped: the recipient has neither chat nor an e-mail address",
					record.week(), record.id(), placements(record));
		}
		else {
			log.warn("Digest {} (record {}, {}) skipped: the recipient has only an e-mail address and no mail "
					+ "server is configured (set SPRING_MAIL_HOST)", record.week(), record.id(), placements(record));
		}
	}

	/**
	 * The placements of a digest for a log line: their ids when a few, else how many (a coordinator's recipient may
	 * follow thousands, and one line listing them all ran to 350 KB in P4).
	 */
	static String placements(DigestRecord record) {
		List<String> ids = record.placementIds() == null ? List.of() : record.placementIds();
		int shown = 5;
		return ids.size() <= shown ? "placements " + ids
				: ids.size() + " placements, the first " + ids.subList(0, shown);
	}

	/** The digest of a claimed record, composed, on its way: a DM, or an e-mail (when it goes by e-mail). */
	private Outgoing outgoing(Recipient recipient, DigestRecord record, List<PlacementWeek> weeks, Instant from,
			Instant now, Route route) {
		if ("mail_not_configured".equals(route.fallback())) {
			log.warn("Digest {} (record {}, {}) goes as a chat DM: the recipient chose e-mail and no mail "
					+ "server is configured (set SPRING_MAIL_HOST)", record.week(), record.id(), placements(record));
		}
		if (!route.byEmail()) {
			return DigestOutbox.chat(record, recipient.person(), compose(recipient, weeks, from, now),
					charts.of(recipient, weeks));
		}
		Person person = recipient.person();
		Locale locale = languages.of(person);
		String subject = messages.getMessage("mail.digest.subject", new Object[] { weeks.size() }, locale);
		ChatMessage digest = compose(recipient.viaEmail(), weeks, from, now);
		Optional<ChatAccount> waiting = reachability.notYetReachable(person);
		if (waiting.isPresent()) {
			digest = reachability.withInvitation(digest, waiting.get(), locale);
		}
		OutboxMail mail = new OutboxMail(route.address(), person.name(), locale.toLanguageTag(), subject);
		return DigestOutbox.email(record, mail, digest, charts.of(recipient, weeks));
	}

	/** The record as it stands now (as handed to this run, e.g. CLAIMED when queued), and how it went. */
	private Handled handled(DigestRecord record, String channel) {
		return new Handled(records.find(record.recipientKey(), record.week()).orElse(record), channel);
	}

	private Handled skipped(DigestRecord record, String why) {
		records.finish(record.id(), new Update().set("status", DigestStatus.SKIPPED).set("failure", why));
		return handled(record, null);
	}

	private static List<String> placementIds(List<PlacementWeek> weeks) {
		return weeks.stream().map(w -> w.placement().getId()).toList();
	}

	private static List<String> entryIds(List<PlacementWeek> weeks) {
		return weeks.stream().flatMap(w -> w.entries().stream()).map(LogbookEntry::id).toList();
	}

	private static List<String> occurrenceIds(List<PlacementWeek> weeks) {
		return weeks.stream().flatMap(w -> w.prompts().stream()).map(PromptOccurrence::getId).toList();
	}

	/**
	 * The digest a person would get if it were sent now, without sending or claiming anything (what
	 * {@code /fieldnotes digest preview} shows). Empty when they follow no placement that is in its digest period.
	 */
	public Optional<ChatMessage> preview(PersonId person) {
		return preview(person, false);
	}

	/**
	 * Someone's digest as an admin may see it ({@code /fieldnotes digest preview @person}): the same digest, with
	 * only the entries and status updates both the recipient's role and an admin may read. Admins are not the
	 * academic coach: what is confidential to the coach stays out, as does anything private.
	 */
	public Optional<ChatMessage> previewForAdmin(PersonId person) {
		return preview(person, true);
	}

	private Optional<ChatMessage> preview(PersonId person, boolean adminReading) {
		Instant now = clock.instant();
		Instant from = now.minus(WEEK);
		return recipients.all()
			.stream()
			.filter(r -> r.person().id().equals(person))
			.findFirst()
			.map(r -> {
				List<PlacementWeek> weeks = weeksOf(r, week(List.of(r), now)).stream()
					.map(w -> new PlacementWeek(w.placement(), w.role(), w.prompts(), w.readableEntries(), adminReading))
					// a follow-up the admin may not read leaves nothing of its placement to show them
					.filter(w -> inDigestPeriod(w.placement(), w.placement().dateAt(now))
							|| !w.readableEntries().isEmpty())
					.toList();
				return weeks.isEmpty() ? null : compose(r, weeks, from, now);
			});
	}

	/**
	 * The last 7 days of each placement the recipient follows that is in its digest period, with only the entries
	 * their role may read (so nothing else reaches the composer, the summary or the digest record).
	 */
	private List<PlacementWeek> weeksOf(Recipient recipient, Week week) {
		return recipient.placements()
			.stream()
			.filter(f -> inDigestPeriod(f.placement(), f.placement().dateAt(week.to()))
					|| week.followUps().contains(f.placement().getId()))
			.map(f -> new PlacementWeek(f.placement(), f.role(), week.prompts(f.placement().getId()),
					week.entries(f.placement().getId()).stream().filter(entry -> entry.readableBy(f.role())).toList()))
			// after its digest period a placement is here only for its follow-up answer: for those who may read it
			.filter(w -> !week.followUps().contains(w.placement().getId()) || !w.readableEntries().isEmpty())
			.toList();
	}

	/**
	 * The 7 days before {@code to} of every placement these recipients follow (in its digest period): its prompts and
	 * entries, read in one query per batch of placements rather than two per placement (a run of 3,000 recipients
	 * would otherwise ask the store 30,000 times).
	 */
	private Week week(List<Recipient> recipients, Instant to) {
		Instant from = to.minus(WEEK);
		Set<String> placementIds = new LinkedHashSet<>();
		Set<String> over = new LinkedHashSet<>();
		for (Recipient recipient : recipients) {
			for (Recipient.Followed followed : recipient.placements()) {
				LocalDate today = followed.placement().dateAt(to);
				if (inDigestPeriod(followed.placement(), today)) {
					placementIds.add(followed.placement().getId());
				}
				else if (today.isAfter(followed.placement().getEndDate())) {
					over.add(followed.placement().getId());
				}
			}
		}
		// placements past their digest period come back for the week their follow-up was answered in, with that
		// answer only (the one prompt that goes after the end), so the effects reach whoever may read them
		Map<String, List<LogbookEntry>> followUps = over.isEmpty() ? Map.of()
				: logbook.entriesBetween(over, from, to).stream()
					.filter(this::answersFollowUp)
					.collect(Collectors.groupingBy(LogbookEntry::placementId));
		placementIds.addAll(followUps.keySet());
		if (placementIds.isEmpty()) {
			return new Week(from, to, Set.of(), Map.of(), Map.of(), Set.of());
		}
		Map<String, List<LogbookEntry>> entries = new LinkedHashMap<>(logbook
			.entriesBetween(placementIds.stream().filter(id -> !followUps.containsKey(id)).toList(), from, to)
			.stream()
			.collect(Collectors.groupingBy(LogbookEntry::placementId)));
		entries.putAll(followUps);
		return new Week(from, to, placementIds,
				prompts.within(placementIds, from, to).stream()
					.collect(Collectors.groupingBy(PromptOccurrence::getPlacementId)),
				entries, followUps.keySet());
	}

	/** Whether an entry answers a follow-up prompt (the one some months after the end). */
	private boolean answersFollowUp(LogbookEntry entry) {
		return entry.promptId() != null
				&& prompts.prompt(entry.promptId()).map(p -> p.phase() == PromptPhase.FOLLOW_UP).orElse(false);
	}

	/**
	 * The week {@code [from, to)} of many placements, by placement id, each list oldest first.
	 *
	 * @param followUps placements past their digest period that are here for their follow-up answer
	 */
	private record Week(Instant from, Instant to, Set<String> placementIds,
			Map<String, List<PromptOccurrence>> promptsById,
			Map<String, List<LogbookEntry>> entriesById, Set<String> followUps) {

		List<PromptOccurrence> prompts(String placementId) {
			return promptsById.getOrDefault(placementId, List.of());
		}

		List<LogbookEntry> entries(String placementId) {
			return entriesById.getOrDefault(placementId, List.of());
		}
	}

	private ChatMessage compose(Recipient recipient, List<PlacementWeek> weeks, Instant from, Instant now) {
		return composer.compose(recipient, weeks, from, now);
	}

	/**
	 * A placement is in digests from its start date until a week after its end date (so the final week is
	 * reported), not before it starts and not for ever after it ends; {@code today} is the participant's date, like
	 * every placement week.
	 */
	static boolean inDigestPeriod(Placement placement, LocalDate today) {
		return !today.isBefore(placement.getStartDate()) && !today.isAfter(placement.getEndDate().plusDays(7));
	}

	/** The recipient's ISO week at an instant, in their own time zone, e.g. {@code 2026-W48}. */
	static String weekOf(Recipient recipient, Instant at) {
		LocalDate date = at.atZone(recipient.person().zone()).toLocalDate();
		return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}
}
