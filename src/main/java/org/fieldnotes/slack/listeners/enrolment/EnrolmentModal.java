package org.fieldnotes.slack.listeners.enrolment;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.commands.Enrolment;
import org.fieldnotes.commands.EnrolmentForm;
import org.fieldnotes.commands.EnrolmentOutcome;
import org.fieldnotes.commands.EnrolmentOutcome.FieldError;
import org.fieldnotes.commands.Replies;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.listeners.commands.SlashCommandForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.EmailTextInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.block.element.UsersSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/**
 * {@code /fieldnotes enroll} with no arguments (admins): the enrolment form as a modal. Its submission goes through
 * {@link Enrolment} like the command; errors are shown on their fields ({@code response_action: errors}) in the
 * admin's language, and on success the modal closes and the admin gets a confirmation DM.
 *
 * <p>Block ids are the command's argument names ({@code participant}, {@code start}, …); a coach can be picked from
 * the workspace or given by e-mail ({@code <role>-email}), not both.
 */
@Component
class EnrolmentModal implements SlackListener, SlashCommandForm {

	static final String CALLBACK_ID = "fieldnotes_enrol";
	static final String ACTION = "value";
	private static final Logger log = LoggerFactory.getLogger(EnrolmentModal.class);
	private static final List<String> ROLES = List.of("manager", "academic-coach", "business-coach");

	private final Enrolment enrolment;
	private final AccessPolicy access;
	private final Messenger messenger;
	private final Replies replies;
	private App app;

	EnrolmentModal(Enrolment enrolment, AccessPolicy access, Messenger messenger, Replies replies) {
		this.enrolment = enrolment;
		this.access = access;
		this.messenger = messenger;
		this.replies = replies;
	}

	@Override
	public boolean opens(ChatAccount member, String text) {
		return text.strip().equalsIgnoreCase("enroll") && access.allows(member, Operation.COMMAND_ENROLL);
	}

	@Override
	public Optional<ChatMessage> open(String triggerId, ChatAccount member) {
		Locale locale = enrolment.languageOf(member);
		String error;
		try {
			ViewsOpenResponse response = app.client()
				.viewsOpen(r -> r.token(app.config().getSingleTeamBotToken()).triggerId(triggerId).view(view(locale)));
			if (response.isOk()) {
				return Optional.empty();
			}
			error = response.getError();
		}
		catch (IOException | SlackApiException e) {
			error = e.getClass().getSimpleName();
		}
		log.warn("Could not open the enrolment form: {}", error);
		return Optional.of(ChatMessage.builder(replies.t("enroll.form.openFailed", locale, error))
			.paragraph(replies.t("enroll.form.openFailed", locale, error))
			.context(replies.t("help.enroll.usage", locale))
			.build());
	}

	@Override
	public void register(App app) {
		this.app = app;
		app.viewSubmission(CALLBACK_ID, (request, ctx) -> {
			ChatAccount admin = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			Locale locale = enrolment.languageOf(admin);
			if (!access.allows(admin, Operation.ENROLMENT_FORM)) {
				return ctx.ack(r -> r.responseAction("errors")
					.errors(Map.of("participant", replies.t("command.adminOnly", locale))));
			}
			Map<String, Map<String, ViewState.Value>> values = request.getPayload().getView().getState().getValues();
			Map<String, String> errors = new LinkedHashMap<>();
			Map<String, String> people = new LinkedHashMap<>();
			for (String role : ROLES) {
				String user = selectedUser(values, role);
				String email = text(values, role + "-email");
				if (user != null && email != null) {
					errors.put(role, replies.t("enroll.form.pickOne", locale));
				}
				people.put(role, user != null ? user : email);
			}
			if (!errors.isEmpty()) {
				return ctx.ack(r -> r.responseAction("errors").errors(errors));
			}
			ViewState.Value day = value(values, "day");
			List<String> workDays = null;
			ViewState.Value checked = value(values, "work-days");
			if (checked != null && checked.getSelectedOptions() != null) {
				workDays = checked.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
			}
			EnrolmentForm form = new EnrolmentForm(selectedUser(values, "participant"), text(values, "program"),
					text(values, "host"), date(values, "start"), date(values, "end"), people.get("manager"),
					people.get("academic-coach"), people.get("business-coach"),
					day == null || day.getSelectedOption() == null ? null : day.getSelectedOption().getValue(),
					value(values, "time") == null ? null : value(values, "time").getSelectedTime(), workDays, null,
					null);
			EnrolmentOutcome outcome = enrolment.enrol(admin, form, locale);
			if (!outcome.enrolled()) {
				Map<String, String> byBlock = new LinkedHashMap<>();
				for (FieldError error : outcome.errors()) {
					byBlock.merge(block(error.field()), error.message(), (a, b) -> a + " " + b);
				}
				return ctx.ack(r -> r.responseAction("errors").errors(byBlock));
			}
			String confirmation = outcome.confirmation();
			app.executorService().execute(() -> confirm(admin, outcome.placement(), confirmation));
			return ctx.ack();
		});
	}

