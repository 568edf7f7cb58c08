package org.fieldnotes.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.placement.PlacementChanged;
import org.fieldnotes.placement.ProgramDigestDefaultsChanged;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.PlacementsChangedElsewhere;
import org.fieldnotes.placement.PlacementsEnrolled;
import org.fieldnotes.schedule.OneShotTriggers;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz trigger per recipient at their next digest time: the day and time they chose ({@link DigestPreference}),
 * else their programme's ({@link ProgramDigestDefaults}), by default Monday 08:00, in their own time zone; rebuilt
 * when a programme's digest defaults change. Rebuilt from the placements at start and whenever a placement
 * changes; one recipient's trigger is moved at once when they change their settings. A week whose digest is already
 * recorded is skipped when scheduling, so moving the day never sends a second digest for a week.
 * Programme coordinators are recipients too, of the cohort digest, under their own key ({@code admin:<member id>});
 * their triggers are rebuilt when an admin is added or removed as well. A cohort import rebuilds them once, when it
 * is done ({@link PlacementsEnrolled}), not once per row. A firing that fails (the store is down) fires again after a
 * backoff ({@link OneShotTriggers#fire}), and sends the week's digest then.
 */
@Component
class DigestScheduler {

	private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
	static final String GROUP = "digests";

	private final OneShotTriggers triggers;
	private final Recipients recipients;
	private final DigestService digests;
	private final DigestSettings settings;
	private final DigestPreferenceStore preferences;
	private final DigestRecords records;
	private final Clock clock;
	private final CohortDigests cohort;
	private final ProgramDigestDefaults programDefaults;
	/** The start's catch-up, fired on a Quartz thread once the app is ready. */
	private final OneShotTriggers startTrigger;
	private volatile String progress = "not started";

	DigestScheduler(Scheduler quartz, Recipients recipients, DigestService digests, DigestSettings settings,
			DigestPreferenceStore preferences, DigestRecords records, Clock clock, CohortDigests cohort,
			ProgramDigestDefaults programDefaults) {
		this.programDefaults = programDefaults;
		this.triggers = new OneShotTriggers(quartz, clock, GROUP, DigestJob.class);
		this.recipients = recipients;
		this.digests = digests;
		this.settings = settings;
		this.preferences = preferences;
		this.records = records;
		this.clock = clock;
		this.cohort = cohort;
		this.startTrigger = new OneShotTriggers(quartz, clock, DigestStartUpJob.GROUP, DigestStartUpJob.class);
	}

	/**
	 * At start: the catch-up's trigger fires now, on a Quartz thread ({@link DigestStartUpJob}), so that the app is
	 * ready (and reports UP) while it reads every recipient; the health's {@code digestSchedule} says how far it is.
	 * Nothing is lost meanwhile: no digest trigger exists in this process before the catch-up sets them, and the
	 * catch-up queues every digest due since the app stopped, from the instant it begins (see {@link #startUp()});
	 * nothing is doubled: a run, a firing or another instance claims each week first, as always.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void afterReady() {
		progress = "waiting to catch up";
		startTrigger.set(DigestStartUpJob.NAME, clock.instant());
	}

	/**
	 * The catch-up's trigger fired: {@link #startUp()}. When it fails (the store is down), it fires again after a
	 * backoff and starts over, which is safe: what it queued is claimed, so a second catch-up skips it.
	 */
	void startUpFiring() {
		startTrigger.fire(DigestStartUpJob.NAME, () -> {
			try {
				startUp();
			}
			catch (RuntimeException e) {
				progress = "catch-up failed; trying again";
				throw e;
			}
		});
	}

	/** What the health says of the digests' start: waiting to catch up, catching up, or caught up. */
	String progress() {
		return progress;
	}

	/**
	 * The start's catch-up: every digest due in the last {@code catchUp} (12 h) that was never claimed (missed while
	 * the app was down), and every week of this one claimed and never settled, however late (its claim may never
	 * have reached the outbox), is queued for the outbox's worker, in batches ({@link DigestService#queue}), not sent
	 * one by one. Then every trigger is set, from the catch-up's own instant: a digest whose time falls while a long
	 * catch-up runs is neither due at its start nor after the time the schedule is set, and would slip to the next
	 * week; its trigger is set to that time instead, already passed, and Quartz fires it at once (misfire: fire now).
	 * The recipients are read once for both, and their records and digest settings once for all.
	 * Should the store fail during the catch-up, each of those recipients' digests is tried on its own, and one that
	 * fails again is retried by its trigger after a backoff ({@link OneShotTriggers#fire}).
	 */
	void startUp() {
		long startedAt = System.nanoTime();
		Instant now = clock.instant();
		progress = "catching up: reading the recipients";
		List<Recipient> all = recipients.all();
		Map<String, DigestPreference> chosen = preferences.findAll(all.stream().map(Recipient::key).toList());
		Map<String, ProgramSettings> programmes = programDefaults.programmes();
		Map<String, String> thisWeekOf = new LinkedHashMap<>();
		all.forEach(r -> thisWeekOf.put(r.key(), DigestService.weekOf(r, now)));
		Map<String, DigestRecord> thisWeek = records.findAll(thisWeekOf);
		List<Recipient> due = all.stream()
			.filter(r -> dueAtStart(r, Optional.ofNullable(thisWeek.get(r.key())).map(DigestRecord::status), now,
					Optional.ofNullable(chosen.get(r.key())), ProgramDigestDefaults.of(r, programmes)))
			.toList();
		String missed = "0 missed digests queued";
		if (!due.isEmpty()) {
			progress = "catching up: queueing " + due.size() + " missed digests of " + all.size() + " recipients";
			try {
				log.info("Digests at start: {} missed or never queued, queueing them", due.size());
				missed = digests.queue(due).size() + " missed digests queued";
			}
			catch (RuntimeException e) {
				log.warn("Digests at start: the catch-up failed ({}); trying each on its own",
						e.getClass().getSimpleName());
				for (Recipient recipient : due) {
					triggers.fire(recipient.key(), () -> digests.send(recipient));
				}
				missed = due.size() + " missed digests tried one by one (the store failed)";
			}
		}
		for (Coordinator coordinator : cohort.coordinators()) {
			if (dueAtStart(coordinator.asRecipient(), cohort.thisWeek(coordinator), now,
					preferences.find(coordinator.key()), ProgramDigestDefaults.Defaults.NONE)) {
				triggers.fire(coordinator.key(), () -> cohort.send(coordinator));
			}
		}
		progress = "catching up: scheduling " + all.size() + " recipients";
		rebuild(all, now, chosen, programmes);
		progress = "caught up: " + missed + ", " + all.size() + " recipients scheduled";
		log.info("Digests at start: caught up and scheduled {} recipients in {} ms", all.size(),
				Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
	}

	private boolean dueAtStart(Recipient recipient, Optional<DigestStatus> thisWeek, Instant now,
			Optional<DigestPreference> chosen, ProgramDigestDefaults.Defaults programme) {
		if (thisWeek.isPresent()) {
			return thisWeek.get() == DigestStatus.CLAIMED;
		}
		Instant last = nextAfter(recipient, now.minus(Duration.ofDays(7)), chosen, programme);
		return !last.isAfter(now) && Duration.between(last, now).compareTo(settings.catchUp()) < 0;
	}

	/** Every placement change but those of a batch, whose end ({@link PlacementsEnrolled}) rebuilds once. */
	@EventListener
	void on(PlacementChanged changed) {
		if (!changed.batched()) {
			rebuild();
		}
	}

	/**
	 * Placements changed through other instances (read from the store's change log): the same rebuild as for a
	 * change made here, once per poll however many changed.
	 */
	@EventListener(PlacementsChangedElsewhere.class)
	void changedElsewhere() {
		rebuild();
	}

	/**
	 * Sets every recipient's and coordinator's trigger, and removes those of people who are neither any more. The
	 * times are worked out first and set after, so a store error leaves the triggers as they were; a pending retry
	 * of a failed firing stays.
	 */
	@EventListener({ PlacementsEnrolled.class, CoordinatorsChanged.class, ProgramDigestDefaultsChanged.class })
	void rebuild() {
		List<Recipient> all = recipients.all();
		rebuild(all, clock.instant(), preferences.findAll(all.stream().map(Recipient::key).toList()),
				programDefaults.programmes());
	}

	/**
	 * Sets every trigger to its first digest time after {@code now}, as {@link #nextDigest(Recipient)} works it out,
	 * with the recipients' settings ({@code chosen}) and the records of the weeks those times fall in read once for
	 * all, not once per recipient.
	 */
	private void rebuild(List<Recipient> all, Instant now, Map<String, DigestPreference> chosen,
			Map<String, ProgramSettings> programmes) {
		Map<String, Instant> next = new LinkedHashMap<>();
		Map<String, String> weekOfNext = new LinkedHashMap<>();
		Map<String, ProgramDigestDefaults.Defaults> programme = new LinkedHashMap<>();
		all.forEach(r -> programme.put(r.key(), ProgramDigestDefaults.of(r, programmes)));
		for (Recipient recipient : all) {
			Instant at = nextAfter(recipient, now, Optional.ofNullable(chosen.get(recipient.key())),
					programme.get(recipient.key()));
			next.put(recipient.key(), at);
			weekOfNext.put(recipient.key(), DigestService.weekOf(recipient, at));
		}
		Map<String, DigestRecord> recorded = records.findAll(weekOfNext);
		for (Recipient recipient : all) {
			if (recorded.containsKey(recipient.key())) {
				// that week's digest went already (they moved their day): the same time a week later
				next.put(recipient.key(), nextAfter(recipient, next.get(recipient.key()),
						Optional.ofNullable(chosen.get(recipient.key())), programme.get(recipient.key())));
			}
		}
		for (Coordinator coordinator : cohort.coordinators()) {
			next.put(coordinator.key(), nextAfter(coordinator.asRecipient(), now));
		}
		for (String name : triggers.names()) {
			if (!next.containsKey(name)) {
				triggers.cancel(name);
			}
		}
		next.forEach(triggers::set);
		log.debug("Digest schedule rebuilt: {} recipients", next.size());
	}

	/**
	 * The firing of a recipient's (or coordinator's) trigger: this week's digest, then the trigger set to the next
	 * one; when either fails, the same firing comes again after a backoff.
	 */
	void fire(String recipientKey) {
		triggers.fire(recipientKey, () -> {
			if (Coordinator.isKey(recipientKey)) {
				Optional<Coordinator> coordinator = cohort.coordinator(recipientKey);
				coordinator.ifPresent(cohort::send);
				setOrCancel(recipientKey, coordinator.map(c -> nextAfter(c.asRecipient(), clock.instant())));
				return;
			}
			Optional<Recipient> recipient = recipient(recipientKey);
			recipient.ifPresent(digests::send);
			setOrCancel(recipientKey, recipient.map(this::nextDigest));
		});
	}

	/**
	 * Moves one recipient's trigger to their next digest time after they changed their settings.
	 * @return the new time; empty when they are not a recipient (their trigger, if any, is removed)
	 */
	Optional<Instant> reschedule(String recipientKey) {
		Optional<Instant> next = recipient(recipientKey).map(this::nextDigest);
		setOrCancel(recipientKey, next);
		return next;
	}

	private Optional<Recipient> recipient(String recipientKey) {
		return recipients.all().stream().filter(r -> r.key().equals(recipientKey)).findFirst();
	}

	private void setOrCancel(String recipientKey, Optional<Instant> next) {
		if (next.isPresent()) {
			triggers.set(recipientKey, next.get());
		}
		else {
			triggers.cancel(recipientKey);
		}
	}

	/**
	 * The recipient's next digest time from now; when that falls in a week whose digest is already recorded (they
	 * moved their day after this week's went out), the same time a week later.
	 */
	Instant nextDigest(Recipient recipient) {
		return nextDigest(recipient, clock.instant());
	}

	/** The recipient's next digest time after {@code now}, as {@link #nextDigest(Recipient)}. */
	private Instant nextDigest(Recipient recipient, Instant now) {
		Instant next = nextAfter(recipient, now);
		if (records.exists(recipient.key(), DigestService.weekOf(recipient, next))) {
			next = nextAfter(recipient, next);
		}
		return next;
	}

	/** When the recipient's trigger (or the retry of a failed firing) fires next, if it has one. */
	Optional<Instant> nextFireTime(String recipientKey) {
		return triggers.nextFireTime(recipientKey);
	}

	/**
	 * The recipient's first digest time strictly after {@code after}, on their day and time, in their own zone: the
	 * day and time they chose, else their programmes' ({@link ProgramDigestDefaults}), else the global defaults.
	 */
	Instant nextAfter(Recipient recipient, Instant after) {
		return nextAfter(recipient, after, preferences.find(recipient.key()), programDefaults.of(recipient));
	}

	/** {@link #nextAfter(Recipient, Instant)} with their settings and their programmes' read already. */
	private Instant nextAfter(Recipient recipient, Instant after, Optional<DigestPreference> chosen,
			ProgramDigestDefaults.Defaults programme) {
		DayOfWeek day = chosen.map(DigestPreference::day)
			.orElse(programme.day() != null ? programme.day() : settings.day());
		LocalTime time = chosen.map(DigestPreference::time)
			.orElse(programme.time() != null ? programme.time() : settings.time());
		return nextAfter(recipient.person().zone(), day, time, after);
	}

	/** The first {@code day} at {@code time} in {@code zone} strictly after {@code after}. */
	static Instant nextAfter(ZoneId zone, DayOfWeek day, LocalTime time, Instant after) {
		ZonedDateTime local = after.atZone(zone);
		ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(day))
			.with(time)
			.withSecond(0)
			.withNano(0);
		// with(LocalTime) keeps the zone, so a time in a DST gap moves forward like ZonedDateTime.of does
		if (!candidate.toInstant().isAfter(after)) {
			candidate = ZonedDateTime.of(candidate.toLocalDate().plusWeeks(1), time, candidate.getZone());
		}
		return candidate.toInstant();
	}
}
