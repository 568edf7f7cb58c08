package org.fieldnotes.commands;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.fieldnotes.commands.EnrolmentOutcome.FieldError;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.AccountDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementConflict;
import org.fieldnotes.placement.PlacementEdit;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementPatch;
import org.fieldnotes.placement.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Enrols someone from chat (the {@code enroll} command and the enrolment form alike): looks people up on the chat
 * platform for their name, time zone and language, then goes through {@link PlacementManagement#enrol} so the same
 * rules hold as for the API and the CSV import, and answers every problem in the admin's language. Nothing is stored
 * unless everything is right. Every attempt is audited.
 */
@Service
public class Enrolment {

	private static final Logger log = LoggerFactory.getLogger(Enrolment.class);

	private final PlacementManagement placements;
	private final PeopleDirectory directory;
	private final AuditLog audit;
	private final Replies replies;
	private final Languages languages;
	private final AccessPolicy access;
	private final AccountReferences references;

	Enrolment(PlacementManagement placements, PeopleDirectory directory, AuditLog audit, Replies replies,
			Languages languages, AccessPolicy access, AccountReferences references) {
		this.placements = placements;
		this.directory = directory;
		this.audit = audit;
		this.replies = replies;
		this.languages = languages;
		this.access = access;
		this.references = references;
	}

	/** The admin's language (see {@link Languages}). */
	public Locale languageOf(ChatAccount admin) {
		return languages.of(admin);
	}

	/**
	 * Enrols what the admin filled in. Members are read as the admin's platform writes them (a mention, a member id)
	 * and are in the admin's workspace.
	 */
	public EnrolmentOutcome enrol(ChatAccount admin, EnrolmentForm form, Locale locale) {
		Actor actor = access.member(admin);
		String adminId = actor.key();
		List<FieldError> errors = new ArrayList<>();
		// an admin limited to programmes enrols only into theirs
		if (blankToNull(form.program()) != null && !actor.coordinates(form.program())) {
			errors.add(error("program", "otherProgramme", locale, form.program().strip(),
					String.join(", ", actor.programs().stream().sorted().toList())));
		}
		PersonDraft participant = null;
		String language = blankToNull(form.language());
		if (blankToNull(form.participant()) == null) {
			errors.add(error("participant", "required", locale));
		}
		else {
			Optional<ChatPerson> found = member(admin, "participant", form.participant(), errors, locale);
			if (found.isPresent()) {
				ChatPerson person = found.get();
				String timezone = blankToNull(form.timezone()) != null ? form.timezone() : person.timezone();
				if (language == null) {
					language = person.language();
				}
				participant = new PersonDraft(person.name(), draft(person.account()), person.email(), timezone,
						language);
			}
		}
		String followerLanguage = language == null ? "en" : language;
		PersonDraft manager = follower(admin, "manager", form.manager(), followerLanguage, errors, locale);
		PersonDraft academic = follower(admin, "academic-coach", form.academicCoach(), followerLanguage, errors,
				locale);
		PersonDraft business = follower(admin, "business-coach", form.businessCoach(), followerLanguage, errors,
				locale);
		if (!errors.isEmpty()) {
			return refused(admin, adminId, form, errors);
		}
		PlacementDraft.ScheduleDraft schedule = form.day() == null && form.time() == null ? null
				: new PlacementDraft.ScheduleDraft(form.day() == null ? null : dayName(form.day()), form.time());
		PlacementDraft draft = new PlacementDraft(participant, form.program(), form.host(), form.start(), form.end(),
				manager, academic, business, schedule, workDays(form.workDays()), null, form.addedValue());
		try {
			Placement placement = placements.enrol(draft);
			audit.record(adminId, "enrol", placement.getId(), placement.getParticipant().id().value(), AuditLog.DONE,
					null);
			log.info("Placement {} enrolled from chat by {}", placement.getId(), adminId);
			return new EnrolmentOutcome(placement, confirmation(placement, locale), List.of());
		}
		catch (InvalidPlacement e) {
			return refused(admin, adminId, form,
					e.violations().stream().map(v -> translate(v, locale)).distinct().collect(Collectors.toList()));
		}
	}

	/**
	 * Changes the placement of the person the form names (their current one, else their latest, so that an ended one
	 * can be reopened) as the admin filled it in: a value left {@literal null} keeps what the placement has, a field
	 * named in {@code removed} (as the command spells it: {@code academic-coach}, {@code business-coach}) is taken
	 * away. People are looked up as for an enrolment, and the change goes through {@link PlacementManagement#change}
	 * with its rules. Audited as {@code placement-change}.
	 */
	public ChangeOutcome change(ChatAccount admin, EnrolmentForm form, Set<String> removed, Locale locale) {
		String adminId = access.member(admin).key();
		List<FieldError> errors = new ArrayList<>();
		Optional<ChatAccount> participant = blankToNull(form.participant()) == null ? Optional.empty()
				: account(admin, form.participant());
		if (participant.isEmpty()) {
			errors.add(blankToNull(form.participant()) == null ? error("participant", "required", locale)
					: error("participant", "notAMember", locale, form.participant().strip()));
			return changeRefused(adminId, null, null, errors);
		}
		Optional<Placement> found = placements.currentOrLatestFor(participant.get());
		if (found.isEmpty()) {
			errors.add(new FieldError("participant", replies.t("command.personNotEnrolled", locale)));
			return changeRefused(adminId, null, participant.get().key(), errors);
		}
		return change(admin, found.get(), null, form, null, removed, locale);
	}

	/**
	 * Changes this placement as the admin filled it in (see {@link #change(ChatAccount, EnrolmentForm, Set, Locale)}),
	 * only if it is still at {@code expectedVersion}: the change form sends the version it was opened at, so that a
	 * change made meanwhile is refused ({@code change.conflict}) rather than overwritten.
	 * @param expectedVersion {@literal null}: whatever it is now
	 * @param goals the learning goals to set, {@literal null} to keep them
	 */
	public ChangeOutcome change(ChatAccount admin, Placement placement, Long expectedVersion, EnrolmentForm form,
			List<String> goals, Set<String> removed, Locale locale) {
		String adminId = access.member(admin).key();
		List<FieldError> errors = new ArrayList<>();
		// an admin limited to programmes changes only placements of theirs, and moves none out of them
		Actor actor = access.member(admin);
		String programs = String.join(", ", actor.programs().stream().sorted().toList());
		if (!actor.coordinates(placement.getProgram())) {
			errors.add(error("participant", "otherProgramme", locale, placement.getProgram(), programs));
		}
		else if (blankToNull(form.program()) != null && !actor.coordinates(form.program())) {
			errors.add(error("program", "otherProgramme", locale, form.program().strip(), programs));
		}
		if (!errors.isEmpty()) {
			return changeRefused(adminId, placement.getId(), placement.getParticipant().id().value(), errors);
		}
		String language = placement.getParticipant().locale() == null ? "en" : placement.getParticipant().locale();
		Set<String> removing = new LinkedHashSet<>();
		for (String field : removed) {
			removing.add(switch (field) {
				case "academic-coach" -> "academicCoach";
				case "business-coach" -> "businessCoach";
				case "host" -> "hostOrganisation";
				case "start" -> "startDate";
				case "end" -> "endDate";
				case "work-days" -> "workDays";
				case "tz" -> "timezone";
				case "lang" -> "locale";
				case "added-value" -> "addedValue";
				default -> field;
			});
		}
		PersonDraft manager = follower(admin, "manager", form.manager(), language, errors, locale);
		PersonDraft academic = follower(admin, "academic-coach", form.academicCoach(), language, errors, locale);
		PersonDraft business = follower(admin, "business-coach", form.businessCoach(), language, errors, locale);
		if (!errors.isEmpty()) {
			return changeRefused(adminId, placement.getId(), placement.getParticipant().id().value(), errors);
		}
		PlacementDraft.ScheduleDraft schedule = form.day() == null && form.time() == null ? null
				: new PlacementDraft.ScheduleDraft(form.day() == null ? null : dayName(form.day()), form.time());
		PlacementPatch patch = new PlacementPatch(blankToNull(form.program()), blankToNull(form.host()),
				blankToNull(form.start()), blankToNull(form.end()), manager, academic, business, schedule,
				workDays(form.workDays()), blankToNull(form.timezone()), blankToNull(form.language()), goals, removing,
				blankToNull(form.addedValue()));
		try {
			PlacementEdit edit = placements.change(placement.getId(), patch, expectedVersion, adminId);
			audit.record(adminId, "placement-change", placement.getId(), placement.getParticipant().id().value(),
					AuditLog.DONE, edit.auditNote());
			log.info("Placement {} changed from chat by {}", placement.getId(), adminId);
			return new ChangeOutcome(edit, changeConfirmation(edit, locale), List.of());
		}
		catch (InvalidPlacement e) {
			return changeRefused(adminId, placement.getId(), placement.getParticipant().id().value(),
					e.violations().stream().map(v -> translate(v, locale)).distinct().collect(Collectors.toList()));
		}
		catch (PlacementConflict e) {
			return changeRefused(adminId, placement.getId(), placement.getParticipant().id().value(),
					List.of(new FieldError("participant", replies.t("change.conflict", locale))));
		}
	}

	/**
	 * What a change from chat came to: the change and a confirmation, or every error by field (nothing changed).
	 * @param edit {@literal null} when refused
	 */
	public record ChangeOutcome(PlacementEdit edit, String confirmation, List<FieldError> errors) {

		public boolean changed() {
			return edit != null;
		}
	}

	private ChangeOutcome changeRefused(String adminId, String placementId, String person, List<FieldError> errors) {
		String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(","));
		audit.record(adminId, "placement-change", placementId, person, AuditLog.REFUSED, "fields: " + fields);
		return new ChangeOutcome(null, null, List.copyOf(errors));
	}

	private String changeConfirmation(PlacementEdit edit, Locale locale) {
		Placement p = edit.after();
		if (!edit.changedAnything()) {
			return replies.t("change.nothing", locale, p.getParticipant().name(), p.getHostOrganisation());
		}
		String fields = edit.fields().stream().map(f -> replies.t("change.field." + f, locale))
			.collect(Collectors.joining(", "));
		return replies.t("change.done", locale, p.getParticipant().name(), p.getHostOrganisation(), fields);
	}

	private EnrolmentOutcome refused(ChatAccount admin, String adminId, EnrolmentForm form, List<FieldError> errors) {
		String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(","));
		audit.record(adminId, "enrol", null, account(admin, form.participant()).map(ChatAccount::key).orElse(null),
				AuditLog.REFUSED, "fields: " + fields);
		return new EnrolmentOutcome(null, null, List.copyOf(errors));
	}

	private String confirmation(Placement p, Locale locale) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		return replies.t("enroll.done", locale, p.getParticipant().name(), p.getProgram(), p.getHostOrganisation(),
				date.format(p.getStartDate()), date.format(p.getEndDate()),
				p.getSchedule().dayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, locale),
				p.getSchedule().time().toString(), p.getParticipant().timezone(),
				replies.t("language." + p.getParticipant().locale(), locale));
	}

	/**
	 * Someone in the admin's workspace, as the admin's platform writes them (a mention or a member id); adds an
	 * error when unknown, deactivated or not a member.
	 */
	private Optional<ChatPerson> member(ChatAccount admin, String field, String value, List<FieldError> errors,
			Locale locale) {
		Optional<ChatAccount> account = account(admin, value);
		if (account.isEmpty()) {
			errors.add(error(field, "notAMember", locale, value.strip()));
			return Optional.empty();
		}
		String written = references.written(account.get());
		Optional<ChatPerson> found;
		try {
			found = directory.lookup(account.get());
		}
		catch (DirectoryUnavailable e) {
			log.warn("Could not look up a member for an enrolment: {}", e.reason());
			errors.add(error(field, "lookupFailed", locale, written));
			return Optional.empty();
		}
		if (found.isEmpty()) {
			errors.add(error(field, "unknownUser", locale, written));
		}
		else if (found.get().deleted()) {
			errors.add(error(field, "deactivated", locale, found.get().name()));
			return Optional.empty();
		}
		return found;
	}

	/** A manager or coach: a member (looked up) or an e-mail address (someone outside the workspace). */
	private PersonDraft follower(ChatAccount admin, String field, String value, String language,
			List<FieldError> errors, Locale locale) {
		String given = blankToNull(value);
		if (given == null) {
			return null;
		}
		if (given.contains("@") && !given.startsWith("@") && account(admin, given).isEmpty()) {
			return new PersonDraft(given, List.<AccountDraft>of(), given, null, language);
		}
		return member(admin, field, given, errors, locale)
			.map(p -> new PersonDraft(p.name(), draft(p.account()), p.email(), p.timezone(), p.language()))
			.orElse(null);
	}

	/** The member a word names, read by the admin's platform, in the admin's workspace. */
	private Optional<ChatAccount> account(ChatAccount admin, String word) {
		return word == null ? Optional.empty() : references.account(admin.platform(), word, admin.workspace());
	}

	private static AccountDraft draft(ChatAccount account) {
		return new AccountDraft(account.platform(), account.workspace(), account.memberId());
	}

	private FieldError translate(Violation v, Locale locale) {
		String field = field(v.field());
		Object[] args = v.args().stream().map(a -> format(a, locale)).toArray();
		String key = "enroll.error." + v.code();
		String message;
		if (v.code().equals("invalid")) {
			message = replies.t(key, locale, label(field, locale), v.message());
		}
		else {
			Object[] all = new Object[args.length + 1];
			all[0] = label(field, locale);
			System.arraycopy(args, 0, all, 1, args.length);
			message = replies.t(key, locale, all);
		}
		return new FieldError(field, message);
	}

	private FieldError error(String field, String code, Locale locale, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = label(field, locale);
		System.arraycopy(args, 0, all, 1, args.length);
		return new FieldError(field, replies.t("enroll.error." + code, locale, all));
	}

	private String label(String field, Locale locale) {
		return replies.t("enroll.field." + field, locale);
	}

	private static Object format(Object arg, Locale locale) {
		if (arg instanceof LocalDate date) {
			return DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date);
		}
		// a number stays one: the messages count it in plural forms ({1, plural, …}), which a string breaks
		return arg instanceof Number ? arg : String.valueOf(arg);
	}

	/** The form's field for a violation of the draft ({@code participant.timezone} → {@code tz}). */
	static String field(String draftField) {
		if (draftField.equals("participant.timezone")) {
			return "tz";
		}
		if (draftField.equals("participant.locale") || draftField.equals("locale")) {
			return "lang";
		}
		if (draftField.equals("timezone")) {
			return "tz";
		}
		String head = draftField.contains(".") ? draftField.substring(0, draftField.indexOf('.')) : draftField;
		switch (head) {
			case "hostOrganisation":
				return "host";
			case "startDate":
				return "start";
			case "endDate":
				return "end";
			case "academicCoach":
				return "academic-coach";
			case "businessCoach":
				return "business-coach";
			case "workDays":
				return "work-days";
			case "addedValue":
				return "added-value";
			case "schedule":
				return draftField.endsWith(".time") ? "time" : "day";
			default:
				return head;
		}
	}

	/** Day names as people type them: {@code mon}, {@code Monday}, {@code MONDAY}; anything else as given. */
	static List<String> workDays(List<String> days) {
		if (days == null) {
			return null;
		}
		Set<String> parsed = new LinkedHashSet<>();
		for (String day : days) {
			parsed.add(dayName(day));
		}
		return List.copyOf(parsed);
	}

	static String dayName(String day) {
		String upper = day.strip().toUpperCase(Locale.ROOT);
		if (upper.length() >= 3) {
			for (DayOfWeek d : DayOfWeek.values()) {
				if (d.name().startsWith(upper)) {
					return d.name();
				}
			}
		}
		return day.strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
