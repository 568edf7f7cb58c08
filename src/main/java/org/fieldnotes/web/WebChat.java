package org.fieldnotes.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormChecks;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.InboundMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.commands.CommandForms;
import org.fieldnotes.commands.Commands;
import org.fieldnotes.commands.EraseCommand;
import org.fieldnotes.home.HomeChoices;
import org.fieldnotes.home.HomeScreens;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.PromptAnswerForms;
import org.fieldnotes.logbook.Receipt;
import org.fieldnotes.logbook.ReplyForms;
import org.fieldnotes.survey.SurveyButtons;
import org.fieldnotes.goals.GoalButtons;
import org.fieldnotes.goals.GoalProgressForms;
import org.fieldnotes.survey.SurveyForms;
import org.fieldnotes.logbook.ReplyResponder;
import org.fieldnotes.endreport.EndReportButtons;
import org.fieldnotes.signoff.WeekSignOffButtons;
import org.fieldnotes.logbook.BlockerButtons;
import org.fieldnotes.logbook.ResponseButtons;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.prompting.PromptResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a member does in the web chat, handed to the same module services Slack's listeners call, through the same
 * access policy: typed text is a direct message (an entry, or the answer to the open prompt), {@code /fieldnotes …}
 * the command, a button the service its action id names, a form its {@link FormHandler}. Answers meant for that
 * person only are notes ({@link Messenger#sendEphemeral}); forms and the Home go through the chat port like Slack's.
 */
@Component
class WebChat {

	static final String COMMAND = "/fieldnotes";
	private static final Logger log = LoggerFactory.getLogger(WebChat.class);
	private static final Pattern VISIBILITY = Pattern.compile("^" + Pattern.quote(VisibilityChoice.ACTION_PREFIX) + "[a-z]+$");

	/** Where a button was pressed: on a kept message, on a note, or on the Home (neither). */
	record Pressed(String actionId, String value, String messageId, String noteId) {
	}

	private final Logbook logbook;
	private final ReplyResponder responder;
	private final Commands commands;
	private final CommandForms commandForms;
	private final PromptResponses prompts;
	private final PromptAnswerForms promptForms;
	private final Responses responses;
	private final BlockerButtons blockerButtons;
	private final EndReportButtons endReportButtons;
	private final WeekSignOffButtons weekSignOffButtons;
	private final ReplyForms replyForms;
	private final SurveyForms surveyForms;
	private final GoalProgressForms goalForms;
	private final HomeChoices choices;
	private final HomeScreens home;
	private final VisibilityControls visibility;
	private final EraseCommand erase;
	private final AccessPolicy access;
	private final Messenger messenger;
	private final WebConversations conversations;
	private final MessageSource messages;
	private final Languages languages;
	private final org.fieldnotes.people.People people;
	private final FormChecks formChecks;
	private final Map<String, FormHandler> handlers = new LinkedHashMap<>();

	WebChat(Logbook logbook, ReplyResponder responder, Commands commands, CommandForms commandForms,
			PromptResponses prompts, PromptAnswerForms promptForms, Responses responses, ReplyForms replyForms,
			HomeChoices choices, HomeScreens home, VisibilityControls visibility, EraseCommand erase,
			AccessPolicy access, Messenger messenger, WebConversations conversations, MessageSource messages,
			Languages languages, org.fieldnotes.people.People people, FormChecks formChecks,
			List<FormHandler> formHandlers, BlockerButtons blockerButtons, EndReportButtons endReportButtons,
			SurveyForms surveyForms, GoalProgressForms goalForms, WeekSignOffButtons weekSignOffButtons) {
		this.endReportButtons = endReportButtons;
		this.weekSignOffButtons = weekSignOffButtons;
		this.surveyForms = surveyForms;
		this.goalForms = goalForms;
		this.blockerButtons = blockerButtons;
		this.people = people;
		this.formChecks = formChecks;
		this.logbook = logbook;
		this.responder = responder;
		this.commands = commands;
		this.commandForms = commandForms;
		this.prompts = prompts;
		this.promptForms = promptForms;
		this.responses = responses;
		this.replyForms = replyForms;
		this.choices = choices;
		this.home = home;
		this.visibility = visibility;
		this.erase = erase;
		this.access = access;
		this.messenger = messenger;
		this.conversations = conversations;
		this.messages = messages;
		this.languages = languages;
		for (FormHandler handler : formHandlers) {
			for (String formId : handler.formIds()) {
				handlers.put(formId, handler);
			}
		}
	}

	Locale locale(ChatAccount member) {
		return languages.of(member);
	}

	/** The member's time zone as the people store has it (UTC when it has none, or an unknown one). */
	java.time.ZoneId zone(ChatAccount member) {
		try {
			return people.find(member).map(p -> p.timezone()).filter(z -> z != null && !z.isBlank())
				.map(java.time.ZoneId::of).orElse(java.time.ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException e) {
			return java.time.ZoneOffset.UTC;
		}
	}

	String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** The longest text the web chat takes in one message: Slack's own limit on a message's text. */
	static final int MAX_TYPED = 40_000;

	/**
	 * What the member typed: {@code /fieldnotes …} runs the command (its answer is a note for them, or its form
	 * opens); anything else is kept in their conversation and received as a direct message, exactly as on Slack.
	 */
	void typed(ChatAccount member, String text) {
		if (text.length() > MAX_TYPED) {
			// the page's text box stops at this length; a longer post is not from it, and nothing of it is kept
			note(member, ChatMessage.text(t("web.compose.tooLong", locale(member), MAX_TYPED, text.length())));
			return;
		}
		String stripped = text.strip();
		if (stripped.equals(COMMAND) || stripped.startsWith(COMMAND + " ")) {
			command(member, stripped.substring(COMMAND.length()).strip());
			return;
		}
		String ts = conversations.fromPerson(member.memberId(), text);
		Receipt receipt = logbook.receive(new InboundMessage(new MessageRef(WebMemberReferences.PLATFORM,
				member.memberId(), ts), member, text, null, false));
		responder.answer(receipt);
	}

	private void command(ChatAccount member, String text) {
		Optional<CommandForms.CommandForm> form = commandForms.forText(member, text);
		if (form.isPresent()) {
			if (form.get().opening().opens()) {
				messenger.openForm(member, null, form.get().opening().form());
			}
			else {
				note(member, form.get().opening().instead());
			}
			return;
		}
		note(member, commands.run(member, text));
	}

	/** A button (or a Home menu or select) pressed by the member. */
	void pressed(ChatAccount member, Pressed pressed) {
		Locale locale = locale(member);
		String action = pressed.actionId();
		String value = pressed.value() == null ? "" : pressed.value();
		try {
			if (PromptButtons.WRITE.equals(action) || PromptButtons.STATUS.equals(action)) {
				open(member, promptForms.open(value, member, PromptButtons.WRITE.equals(action)
						? Operation.PROMPT_WRITE_BUTTON : Operation.PROMPT_STATUS_BUTTON));
			}
			else if (PromptButtons.SNOOZE.equals(action) || PromptButtons.SKIP.equals(action)) {
				SentMessage on = pressed.messageId() == null ? null
						: new SentMessage(member, member.memberId(), pressed.messageId());
				PromptResponses.Outcome outcome = PromptButtons.SNOOZE.equals(action)
						? prompts.snooze(value, member, on) : prompts.skip(value, member, on);
				if (outcome == PromptResponses.Outcome.CLOSED) {
					note(member, ChatMessage.text(t("prompt.closed", locale)));
				}
			}
			else if (ResponseButtons.ACKNOWLEDGE.equals(action)) {
				acknowledge(member, new Pressed(action, value, pressed.messageId(), pressed.noteId()), locale);
			}
			else if (ResponseButtons.REPLY.equals(action)) {
				open(member, replyForms.open(value, member));
			}
			else if (SurveyButtons.OPEN.equals(action)) {
				open(member, surveyForms.open(value, member));
			}
			else if (GoalButtons.MOVED.equals(action)) {
				open(member, goalForms.open(value, member));
			}
			else if (BlockerButtons.handles(action)) {
				note(member, ChatMessage.text(blockerButtons.press(member, action, value).orElseThrow().answer()));
			}
			else if (EndReportButtons.handles(action)) {
				open(member, endReportButtons.press(member, action, value).orElseThrow());
			}
			else if (WeekSignOffButtons.handles(action)) {
				open(member, weekSignOffButtons.press(member, action, value).orElseThrow());
			}
			else if (HomeScreens.WRITE.equals(action)) {
				messenger.openForm(member, null, choices.write(member));
			}
			else if (HomeScreens.STATUS.equals(action)) {
				messenger.openForm(member, null, choices.status(member));
			}
			else if (HomeScreens.ENTRY_MENU.equals(action)) {
				Optional<Form> form = choices.entryMenu(member, value);
				if (form.isPresent()) {
					messenger.openForm(member, null, form.get());
				}
				else {
					home.show(member);
				}
			}
			else if (HomeScreens.UPDATE_MENU.equals(action)) {
				choices.updateMenu(member, value);
				home.show(member);
			}
			else if (HomeScreens.DEFAULT_VISIBILITY.equals(action)) {
				choices.defaultVisibility(member, value);
				home.show(member);
			}
			else if (VISIBILITY.matcher(action).matches()) {
				changeVisibility(member, pressed, locale);
			}
			else if (EraseCommand.CONFIRM.equals(action)) {
				replaceOrNote(member, pressed, erase.confirm(member, value, locale));
			}
			else if (EraseCommand.CANCEL.equals(action)) {
				replaceOrNote(member, pressed, erase.cancel(value, locale));
			}
			else {
				throw new UnknownAction();
			}
		}
		catch (NotYourPrompt e) {
			note(member, ChatMessage.text(t("prompt.notYours", locale)));
		}
	}

	private void open(ChatAccount member, FormOpening opening) {
		if (opening.opens()) {
			messenger.openForm(member, null, opening.form());
		}
		else {
			note(member, opening.instead());
		}
	}

	private void acknowledge(ChatAccount member, Pressed pressed, Locale locale) {
		Responses.Outcome outcome = responses.acknowledge(pressed.value(), access.member(member),
				Operation.ENTRY_ACKNOWLEDGE_BUTTON);
		switch (outcome.status()) {
			case STORED, ALREADY_DONE -> {
				markAcknowledged(member, pressed, locale);
				note(member, ChatMessage.text(t(outcome.status() == Responses.Status.STORED ? "replies.acknowledged"
						: "replies.already", locale, outcome.participantFirstName())));
			}
			default -> note(member, ChatMessage.text(t(outcome.status() == Responses.Status.GONE ? "replies.gone"
					: "replies.refused", locale)));
		}
	}

	/** The pressed digest keeps its place; its Acknowledge button for that entry now reads "✓ Acknowledged". */
	@SuppressWarnings("unchecked")
	private void markAcknowledged(ChatAccount member, Pressed pressed, Locale locale) {
		if (pressed.messageId() == null) {
			return;
		}
		conversations.message(member.memberId(), pressed.messageId()).ifPresent(message -> {
			List<Map<String, Object>> blocks = new ArrayList<>();
			for (Map<String, Object> block : message.blocks()) {
				Map<String, Object> copy = new LinkedHashMap<>(block);
				if ("actions".equals(block.get("type"))) {
					List<Map<String, Object>> buttons = new ArrayList<>();
					for (Map<String, Object> button : (List<Map<String, Object>>) block.get("buttons")) {
						Map<String, Object> b = new LinkedHashMap<>(button);
						if (ResponseButtons.ACKNOWLEDGE.equals(b.get("actionId")) && pressed.value().equals(b.get("value"))) {
							b.put("label", t("replies.marker", locale));
							b.put("style", "default");
							b.put("done", true);
						}
						buttons.add(b);
					}
					copy.put("buttons", buttons);
				}
				blocks.add(copy);
			}
			conversations.replaceBlocks(member.memberId(), message.id(), blocks);
		});
	}

	private void changeVisibility(ChatAccount member, Pressed pressed, Locale locale) {
		Optional<VisibilityChoice> choice = VisibilityChoice.parse(pressed.value());
		if (choice.isEmpty() || !visibility.apply(choice.get(), member, Operation.VISIBILITY_BUTTON)) {
			note(member, ChatMessage.text(t("visibility.notYours", locale)));
			return;
		}
		replaceOrNote(member, pressed, visibility.changed(choice.get(), locale));
		home.show(member);
	}

	/** Replaces the message or note the button was on with {@code answer}; a note when it was on neither. */
	private void replaceOrNote(ChatAccount member, Pressed pressed, ChatMessage answer) {
		boolean replaced = pressed.messageId() != null
				? conversations.replace(member.memberId(), pressed.messageId(), answer)
				: pressed.noteId() != null && conversations.replaceNote(member.memberId(), pressed.noteId(), answer);
		if (!replaced) {
			note(member, answer);
		}
	}

	/**
	 * The member's open form, submitted: checked as a chat client checks it (required fields, lengths, choices among
	 * the options), then handed to its module's handler. Invalid: the form stays open with a message on each field,
	 * showing what they sent, and nothing is stored. Valid: it closes or turns into the next form, and the
	 * outcome's work runs.
	 */
	void submitted(ChatAccount member, String key, Map<String, List<String>> sent) {
		Optional<WebConversations.OpenForm> open = conversations.openForm(member.memberId())
			.filter(o -> o.key().equals(key));
		if (open.isEmpty()) {
			throw new NoSuchForm();
		}
		Form form = open.get().form();
		FormHandler handler = handlers.get(form.id());
		if (handler == null) {
			log.warn("No handler for the web form {}", form.id());
			conversations.close(member.memberId(), key);
			return;
		}
		Map<String, List<String>> values = formChecks.values(form, sent);
		Map<String, String> errors = formChecks.check(form, values, locale(member));
		FormOutcome outcome = errors.isEmpty()
				? handler.submit(member, new FormSubmission(form.id(), form.metadata(), "web-form:" + key, values))
				: FormOutcome.invalid(errors);
		if (!outcome.valid()) {
			conversations.reopen(member.memberId(), open.get(), outcome.errors(), values);
			return;
		}
		if (outcome.next() != null) {
			conversations.open(member.memberId(), outcome.next());
		}
		else {
			conversations.close(member.memberId(), key);
		}
		try {
			outcome.then().run();
		}
		catch (RuntimeException e) {
			log.error("The work after a web form's submission failed", e);
		}
		if (outcome.homeChanged()) {
			home.show(member);
		}
	}

	/** Closes the member's open form without sending it. */
	void cancelled(ChatAccount member, String key) {
		conversations.close(member.memberId(), key);
	}

	private void note(ChatAccount member, ChatMessage message) {
		messenger.sendEphemeral(member.memberId(), member, message);
	}

	/** A button the web chat does not know. */
	static final class UnknownAction extends RuntimeException {
		UnknownAction() {
			super("unknown action", null, false, false);
		}
	}

	/** A form submitted that is not (or no longer) open for the member. */
	static final class NoSuchForm extends RuntimeException {
		NoSuchForm() {
			super("no such form", null, false, false);
		}
	}
}
