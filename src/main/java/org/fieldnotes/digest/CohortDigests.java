package org.fieldnotes.digest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.fieldnotes.delivery.Delivery;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The admins' weekly cohort digest: every placement of every programme (of their programmes, for an admin limited
 * to programmes), one line each. Sent to every coordinator
 * on Slack (a direct message) on the same schedule as the other digests, under the recipient key
 * {@code admin:<person id>} and claimed per ISO week in the {@code digests} collection like them, so it is never
 * sent twice for a week. A coordinator who also coaches or manages gets that digest too, as a separate message.
 */
@Service
public class CohortDigests {

	private static final Logger log = LoggerFactory.getLogger(CohortDigests.class);
	private static final Duration WEEK = Duration.ofDays(7);
	/** When nobody can say where a coordinator is. */
	private static final String FALLBACK_ZONE = "UTC";

	private final ObjectProvider<Coordinators> coordinators;
	private final PeopleDirectory directory;
	private final Languages languages;
	private final CohortLines lines;
	private final CohortComposer composer;
	private final DigestRecords records;
	private final DigestOutbox outbox;
	private final Clock clock;
	/** How long what the chat platform said about a coordinator is trusted. */
	private static final Duration LOOKUP_KEPT = Duration.ofHours(24);
	/** Coordinators' time zones looked up on the chat platform, so that every rescheduling does not ask again. */
	private final Map<String, LookedUp> lookedUp = new ConcurrentHashMap<>();

	private final Reachability reachability;
	private final MessageSource messages;

