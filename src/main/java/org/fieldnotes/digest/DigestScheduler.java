package org.fieldnotes.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Optional;

import org.fieldnotes.placement.PlacementChanged;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz trigger per recipient at their next digest time: the day and time they chose ({@link DigestPreference}),
 * by default Monday 08:00, in their own time zone. Rebuilt from the placements at start and whenever a placement
 * changes; one recipient's trigger is moved at once when they change their settings. A week whose digest is already
 * recorded is skipped when scheduling, so moving the day never sends a second digest for a week.
 * Programme coordinators are recipients too, of the cohort digest, under their own key ({@code admin:<member id>});
 * their triggers are rebuilt when an admin is added or removed as well.
 */
@Component
class DigestScheduler {

	private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
	static final String GROUP = "digests";

	private final Scheduler quartz;
	private final Recipients recipients;
	private final DigestService digests;
	private final DigestSettings settings;
	private final DigestPreferenceStore preferences;
	private final DigestRecords records;
	private final Clock clock;
	private final CohortDigests cohort;

	DigestScheduler(Scheduler quartz, Recipients recipients, DigestService digests, DigestSettings settings,
			DigestPreferenceStore preferences, DigestRecords records, Clock clock, CohortDigests cohort) {
		this.quartz = quartz;
		this.recipients = recipients;
		this.digests = digests;
		this.settings = settings;
		this.preferences = preferences;
		this.records = records;
		this.clock = clock;
		this.cohort = cohort;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startUp() {
		Instant now = clock.instant();
		for (Recipient recipient : recipients.all()) {
			Instant last = nextAfter(recipient, now.minus(Duration.ofDays(7)));
			boolean missedRecently = !last.isAfter(now) && Duration.between(last, now).compareTo(settings.catchUp()) < 0;
			if (missedRecently && !digests.sentThisWeek(recipient)) {
				digests.send(recipient);
			}
		}
		for (Coordinator coordinator : cohort.coordinators()) {
			Instant last = nextAfter(coordinator.asRecipient(), now.minus(Duration.ofDays(7)));
			boolean missedRecently = !last.isAfter(now) && Duration.between(last, now).compareTo(settings.catchUp()) < 0;
			if (missedRecently && !cohort.sentThisWeek(coordinator)) {
				cohort.send(coordinator);
			}
		}
		rebuild();
	}

	@EventListener({ PlacementChanged.class, CoordinatorsChanged.class })
	void rebuild() {
		try {
			for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
				quartz.unscheduleJob(key);
			}
			int count = 0;
			for (Recipient recipient : recipients.all()) {
				schedule(recipient.key(), nextDigest(recipient));
				count++;
			}
			for (Coordinator coordinator : cohort.coordinators()) {
				schedule(coordinator.key(), nextAfter(coordinator.asRecipient(), clock.instant()));
				count++;
			}
			log.debug("Digest schedule rebuilt: {} recipients", count);
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule digests", e);
		}
	}

	void fire(String recipientKey) {
		if (Coordinator.isKey(recipientKey)) {
			cohort.send(recipientKey);
			cohort.coordinator(recipientKey)
				.ifPresent(c -> schedule(recipientKey, nextAfter(c.asRecipient(), clock.instant())));
			return;
		}
		digests.send(recipientKey);
		recipients.all()
			.stream()
			.filter(r -> r.key().equals(recipientKey))
			.findFirst()
			.ifPresent(r -> schedule(recipientKey, nextDigest(r)));
	}

	/**
	 * Moves one recipient's trigger to their next digest time after they changed their settings.
	 * @return the new time; empty when they are not a recipient (their trigger, if any, is removed)
	 */
	Optional<Instant> reschedule(String recipientKey) {
		Optional<Recipient> recipient = recipients.all().stream().filter(r -> r.key().equals(recipientKey)).findFirst();
		if (recipient.isEmpty()) {
			try {
				quartz.unscheduleJob(TriggerKey.triggerKey(recipientKey, GROUP));
			}
			catch (SchedulerException e) {
				throw new IllegalStateException("Could not unschedule a digest", e);
			}
			return Optional.empty();
		}
		Instant next = nextDigest(recipient.get());
		schedule(recipientKey, next);
		return Optional.of(next);
	}

	/**
	 * The recipient's next digest time from now; when that falls in a week whose digest is already recorded (they
	 * moved their day after this week's went out), the same time a week later.
	 */
	Instant nextDigest(Recipient recipient) {
		Instant next = nextAfter(recipient, clock.instant());
		if (records.exists(recipient.key(), DigestService.weekOf(recipient, next))) {
			next = nextAfter(recipient, next);
		}
		return next;
	}

	Optional<Instant> nextFireTime(String recipientKey) {
		try {
			return Optional.ofNullable(quartz.getTrigger(TriggerKey.triggerKey(recipientKey, GROUP)))
				.map(t -> t.getNextFireTime().toInstant());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The recipient's first digest time strictly after {@code after}, on their day and time, in their own zone. */
	Instant nextAfter(Recipient recipient, Instant after) {
		Optional<DigestPreference> chosen = preferences.find(recipient.key());
		DayOfWeek day = chosen.map(DigestPreference::day).orElse(settings.day());
		LocalTime time = chosen.map(DigestPreference::time).orElse(settings.time());
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

	private void schedule(String recipientKey, Instant at) {
		try {
			JobDetail job = JobBuilder.newJob(DigestJob.class)
				.withIdentity(JobKey.jobKey(recipientKey, GROUP))
				.usingJobData(DigestJob.RECIPIENT, recipientKey)
				.storeDurably()
				.build();
			quartz.addJob(job, true);
			quartz.unscheduleJob(TriggerKey.triggerKey(recipientKey, GROUP));
			quartz.scheduleJob(TriggerBuilder.newTrigger()
				.withIdentity(TriggerKey.triggerKey(recipientKey, GROUP))
				.forJob(job)
				.startAt(Date.from(at))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule a digest", e);
		}
	}
}
