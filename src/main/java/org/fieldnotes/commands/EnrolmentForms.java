package org.fieldnotes.commands;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.Option;
import org.fieldnotes.commands.EnrolmentOutcome.FieldError;
import org.fieldnotes.placement.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes enroll} with no arguments (admins): the enrolment form. Its submission goes through
 * {@link Enrolment} like the command; errors are shown on their fields in the admin's language, and on success the
 * form closes and the admin gets a confirmation message.
 *
 * <p>Field ids are the command's argument names ({@code participant}, {@code start}, …); a manager or coach can be
 * picked among the platform's members or given by e-mail ({@code <role>-email}), not both.
 */
@Component
public class EnrolmentForms implements FormHandler {

	/** The form's id. */
	public static final String ID = "fieldnotes_enrol";
	private static final Logger log = LoggerFactory.getLogger(EnrolmentForms.class);
	private static final List<String> ROLES = List.of("manager", "academic-coach", "business-coach");
	private static final List<String> ROLE_LABELS = List.of("enroll.form.manager", "enroll.form.academicCoach",
			"enroll.form.businessCoach");
	/** The fields an error can be shown on; an error on anything else goes on the participant. */
	private static final Set<String> FIELDS = Set.of("program", "host", "start", "end", "manager", "academic-coach",
			"business-coach", "day", "time", "work-days");

	private final Enrolment enrolment;
	private final AccessPolicy access;
	private final Messenger messenger;
	private final Replies replies;

	EnrolmentForms(Enrolment enrolment, AccessPolicy access, Messenger messenger, Replies replies) {
		this.enrolment = enrolment;
		this.access = access;
		this.messenger = messenger;
		this.replies = replies;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** Whether {@code /fieldnotes <text>} asks for this form: {@code enroll} alone, from someone who may enrol. */
	boolean asked(ChatAccount member, String text) {
		return text.strip().equalsIgnoreCase("enroll") && access.allows(member, Operation.COMMAND_ENROLL);
	}

	/** What to say when the platform could not open the form: why, and the command to use instead. */
	ChatMessage openFailed(ChatAccount admin, String reason) {
		Locale locale = enrolment.languageOf(admin);
		return ChatMessage.builder(replies.t("enroll.form.openFailed", locale, reason))
			.paragraph(replies.t("enroll.form.openFailed", locale, reason))
			.context(replies.t("help.enroll.usage", locale))
			.build();
	}

	/** The form, in the admin's language. */
	public Form form(ChatAccount admin) {
		Locale locale = enrolment.languageOf(admin);
		String person = t("enroll.form.person", locale);
		Form.Builder form = Form.builder(ID, t("enroll.form.title", locale))
			.submit(t("enroll.form.submit", locale))
			.cancel(t("enroll.form.cancel", locale))
			.field(Form.Field.member("participant", t("enroll.form.participant", locale)).placeholder(person))
			.field(Form.Field.text("program", t("enroll.form.program", locale)).maxLength(200)
				.placeholder(t("enroll.form.program.hint", locale)))
			.field(Form.Field.text("host", t("enroll.form.host", locale)).maxLength(200))
			.field(Form.Field.date("start", t("enroll.form.start", locale)))
			.field(Form.Field.date("end", t("enroll.form.end", locale)));
		for (int i = 0; i < ROLES.size(); i++) {
			form.field(Form.Field.member(ROLES.get(i), t(ROLE_LABELS.get(i), locale)).optional().placeholder(person));
			form.field(Form.Field.email(ROLES.get(i) + "-email", t("enroll.form.email", locale)).optional());
		}
		List<Option> days = new ArrayList<>();
		List<String> fullTime = new ArrayList<>();
		for (DayOfWeek d : DayOfWeek.values()) {
			days.add(new Option(d.name(), d.getDisplayName(TextStyle.FULL, locale)));
			if (d.getValue() <= 5) {
				fullTime.add(d.name());
			}
		}
		return form.field(Form.Field.select("day", t("enroll.form.day", locale), days).optional()
				.initial(DayOfWeek.FRIDAY.name()))
			.field(Form.Field.time("time", t("enroll.form.time", locale)).optional().initial("14:00"))
			.field(Form.Field.checkboxes("work-days", t("enroll.form.workDays", locale), days).optional()
				.initialValues(fullTime))
			.note(t("enroll.form.hint", locale))
			.build();
	}

	@Override
	public FormOutcome submit(ChatAccount admin, FormSubmission submission) {
		Locale locale = enrolment.languageOf(admin);
		if (!access.allows(admin, Operation.ENROLMENT_FORM)) {
			return FormOutcome.invalid("participant", t("command.adminOnly", locale));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> people = new LinkedHashMap<>();
		for (String role : ROLES) {
			String member = given(submission, role);
			String email = given(submission, role + "-email");
			if (member != null && email != null) {
				errors.put(role, t("enroll.form.pickOne", locale));
			}
			people.put(role, member != null ? member : email);
		}
		if (!errors.isEmpty()) {
			return FormOutcome.invalid(errors);
		}
		EnrolmentForm form = new EnrolmentForm(given(submission, "participant"), given(submission, "program"),
				given(submission, "host"), given(submission, "start"), given(submission, "end"), people.get("manager"),
				people.get("academic-coach"), people.get("business-coach"), submission.value("day"),
				submission.value("time"), submission.has("work-days") ? submission.valuesOf("work-days") : null, null,
				null);
		EnrolmentOutcome outcome = enrolment.enrol(admin, form, locale);
		if (!outcome.enrolled()) {
			Map<String, String> byField = new LinkedHashMap<>();
			for (FieldError error : outcome.errors()) {
				byField.merge(fieldOf(error.field()), error.message(), (a, b) -> a + " " + b);
			}
			return FormOutcome.invalid(byField);
		}
		String confirmation = outcome.confirmation();
		return FormOutcome.done(() -> confirm(admin, outcome.placement(), confirmation));
	}

	private void confirm(ChatAccount admin, Placement placement, String confirmation) {
		try {
			messenger.sendDirect(admin, ChatMessage.text(confirmation));
		}
		catch (DeliveryFailed e) {
			log.warn("Placement {} enrolled, but the confirmation DM failed: {}", placement.getId(), e.reason());
		}
	}

	/** The field that shows an error; errors of fields the form does not have go on the participant. */
	static String fieldOf(String field) {
		return FIELDS.contains(field) ? field : "participant";
	}

	private static String given(FormSubmission submission, String field) {
		String value = submission.value(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private String t(String key, Locale locale) {
		return replies.t(key, locale);
	}
}