	private void confirm(ChatAccount admin, Placement placement, String confirmation) {
		try {
			messenger.sendDirect(admin, ChatMessage.text(confirmation));
		}
		catch (DeliveryFailed e) {
			log.warn("Placement {} enrolled, but the confirmation DM failed: {}", placement.getId(), e.reason());
		}
	}

	/** The block that shows an error on a field; fields without a block of their own go on the participant. */
	static String block(String field) {
		switch (field) {
			case "program":
			case "host":
			case "start":
			case "end":
			case "manager":
			case "academic-coach":
			case "business-coach":
			case "day":
			case "time":
			case "work-days":
				return field;
			default:
				return "participant";
		}
	}

	View view(Locale locale) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(input("participant", "enroll.form.participant", false, UsersSelectElement.builder()
			.actionId(ACTION).placeholder(plain(replies.t("enroll.form.person", locale))).build(), locale));
		blocks.add(input("program", "enroll.form.program", false, PlainTextInputElement.builder()
			.actionId(ACTION).maxLength(200).placeholder(plain(replies.t("enroll.form.program.hint", locale))).build(),
				locale));
		blocks.add(input("host", "enroll.form.host", false,
				PlainTextInputElement.builder().actionId(ACTION).maxLength(200).build(), locale));
		blocks.add(input("start", "enroll.form.start", false, DatePickerElement.builder().actionId(ACTION).build(),
				locale));
		blocks.add(input("end", "enroll.form.end", false, DatePickerElement.builder().actionId(ACTION).build(), locale));
		String[] labels = { "enroll.form.manager", "enroll.form.academicCoach", "enroll.form.businessCoach" };
		for (int i = 0; i < ROLES.size(); i++) {
			blocks.add(input(ROLES.get(i), labels[i], true, UsersSelectElement.builder()
				.actionId(ACTION).placeholder(plain(replies.t("enroll.form.person", locale))).build(), locale));
			blocks.add(InputBlock.builder()
				.blockId(ROLES.get(i) + "-email")
				.optional(true)
				.label(plain(replies.t("enroll.form.email", locale)))
				.element(EmailTextInputElement.builder().actionId(ACTION).build())
				.build());
		}
		List<OptionObject> days = new ArrayList<>();
		List<OptionObject> fullTime = new ArrayList<>();
		for (DayOfWeek d : DayOfWeek.values()) {
			OptionObject option = OptionObject.builder()
				.text(plain(d.getDisplayName(TextStyle.FULL, locale)))
				.value(d.name())
				.build();
			days.add(option);
			if (d.getValue() <= 5) {
				fullTime.add(option);
			}
		}
		blocks.add(input("day", "enroll.form.day", true, StaticSelectElement.builder()
			.actionId(ACTION).options(days).initialOption(days.get(DayOfWeek.FRIDAY.ordinal())).build(), locale));
		blocks.add(input("time", "enroll.form.time", true,
				TimePickerElement.builder().actionId(ACTION).initialTime("14:00").build(), locale));
		blocks.add(input("work-days", "enroll.form.workDays", true,
				CheckboxesElement.builder().actionId(ACTION).options(days).initialOptions(fullTime).build(), locale));
		blocks.add(ContextBlock.builder().elements(List.of(plain(replies.t("enroll.form.hint", locale)))).build());
		return View.builder()
			.type("modal")
			.callbackId(CALLBACK_ID)
			.title(ViewTitle.builder().type("plain_text").text(replies.t("enroll.form.title", locale)).build())
			.submit(ViewSubmit.builder().type("plain_text").text(replies.t("enroll.form.submit", locale)).build())
			.close(ViewClose.builder().type("plain_text").text(replies.t("enroll.form.cancel", locale)).build())
			.blocks(blocks)
			.build();
	}

	private InputBlock input(String blockId, String label, boolean optional, BlockElement element, Locale locale) {
		return InputBlock.builder()
			.blockId(blockId)
			.optional(optional)
			.label(plain(replies.t(label, locale)))
			.element(element)
			.build();
	}

	private static PlainTextObject plain(String text) {
		return PlainTextObject.builder().text(text).emoji(true).build();
	}

	private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
		Map<String, ViewState.Value> actions = values == null ? null : values.get(block);
		return actions == null ? null : actions.get(ACTION);
	}

	private static String selectedUser(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = value(values, block);
		return value == null ? null : blankToNull(value.getSelectedUser());
	}

	private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = value(values, block);
		return value == null ? null : blankToNull(value.getValue());
	}

	private static String date(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = value(values, block);
		return value == null ? null : blankToNull(value.getSelectedDate());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