	CohortDigests(ObjectProvider<Coordinators> coordinators, PeopleDirectory directory, Languages languages,
			CohortLines lines, CohortComposer composer, DigestRecords records, DigestOutbox outbox, Clock clock,
			Reachability reachability, MessageSource messages) {
		this.reachability = reachability;
		this.messages = messages;
		this.coordinators = coordinators;
		this.directory = directory;
		this.languages = languages;
		this.lines = lines;
		this.composer = composer;
		this.records = records;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Whether this person is a programme coordinator. */
	public boolean isCoordinator(PersonId person) {
		return person != null && people().stream().anyMatch(p -> p.id().equals(person));
	}

	/**
	 * The cohort digest a coordinator would get if it were sent now, without sending or claiming anything; empty
	 * for anyone else, and when no placement is in the cohort.
	 */
	public Optional<ChatMessage> preview(PersonId person) {
		Optional<Person> found = people().stream().filter(p -> p.id().equals(person)).findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Coordinator coordinator = new Coordinator(located(found.get()));
		List<CohortLine> cohort = cohortOf(coordinator);
		return cohort.isEmpty() ? Optional.empty() : Optional.of(compose(coordinator, cohort, clock.instant()));
	}

	List<Coordinator> coordinators() {
		return people().stream().map(p -> new Coordinator(located(p))).toList();
	}

	Optional<Coordinator> coordinator(String recipientKey) {
		if (!Coordinator.isKey(recipientKey)) {
			return Optional.empty();
		}
		String personId = recipientKey.substring(Coordinator.PREFIX.length());
		return people().stream().filter(p -> p.id().value().equals(personId)).findFirst()
			.map(p -> new Coordinator(located(p)));
	}

	/** What became of the coordinator's cohort digest of this week; empty when it was never claimed. */
	Optional<DigestStatus> thisWeek(Coordinator coordinator) {
		return records.find(coordinator.key(), DigestService.weekOf(coordinator.asRecipient(), clock.instant()))
			.map(DigestRecord::status);
	}

	/**
	 * Claims the coordinator's week, then sends the cohort as it is now. Nothing is claimed for an empty cohort. A
	 * week claimed but never queued in the outbox (a crash or a store error between the two) is sent when this runs
	 * again — the next firing, or the next start — under the claim's own key, so the outbox lets one message through
	 * whoever else is sending it; a week the outbox has is only brought up to date from it.
	 */
	Optional<DigestRecord> send(Coordinator coordinator) {
		Instant now = clock.instant();
		String week = DigestService.weekOf(coordinator.asRecipient(), now);
		Optional<DigestRecord> known = records.find(coordinator.key(), week);
		if (known.isEmpty()) {
			List<CohortLine> cohort = cohortOf(coordinator);
			if (cohort.isEmpty()) {
				return Optional.empty();
			}
			List<String> placementIds = cohort.stream().map(l -> l.placement().getId()).toList();
			Optional<DigestRecord> claimed = records.claim(new DigestRecord(UUID.randomUUID().toString(),
					coordinator.key(), week, DigestStatus.CLAIMED, now, null, null, null, placementIds, List.of(),
					List.of(), null));
			if (claimed.isPresent()) {
				return deliver(coordinator, claimed.get(), cohort, now);
			}
			// claimed meanwhile by another thread or instance
			known = records.find(coordinator.key(), week);
		}
		if (known.isEmpty() || !unqueued(known.get())) {
			log.debug("Cohort digest {} for a coordinator was already claimed", week);
			return Optional.empty();
		}
		log.info("Cohort digest {} was claimed but never queued: sending it now", week);
		return deliver(coordinator, known.get(), cohortOf(coordinator), now);
	}

	/**
	 * The placements in the coordinator's cohort: every programme's, or only those of the programmes they are
	 * limited to.
	 */
	private List<CohortLine> cohortOf(Coordinator coordinator) {
		Coordinators known = coordinators.getIfAvailable();
		Set<String> programs = known == null ? Set.of() : known.programsOf(coordinator.person().id());
		List<CohortLine> all = lines.all();
		return programs.isEmpty() ? all : all.stream()
			.filter(line -> programs.contains(ProgramSettings.keyOf(line.placement().getProgram())))
			.toList();
	}

	private Optional<DigestRecord> deliver(Coordinator coordinator, DigestRecord record, List<CohortLine> cohort,
			Instant now) {
		Delivery delivery = outbox.send(record, coordinator.person(), compose(coordinator, cohort, now), List.of());
		if (delivery.isSent()) {
			log.info("Cohort digest {} sent: {} placements, {} flagged", record.week(), cohort.size(),
					cohort.stream().filter(CohortLine::flagged).count());
		}
		return records.find(record.recipientKey(), record.week());
	}

	/** Claimed, and the outbox never got its message (else it is brought up to date from the outbox). */
	private boolean unqueued(DigestRecord record) {
		return record.status() == DigestStatus.CLAIMED && outbox.neverQueued(record);
	}

	private ChatMessage compose(Coordinator coordinator, List<CohortLine> cohort, Instant now) {
		ZoneId zone = coordinator.person().zone();
		Locale locale = languages.of(coordinator.person());
		return composer.compose(cohort, outbox.undeliverableSince(now.minus(WEEK)), notYetReachable(cohort, locale),
				locale, now.minus(WEEK).atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate());
	}

	/**
	 * The people of the cohort's current placements whose chat platform cannot reach them yet (on Teams: the app is
	 * not installed for them), each once, by name: what reaches them meanwhile (e-mail, or nothing).
	 */
	private List<ChatMessage.Item> notYetReachable(List<CohortLine> cohort, Locale locale) {
		List<Person> people = new java.util.ArrayList<>();
		for (CohortLine line : cohort) {
			if (!line.ended()) {
				Placement p = line.placement();
				people.addAll(java.util.Arrays.asList(p.getParticipant(), p.getAcademicCoach(), p.getBusinessCoach(),
						p.getManager()));
			}
		}
		return reachability.notYetReachable(people).stream()
			.map(w -> new ChatMessage.Item(w.person().name(),
					messages.getMessage(w.byEmail() ? "cohort.unreachable.email" : "cohort.unreachable.nothing",
							new Object[] { messages.getMessage("reach.platform." + w.account().platform(), null,
									w.account().platform(), locale) },
							locale)))
			.toList();
	}

	private List<Person> people() {
		Coordinators known = coordinators.getIfAvailable();
		return known == null ? List.of() : known.people();
	}

	/**
	 * A coordinator with a time zone: their own when it is recorded (they take part in a placement), else the one
	 * their chat platform gives (asked at most once a day), else UTC.
	 */
	private Person located(Person person) {
		if (person.timezone() != null || person.chatAccount() == null) {
			return person;
		}
		String key = person.id().value();
		LookedUp cached = lookedUp.get(key);
		if (cached != null && cached.at().plus(LOOKUP_KEPT).isAfter(clock.instant())) {
			return person.withDetails(null, cached.timezone(), null, null, person.updatedAt());
		}
		String zone = FALLBACK_ZONE;
		try {
			Optional<ChatPerson> member = directory.lookup(person.chatAccount());
			if (member.isPresent()) {
				zone = zoneOrFallback(member.get().timezone());
				lookedUp.put(key, new LookedUp(zone, clock.instant()));
			}
		}
		catch (DirectoryUnavailable e) {
			log.debug("Coordinator's time zone unknown for now: {}", e.getClass().getSimpleName());
		}
		return person.withDetails(null, zone, null, null, person.updatedAt());
	}

	private record LookedUp(String timezone, Instant at) {
	}

	private static String zoneOrFallback(String timezone) {
		if (timezone == null || timezone.isBlank()) {
			return FALLBACK_ZONE;
		}
		try {
			return ZoneId.of(timezone).getId();
		}
		catch (DateTimeException e) {
			return FALLBACK_ZONE;
		}
	}
}
