package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Escalation: a blocker still unresolved (open, or acknowledged but not resolved) once its programme's threshold has
 * passed since it was opened is escalated to the placement's business coach and manager, once. "Once" is a claim in
 * the blocker itself: {@code escalatedAt} is set by a findAndModify that matches only while it is unset, so of many
 * instances, runs and restarts exactly one wins; the winner then queues one message per recipient in the outbox,
 * under keys naming the blocker and the role (the outbox delivers a key once). A crash between the claim and the
 * outbox leaves the blocker {@code PENDING}, and the next run queues it then (the keys keep that to one message).
 * A private blocker is never escalated (nobody but the participant may know of it); a follower who may not read the
 * blocker's words is told its facts only (whose, how old, for whom). Resolved blockers are never escalated.
 */
@Service
public class BlockerEscalation {

	/** The outbox keys of escalations start with this. */
	static final String PREFIX = "blocker-escalation:";
	static final String PENDING = "PENDING";
	static final String QUEUED = "QUEUED";
	/** The longest threshold a programme may set. */
	public static final Duration LONGEST = Duration.ofDays(365);
	private static final Logger log = LoggerFactory.getLogger(BlockerEscalation.class);

	private final MongoTemplate mongo;
	private final Placements placements;
	private final Outbox outbox;
	private final MessageSource messages;
	private final Languages languages;
	private final BlockerEscalationSettings settings;
	private final Clock clock;

	BlockerEscalation(MongoTemplate mongo, Placements placements, Outbox outbox, MessageSource messages,
			Languages languages, BlockerEscalationSettings settings, Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.outbox = outbox;
		this.messages = messages;
		this.languages = languages;
		this.settings = settings;
		this.clock = clock;
	}

	/** A programme's threshold: its own, or {@code FIELDNOTES_BLOCKER_ESCALATE_AFTER}. */
	public record Threshold(String program, Duration escalateAfter, boolean own) {
	}

	public Threshold thresholdOf(String program) {
		BlockerSettings own = mongo.findById(ProgramSettings.keyOf(program), BlockerSettings.class);
		Duration duration = own == null ? null : parse(own.escalateAfter()).orElse(null);
		return new Threshold(own == null ? program.strip() : own.name(),
				duration == null ? settings.escalateAfter() : duration, duration != null);
	}

	/** Sets a programme's threshold (at most {@link #LONGEST}; positive). */
	public Threshold setThreshold(String program, Duration escalateAfter) {
		if (escalateAfter.isZero() || escalateAfter.isNegative() || escalateAfter.compareTo(LONGEST) > 0) {
			throw new IllegalArgumentException("escalateAfter must be positive and at most " + LONGEST);
		}
		mongo.save(new BlockerSettings(ProgramSettings.keyOf(program), program.strip(), escalateAfter.toString(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS)));
		return thresholdOf(program);
	}

	/** An ISO-8601 duration; empty when it is not one. */
	public static Optional<Duration> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Duration.parse(text.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/**
	 * Escalates every blocker that is due, once; queues again those claimed but never queued. Safe to run on many
	 * instances at once.
	 * @return how many blockers were escalated by this run
	 */
	public int run() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Map<String, Optional<Placement>> placementsById = new HashMap<>();
		Map<String, Duration> thresholds = new HashMap<>();
		int escalated = 0;
		List<Blocker> candidates = mongo.find(Query.query(Criteria.where("state").ne(BlockerState.RESOLVED)
			.and("escalatedAt").is(null).and("visibility").ne(Visibility.PRIVATE)), Blocker.class);
		for (Blocker blocker : candidates) {
			Optional<Placement> placement = placementsById.computeIfAbsent(blocker.placementId(),
					placements::findById);
			if (placement.isEmpty() || !placement.get().isActive()) {
				continue; // a paused or ended placement is not expected to move (as for the flags)
			}
			Duration threshold = thresholds.computeIfAbsent(ProgramSettings.keyOf(placement.get().getProgram()),
					key -> thresholdOf(placement.get().getProgram()).escalateAfter());
			if (blocker.createdAt().plus(threshold).isAfter(now)) {
				continue;
			}
			Blocker claimed = mongo.findAndModify(
					Query.query(Criteria.where("_id").is(blocker.id()).and("escalatedAt").is(null).and("state")
						.ne(BlockerState.RESOLVED)),
					new Update().set("escalatedAt", now).set("escalation", PENDING),
					FindAndModifyOptions.options().returnNew(true), Blocker.class);
			if (claimed == null) {
				continue; // another instance or run has it, or it was resolved meanwhile
			}
			escalated++;
			queue(claimed, placement.get());
		}
		for (Blocker pending : mongo.find(Query.query(Criteria.where("escalation").is(PENDING)), Blocker.class)) {
			if (candidates.stream().noneMatch(c -> c.id().equals(pending.id()))) {
				placementsById.computeIfAbsent(pending.placementId(), placements::findById)
					.ifPresent(p -> queue(pending, p));
			}
		}
		return escalated;
	}

	private void queue(Blocker blocker, Placement placement) {
		try {
			for (Role role : List.of(Role.BUSINESS_COACH, Role.MANAGER)) {
				Person follower = placement.followers().get(role);
				if (follower != null) {
					message(blocker, placement, role, follower).ifPresent(outbox::send);
				}
			}
			mongo.updateFirst(Query.query(Criteria.where("_id").is(blocker.id())),
					new Update().set("escalation", QUEUED), Blocker.class);
			log.info("Blocker {} of placement {} escalated", blocker.id(), placement.getId());
		}
		catch (RuntimeException e) {
			// claimed, still PENDING: the next run queues it (the outbox keys keep it to one message each)
			log.warn("Blocker {} is claimed for escalation; its messages could not be queued now ({})", blocker.id(),
					e.getClass().getSimpleName());
		}
	}

	private Optional<Outgoing> message(Blocker blocker, Placement placement, Role role, Person follower) {
		Locale locale = languages.of(follower);
		ChatMessage message = text(blocker, placement, role, locale, follower.hasChat());
		String key = PREFIX + blocker.id() + ":" + role.name();
		if (follower.hasChat()) {
			return Optional.of(Outgoing.to(follower, key, MessageKind.NOTICE, blocker.id(), message));
		}
		if (follower.emails().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Outgoing.email(key, MessageKind.NOTICE, blocker.id(),
				new OutboxMail(follower.emails().get(0), follower.name(), locale.toLanguageTag(), message.summary()),
				message, List.of()));
	}

	ChatMessage text(Blocker blocker, Placement placement, Role role, Locale locale, boolean buttons) {
		ZoneId zone = placement.getParticipant().zone();
		String line = t("blockers.escalation", locale, placement.getParticipant().name(), placement.getProgram(),
				placement.getHostOrganisation(), blocker.ageDays(clock.instant(), zone),
				DateTimeFormatter.ofPattern("d MMM", locale).format(blocker.openedOn(zone)),
				t("blockers.owner." + blocker.owner().name(), locale));
		ChatMessage.Builder message = ChatMessage.builder(line).paragraph(line);
		if (blocker.readableBy(role)) {
			message.quote(t("blockers.escalation.words", locale), blocker.text());
			if (buttons) {
				message.buttons(Button.of(BlockerButtons.ACKNOWLEDGE, t("blockers.button.acknowledge", locale),
						blocker.id()), Button.of(BlockerButtons.RESOLVE, t("blockers.button.resolve", locale),
								blocker.id()));
			}
		}
		else {
			message.context(t("blockers.escalation.withheld", locale, placement.getParticipant().name()));
		}
		return message.build();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
