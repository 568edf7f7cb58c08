package org.fieldnotes.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Sends each reader of a placement (academic coach, business coach, manager) the steering brief as they may read it
 * ({@link SteeringBriefs}, item by item), some work days before a scheduled meeting: by chat, or by e-mail to a
 * follower without chat. The brief covers what came since the placement's previous meeting (else since the last
 * brief, else 90 days). "Once" is a claim in the meeting: {@code briefedAt} is set by a findAndModify that matches
 * only while it is unset, so of many instances, runs and restarts one wins; it then queues one message per reader
 * in the outbox under a key naming the meeting and the reader (the outbox delivers a key once). A crash between the
 * claim and the outbox leaves the meeting {@code PENDING}, and the next run queues its briefs then (the keys keep
 * that to one message each). An ended placement's meetings get no brief.
 */
@Service
public class MeetingBriefs {

	static final String PREFIX = "meeting-brief:";
	static final String PENDING = "PENDING";
	static final String QUEUED = "QUEUED";
	/** The time of day, on the participant's clock, a meeting's briefs fall due. */
	static final LocalTime AT = LocalTime.of(8, 0);
	private static final List<Role> READERS = List.of(Role.ACADEMIC_COACH, Role.BUSINESS_COACH, Role.MANAGER);
	private static final Logger log = LoggerFactory.getLogger(MeetingBriefs.class);

	private final MongoTemplate mongo;
	private final Meetings meetings;
	private final BriefRecords briefRecords;
	private final PlacementManagement placements;
	private final SteeringBriefs briefs;
	private final BriefMessage messages;
	private final AccessPolicy access;
	private final Outbox outbox;
	private final Languages languages;
	private final ReportTexts texts;
	private final MeetingBriefSettings settings;
	private final Clock clock;

	MeetingBriefs(MongoTemplate mongo, Meetings meetings, BriefRecords briefRecords, PlacementManagement placements, SteeringBriefs briefs,
			BriefMessage messages, AccessPolicy access, Outbox outbox, Languages languages, ReportTexts texts,
			MeetingBriefSettings settings, Clock clock) {
		this.mongo = mongo;
		this.meetings = meetings;
		this.briefRecords = briefRecords;
		this.placements = placements;
		this.briefs = briefs;
		this.messages = messages;
		this.access = access;
		this.outbox = outbox;
		this.languages = languages;
		this.texts = texts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * When a meeting's briefs fall due: {@code FIELDNOTES_BRIEF_BEFORE_MEETING} of the participant's work days
	 * before its date, at 08:00 on the participant's clock.
	 */
	public Instant dueAt(Placement placement, LocalDate meetingDate) {
		Set<DayOfWeek> workDays = placement.getWorkDays();
		LocalDate day = meetingDate;
		for (int counted = 0; counted < settings.beforeMeeting();) {
			day = day.minusDays(1);
			if (workDays.contains(day.getDayOfWeek())) {
				counted++;
			}
		}
		return day.atTime(AT).atZone(placement.getParticipant().zone()).toInstant();
	}

	/**
	 * Briefs every meeting that is due, once; queues again those claimed but never queued. Safe to run on many
	 * instances at once.
	 * @return how many meetings this run briefed
	 */
	public int run() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int briefed = 0;
		for (Meeting meeting : meetings.unbriefed()) {
			Optional<Placement> placement = placement(meeting.placementId());
			if (placement.isEmpty() || placement.get().getStatus() == PlacementStatus.ENDED
					|| dueAt(placement.get(), meeting.date()).isAfter(now)) {
				continue;
			}
			Meeting claimed = mongo.findAndModify(
					Query.query(Criteria.where("_id").is(meeting.id()).and("briefedAt").is(null)),
					new Update().set("briefedAt", now).set("briefing", PENDING).set("since", since(meeting,
							placement.get(), now)),
					FindAndModifyOptions.options().returnNew(true), Meeting.class);
			if (claimed == null) {
				continue; // another instance or run has it, or it was cancelled meanwhile
			}
			briefed++;
			queue(claimed, placement.get());
		}
		for (Meeting pending : mongo.find(Query.query(Criteria.where("briefing").is(PENDING)), Meeting.class)) {
			if (pending.briefedAt() != null && pending.briefedAt().isBefore(now)) {
				placement(pending.placementId()).ifPresent(p -> queue(pending, p));
			}
		}
		return briefed;
	}

