package org.fieldnotes.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.AccountDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The demo placements a visitor starts with <em>Try it</em>. Each is enrolled through
 * {@link PlacementManagement#enrol} like an admin API enrolment (same checks; audited as {@code demo}), marked in
 * {@code demo_placements} ({@link DemoRecord}) and removed after {@code FIELDNOTES_DEMO_TTL}
 * ({@link DemoExpiryJob}) or by an admin ({@link DemoRemoval}). Its prompts and digests go the normal way: a claim,
 * then the outbox, then the web chat adapter.
 */
@Service
class DemoPlacements implements Demos {

	private static final Logger log = LoggerFactory.getLogger(DemoPlacements.class);

	/** How the audit trail names what the demo did. */
	static final String ACTOR = "demo";
	/** The programme every demo placement is in. */
	static final String PROGRAM = "Demo";
	/** The placement started this many weeks ago, so it has a week number and a history. */
	static final int WEEKS_AGO = 5;
	/** And ends this many months after it started. */
	static final int MONTHS = 6;
	/** The weekly prompt, in the visitor's time zone: Friday afternoon, a working day's end. */
	static final DayOfWeek PROMPT_DAY = DayOfWeek.FRIDAY;
	static final String PROMPT_TIME = "14:00";
	private static final List<String> WORK_DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");


	private final DemoGate gate;
	private final DemoSettings settings;
	private final DemoNames names;
	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	private final Logbook logbook;
	private final PromptDispatcher prompts;
	private final DigestService digests;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;
	private final AccountReferences references;

	DemoPlacements(DemoGate gate, DemoSettings settings, DemoNames names, MongoTemplate mongo,
			PlacementManagement placements, Logbook logbook, PromptDispatcher prompts, DigestService digests,
			AuditLog audit, MessageSource messages, Clock clock, AccountReferences references) {
		this.references = references;
		this.gate = gate;
		this.settings = settings;
		this.names = names;
		this.mongo = mongo;
		this.placements = placements;
		this.logbook = logbook;
		this.prompts = prompts;
		this.digests = digests;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public boolean enabled() {
		return gate.enabled();
	}

	@Override
	public Demo start(ZoneId timeZone, Locale language) {
		if (!gate.enabled()) {
			throw new DemoRefused(DemoRefused.Reason.DISABLED, "The demo is not offered here");
		}
		long live = mongo.count(new Query(), DemoRecord.class);
		if (live >= settings.max()) {
			// counted, then enrolled: starts at the very same moment may pass the cap by as many as they are
			log.warn("Demo refused: {} demo placements are live (FIELDNOTES_DEMO_MAX={})", live, settings.max());
			throw new DemoRefused(DemoRefused.Reason.FULL, "As many demo placements are live as allowed ("
					+ settings.max() + "); the oldest expire within " + settings.ttl());
		}
		ZoneId zone = timeZone == null ? ZoneOffset.UTC : timeZone;
		Locale lang = "sv".equals(language == null ? null : language.getLanguage()) ? Locale.forLanguageTag("sv")
				: Locale.ENGLISH;
		List<DemoRole> roles = List.of(DemoRole.values());
		List<String> people = names.draw(roles.size(), lang);
		// the web chat gives out its members' ids; this module does not know what they look like
		List<String> memberIds = roles.stream()
			.map(r -> references.newAccount(DemoGate.WEB)
				.orElseThrow(() -> new DemoRefused(DemoRefused.Reason.DISABLED, "No web chat to give accounts in"))
				.memberId())
			.toList();

		// the mark first, with the accounts: whatever is enrolled after this is found and removed by them
		Instant now = clock.instant();
		DemoRecord mark = mongo.insert(new DemoRecord(UUID.randomUUID().toString(),
				memberIds.stream().map(id -> new ChatAccount(DemoGate.WEB, null, id).key()).toList(), null, List.of(),
				now, now.plus(settings.ttl())));
		Placement placement;
		try {
			placement = placements.enrol(draft(people, memberIds, zone, lang));
		}
		catch (InvalidPlacement e) {
			// nothing was stored: the checks come first
			mongo.remove(Query.query(Criteria.where("_id").is(mark.id())), DemoRecord.class);
			throw e;
		}
		List<DemoPersona> personas = new ArrayList<>();
		personas.add(persona(memberIds.get(0), placement.getParticipant().id().value(), people.get(0),
				DemoRole.PARTICIPANT));
		personas.add(persona(memberIds.get(1), placement.getManager().id().value(), people.get(1), DemoRole.MANAGER));
		personas.add(persona(memberIds.get(2), placement.getAcademicCoach().id().value(), people.get(2),
				DemoRole.ACADEMIC_COACH));
		personas.add(persona(memberIds.get(3), placement.getBusinessCoach().id().value(), people.get(3),
				DemoRole.BUSINESS_COACH));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(mark.id())),
				new Update().set("placementId", placement.getId())
					.set("personIds", personas.stream().map(DemoPersona::personId).toList()),
				DemoRecord.class);
		audit.record(ACTOR, "enrol", placement.getId(), placement.getParticipant().id().value(), AuditLog.DONE,
				"demo, expires " + mark.expiresAt());
		seedEntries(new ChatAccount(DemoGate.WEB, null, memberIds.get(0)), lang);
		log.info("Demo placement {} started ({}, {})", placement.getId(), zone, lang.getLanguage());
		return new Demo(placement.getId(), personas);
	}

	@Override
	public void sendNextPrompt(String placementId) {
		requireDemo(placementId);
		var delivery = prompts.sendNext(placementId);
		audit.record(ACTOR, "send-now", placementId, null, AuditLog.DONE, "due " + delivery.dueDate());
	}

	@Override
	public void sendDigests(String placementId) {
		requireDemo(placementId);
		int sent = digests.sendFor(placementId).size();
		audit.record(ACTOR, "send-digests", placementId, null, AuditLog.DONE, "recipients=" + sent);
	}

	/** Whether the placement is a demo placement. */
	boolean isDemo(String placementId) {
		return placementId != null && mongo.exists(Query.query(Criteria.where("placementId").is(placementId)),
				DemoRecord.class);
	}

	private void requireDemo(String placementId) {
		if (!isDemo(placementId)) {
			throw new DemoNotFound(placementId);
		}
	}

	private PlacementDraft draft(List<String> people, List<String> memberIds, ZoneId zone, Locale lang) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate start = today.minusWeeks(WEEKS_AGO).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate end = start.plusMonths(MONTHS);
		String language = lang.getLanguage();
		List<String> goals = List.of(text("demo.goal.1", lang), text("demo.goal.2", lang));
		return new PlacementDraft(person(people.get(0), memberIds.get(0), zone, language), PROGRAM,
				names.pick("demo.hosts", lang), start.toString(), end.toString(),
				person(people.get(1), memberIds.get(1), zone, language),
				person(people.get(2), memberIds.get(2), zone, language),
				person(people.get(3), memberIds.get(3), zone, language),
				new PlacementDraft.ScheduleDraft(PROMPT_DAY.name(), PROMPT_TIME), WORK_DAYS, goals);
	}

	private static PersonDraft person(String name, String memberId, ZoneId zone, String language) {
		return new PersonDraft(name, List.of(new AccountDraft(DemoGate.WEB, null, memberId)), null, zone.getId(),
				language, null);
	}

	/**
	 * A few entries the participant "wrote" already, one for each visibility that shows a rule: shared with the
	 * coaches, private (in no digest), confidential (the academic coach's only). Dated now: the logbook records when
	 * an entry was written.
	 */
	private void seedEntries(ChatAccount participant, Locale lang) {
		logbook.write(participant, text("demo.entry.coaches", lang), Visibility.COACHES);
		logbook.write(participant, text("demo.entry.private", lang), Visibility.PRIVATE);
		logbook.write(participant, text("demo.entry.confidential", lang), Visibility.CONFIDENTIAL);
	}

	private String text(String key, Locale lang) {
		return messages.getMessage(key, null, lang);
	}

	private static DemoPersona persona(String memberId, String personId, String name, DemoRole role) {
		return new DemoPersona(memberId, personId, name, role);
	}

}
