package org.fieldnotes.commands;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.Option;
import org.fieldnotes.commands.EnrolmentOutcome.FieldError;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes change @person} with nothing else (admins): the change form, pre-filled with the placement as it
 * is now (the person's current placement, else their latest). On submit only the fields that differ from what the form
 * showed are changed, through {@link Enrolment#change(ChatAccount, Placement, Long, EnrolmentForm, List, Set, Locale)}
 * and so {@code PlacementManagement.change} with its checks, one change and one audit entry; the form carries the
 * placement's version ({@link Form#metadata()}), and a change made since it was opened is refused, not overwritten.
 *
 * <p>Field ids are the command's argument names, as on the enrolment form ({@code program}, {@code end},
 * {@code manager}, {@code manager-email}, …), plus {@code tz}, {@code lang} and {@code goals} (one learning goal a
 * line). A field left as it was shown changes nothing; a coach's fields emptied remove the coach.
 */
@Component
public class ChangeForms implements FormHandler {

	/** The form's id. */
	public static final String ID = "fieldnotes_change";
	private static final Logger log = LoggerFactory.getLogger(ChangeForms.class);
	private static final Pattern ASKED = Pattern.compile("(?i)change\\s+(\\S+)");
	/** A {@code key:value} part rather than a person ({@code change end:…} answers that a person is missing). */
	private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z-]+:.*");
	private static final List<String> ROLES = List.of("manager", "academic-coach", "business-coach");
	private static final List<String> ROLE_LABELS = List.of("enroll.form.manager", "enroll.form.academicCoach",
			"enroll.form.businessCoach");
	/** Fields a change is read from as typed; a required one left empty keeps what the placement has. */
	private static final List<String> PLAIN = List.of("program", "host", "start", "end", "day", "time", "tz", "lang");
	/** The fields an error can be shown on, in form order; an error on anything else goes on the first. */
	private static final List<String> FIELDS = List.of("program", "host", "start", "end", "manager", "academic-coach",
			"business-coach", "day", "time", "work-days", "tz", "lang", "goals");
	private static final List<String> LANGUAGES = List.of("en", "sv");

	private final Enrolment enrolment;
	private final PlacementManagement placements;
	private final AccountReferences references;
	private final AccessPolicy access;
	private final Messenger messenger;
	private final Replies replies;

	ChangeForms(Enrolment enrolment, PlacementManagement placements, AccountReferences references, AccessPolicy access,
			Messenger messenger, Replies replies) {
		this.enrolment = enrolment;
		this.placements = placements;
		this.references = references;
		this.access = access;
		this.messenger = messenger;
		this.replies = replies;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** Whether {@code /fieldnotes <text>} asks for this form: {@code change @person} alone, from an admin. */
	boolean asked(ChatAccount member, String text) {
		Matcher matcher = ASKED.matcher(text.strip());
		return matcher.matches() && !KEY_VALUE.matcher(matcher.group(1)).matches()
				&& access.allows(member, Operation.COMMAND_CHANGE);
	}

	/**
	 * The form for the placement of the person {@code text} names, or why there is none (not a member, not enrolled,
	 * a programme the admin does not coordinate).
	 */
	FormOpening open(ChatAccount admin, String text) {
		Locale locale = enrolment.languageOf(admin);
		Matcher matcher = ASKED.matcher(text.strip());
		if (!matcher.matches()) {
			return FormOpening.instead(replies.usage(replies.t("command.needsPerson", locale), "change", locale));
		}
		Optional<Placement> found = references.account(admin.platform(), matcher.group(1), admin.workspace())
			.flatMap(placements::currentOrLatestFor);
		if (found.isEmpty()) {
			return FormOpening.instead(ChatMessage.text(replies.t("command.personNotEnrolled", locale)));
		}
		Placement placement = found.get();
		Actor actor = access.member(admin);
		if (!actor.coordinates(placement.getProgram())) {
			return FormOpening.instead(ChatMessage.text(replies.t("enroll.error.otherProgramme", locale,
					replies.t("enroll.field.participant", locale), placement.getProgram(),
					String.join(", ", actor.programs().stream().sorted().toList()))));
		}
		return FormOpening.of(form(admin, placement, locale));
	}

	/** What to say when the platform could not open the form: why, and the command to use instead. */
	ChatMessage openFailed(ChatAccount admin, String reason) {
		Locale locale = enrolment.languageOf(admin);
		return ChatMessage.builder(replies.t("change.form.openFailed", locale, reason))
			.paragraph(replies.t("change.form.openFailed", locale, reason))
			.context(replies.t("help.change.usage", locale))
			.build();
	}

	/** The form, pre-filled with the placement as it is now, in the admin's language. */
	Form form(ChatAccount admin, Placement placement, Locale locale) {
		Shown shown = shown(admin, placement);
		String person = t("enroll.form.person", locale);
		Form.Builder form = Form.builder(ID, t("change.form.title", locale))
			.submit(t("change.form.submit", locale))
			.cancel(t("enroll.form.cancel", locale))
			.metadata(placement.getId() + ":" + version(placement))
			.text(replies.t("change.form.about", locale, placement.getParticipant().name(),
					placement.getHostOrganisation()))
			.field(Form.Field.text("program", t("enroll.form.program", locale)).maxLength(200)
				.initial(shown.value("program")))
			.field(Form.Field.text("host", t("enroll.form.host", locale)).maxLength(200).initial(shown.value("host")))
			.field(Form.Field.date("start", t("enroll.form.start", locale)).initial(shown.value("start")))
			.field(Form.Field.date("end", t("enroll.form.end", locale)).initial(shown.value("end")));
		for (int i = 0; i < ROLES.size(); i++) {
			String role = ROLES.get(i);
			form.field(Form.Field.member(role, t(ROLE_LABELS.get(i), locale)).optional().placeholder(person)
				.initial(shown.value(role)));
			form.field(Form.Field.email(role + "-email", t("enroll.form.email", locale)).optional()
				.initial(shown.value(role + "-email")));
		}
		List<Option> days = new ArrayList<>();
		for (DayOfWeek d : DayOfWeek.values()) {
			days.add(new Option(d.name(), d.getDisplayName(TextStyle.FULL, locale)));
		}
		List<Option> languages = LANGUAGES.stream().map(l -> new Option(l, t("language." + l, locale))).toList();
		return form.field(Form.Field.select("day", t("enroll.form.day", locale), days).initial(shown.value("day")))
			.field(Form.Field.time("time", t("enroll.form.time", locale)).initial(shown.value("time")))
			.field(Form.Field.checkboxes("work-days", t("enroll.form.workDays", locale), days)
				.initialValues(shown.workDays()))
			.field(Form.Field.text("tz", t("change.form.timezone", locale)).maxLength(100).initial(shown.value("tz")))
			.field(Form.Field.select("lang", t("change.form.language", locale), languages).initial(shown.value("lang")))
			.field(Form.Field.longText("goals", t("change.form.goals", locale)).optional().maxLength(3000)
				.initial(shown.value("goals")))
			.note(t("change.form.hint", locale))
			.build();
	}

	@Override
	public FormOutcome submit(ChatAccount admin, FormSubmission submission) {
		Locale locale = enrolment.languageOf(admin);
		if (!access.allows(admin, Operation.CHANGE_FORM)) {
			return FormOutcome.invalid(FIELDS.get(0), t("command.adminOnly", locale));
		}
		String metadata = submission.metadata() == null ? "" : submission.metadata();
		int colon = metadata.lastIndexOf(':');
		Placement placement;
		long opened;
		try {
			placement = placements.get(metadata.substring(0, Math.max(colon, 0)));
			opened = Long.parseLong(metadata.substring(colon + 1));
		}
		catch (PlacementNotFound | NumberFormatException e) {
			return FormOutcome.invalid(FIELDS.get(0), t("command.personNotEnrolled", locale));
		}
		if (version(placement) != opened) {
			// what the form showed is no longer the placement: the admin's values would overwrite someone else's
			return FormOutcome.invalid(FIELDS.get(0), t("change.form.conflict", locale));
		}
		Shown shown = shown(admin, placement);
		Map<String, String> values = new LinkedHashMap<>();
		Set<String> removed = new LinkedHashSet<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (String field : PLAIN) {
			String given = given(submission, field);
			if (given != null && !given.equals(shown.value(field))) {
				values.put(field, given);
			}
		}
		for (String role : ROLES) {
			String member = given(submission, role);
			String email = given(submission, role + "-email");
			if (member != null && email != null) {
				errors.put(role, t("enroll.form.pickOne", locale));
				continue;
			}
			String before = shown.value(role) != null ? shown.value(role) : shown.value(role + "-email");
			String now = member != null ? member : email;
			if (now == null && before != null) {
				removed.add(role);
			}
			else if (now != null && !now.equalsIgnoreCase(before == null ? "" : before)) {
				values.put(role, now);
			}
		}
		if (!errors.isEmpty()) {
			return FormOutcome.invalid(errors);
		}
		List<String> workDays = null;
		if (submission.has("work-days") && !submission.valuesOf("work-days").isEmpty()
				&& !Set.copyOf(submission.valuesOf("work-days")).equals(Set.copyOf(shown.workDays()))) {
			workDays = submission.valuesOf("work-days");
		}
		List<String> goals = null;
		List<String> goalsGiven = lines(submission.value("goals"));
		if (!goalsGiven.equals(lines(shown.value("goals")))) {
			if (goalsGiven.isEmpty()) {
				removed.add("learningGoals");
			}
			else {
				goals = goalsGiven;
			}
		}
		if (values.isEmpty() && removed.isEmpty() && workDays == null && goals == null) {
			String nothing = replies.t("change.nothing", locale, placement.getParticipant().name(),
					placement.getHostOrganisation());
			return FormOutcome.done(() -> confirm(admin, placement, nothing));
		}
		// the placement is known: the form's participant is not looked up again
		EnrolmentForm form = new EnrolmentForm(null, values.get("program"), values.get("host"), values.get("start"), values.get("end"),
				values.get("manager"), values.get("academic-coach"), values.get("business-coach"), values.get("day"),
				values.get("time"), workDays, values.get("tz"), values.get("lang"));
		Enrolment.ChangeOutcome outcome = enrolment.change(admin, placement, opened, form, goals, removed, locale);
		if (!outcome.changed()) {
			Map<String, String> byField = new LinkedHashMap<>();
			for (FieldError error : outcome.errors()) {
				byField.merge(fieldOf(error.field()), error.message(), (a, b) -> a + " " + b);
			}
			return FormOutcome.invalid(byField);
		}
		String confirmation = outcome.confirmation();
		return FormOutcome.done(() -> confirm(admin, placement, confirmation));
	}

	private void confirm(ChatAccount admin, Placement placement, String confirmation) {
		try {
			messenger.sendDirect(admin, ChatMessage.text(confirmation));
		}
		catch (DeliveryFailed e) {
			log.warn("Placement {} changed, but the confirmation DM failed: {}", placement.getId(), e.reason());
		}
	}

	/** What the form shows of a placement for this admin: the same at opening and at submit, to tell what changed. */
	private record Shown(Map<String, String> values, List<String> workDays) {

		String value(String field) {
			return values.get(field);
		}
	}

	private Shown shown(ChatAccount admin, Placement p) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("program", p.getProgram());
		values.put("host", p.getHostOrganisation());
		values.put("start", p.getStartDate().toString());
		values.put("end", p.getEndDate().toString());
		Person[] followers = { p.getManager(), p.getAcademicCoach(), p.getBusinessCoach() };
		for (int i = 0; i < ROLES.size(); i++) {
			Person follower = followers[i];
			if (follower == null) {
				continue;
			}
			// someone the admin's platform can show as a member is shown so; else by their address, if any
			Optional<ChatAccount> account = account(admin, follower);
			if (account.isPresent()) {
				values.put(ROLES.get(i), account.get().memberId());
			}
			else if (!follower.emails().isEmpty()) {
				values.put(ROLES.get(i) + "-email", follower.emails().get(0));
			}
		}
		values.put("day", p.getSchedule().dayOfWeek().name());
		values.put("time", p.getSchedule().time().toString());
		values.put("tz", p.getParticipant().timezone());
		values.put("lang", p.getParticipant().locale());
		List<String> goals = p.getLearningGoals() == null ? List.of() : p.getLearningGoals();
		values.put("goals", goals.isEmpty() ? null : String.join("\n", goals));
		List<String> workDays = p.getWorkDays().stream().sorted().map(DayOfWeek::name).toList();
		return new Shown(values, workDays);
	}

	/** The person's account on the admin's platform, in the admin's workspace where both say which. */
	private static Optional<ChatAccount> account(ChatAccount admin, Person person) {
		return person.accounts().stream()
			.filter(a -> a.platform().equals(admin.platform()))
			.filter(a -> a.workspace() == null || admin.workspace() == null
					|| Objects.equals(a.workspace(), admin.workspace()))
			.findFirst();
	}

	private static long version(Placement placement) {
		return placement.getVersion() == null ? 0 : placement.getVersion();
	}

	/** The field that shows an error; errors of fields the form does not have go on the first. */
	static String fieldOf(String field) {
		if (field.equals("learningGoals") || field.startsWith("learningGoals")) {
			return "goals";
		}
		return FIELDS.contains(field) ? field : FIELDS.get(0);
	}

	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static String given(FormSubmission submission, String field) {
		String value = submission.value(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private String t(String key, Locale locale) {
		return replies.t(key, locale);
	}
}