	/**
	 * The first day the meeting's briefs cover: the day of the placement's previous meeting, else of its last brief,
	 * else {@link SteeringBriefs#DEFAULT_DAYS} back; the same for every reader (each brief sent is recorded, and must
	 * not move the next reader's start).
	 */
	private LocalDate since(Meeting meeting, Placement placement, Instant now) {
		var zone = placement.getParticipant().zone();
		return meetings.previous(meeting)
			.map(Meeting::date)
			.or(() -> briefRecords.latest(placement.getId()).map(r -> r.generatedAt().atZone(zone).toLocalDate()))
			.orElse(now.atZone(zone).toLocalDate().minusDays(SteeringBriefs.DEFAULT_DAYS));
	}

	private Optional<Placement> placement(String id) {
		try {
			return Optional.of(placements.get(id));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private void queue(Meeting meeting, Placement placement) {
		try {
			// one brief per person, in the most specific role they follow the placement in
			Map<String, Person> readers = new LinkedHashMap<>();
			for (Role role : READERS) {
				Person follower = placement.followers().get(role);
				if (follower != null) {
					readers.putIfAbsent(follower.id().value(), follower);
				}
			}
			// fixed at the claim; a meeting claimed before there was a since (none) starts where it would now
			LocalDate since = meeting.since() != null ? meeting.since()
					: since(meeting, placement, clock.instant());
			List<Outgoing> queued = new ArrayList<>();
			for (Person reader : readers.values()) {
				String key = PREFIX + meeting.id() + ":" + reader.id().value();
				if (outbox.find(key).isPresent()) {
					continue; // queued before a crash
				}
				message(meeting, placement, reader, key, since).ifPresent(queued::add);
			}
			queued.forEach(outbox::enqueue);
			mongo.updateFirst(Query.query(Criteria.where("_id").is(meeting.id())), new Update().set("briefing", QUEUED),
					Meeting.class);
			log.info("Meeting {} of placement {}: {} briefs queued", meeting.id(), placement.getId(), queued.size());
		}
		catch (RuntimeException e) {
			// claimed, still PENDING: the next run queues it (the outbox keys keep it to one message each)
			log.warn("Meeting {} is claimed for its briefs; they could not be queued now ({})", meeting.id(),
					e.getClass().getSimpleName());
		}
	}

	private Optional<Outgoing> message(Meeting meeting, Placement placement, Person reader, String key,
			LocalDate since) {
		Actor actor = access.recipient(reader.id());
		Optional<String> role = briefs.readerRole(actor, placement);
		if (role.isEmpty()) {
			return Optional.empty();
		}
		Locale locale = languages.of(reader);
		SteeringBrief brief = briefs.generate(actor, role.get(), placement, since, locale);
		String line = meeting.title() == null
				? texts.t("report.meeting.line", locale, texts.date(meeting.date(), locale))
				: texts.t("report.meeting.lineTitled", locale, texts.date(meeting.date(), locale), meeting.title());
		ChatMessage message = messages.of(brief, locale, line);
		if (reader.hasChat()) {
			return Optional.of(Outgoing.to(reader, key, MessageKind.NOTICE, meeting.id(), message));
		}
		if (reader.emails().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Outgoing.email(key, MessageKind.NOTICE, meeting.id(),
				new OutboxMail(reader.emails().get(0), reader.name(), locale.toLanguageTag(), message.summary()),
				message, List.of()));
	}
}
