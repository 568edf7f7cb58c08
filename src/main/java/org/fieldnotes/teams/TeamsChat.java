package org.fieldnotes.teams;

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
import org.fieldnotes.chat.DeliveryFailed;
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
import org.fieldnotes.people.People;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.prompting.PromptResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person does in their 1:1 chat with the bot in Teams, handed to the same module services Slack's listeners and
 * the web chat call, through the same access policy:
 * <ul>
 * <li>a typed message is a direct message (an entry, or the answer to the open prompt; a reply to a prompt card too),
 * unless it is a command: Teams has no slash commands, so text whose first word is a {@code /fieldnotes} subcommand
 * (or {@code help}), with or without {@code /fieldnotes} before it and the bot's {@code <at>} mention, runs it, and
 * "home" or "hi" shows the Home (the welcome card);</li>
 * <li>an edit or a (soft) deletion of a message follows in the logbook;</li>
 * <li>a card's button ({@code adaptiveCard/action} invoke of an {@code Action.Execute}; or, from a client without
 * Universal Actions, its {@code Action.Submit} fallback, which arrives as a message with a value) does what the same
 * button does on Slack, answered in the invoke's own response: briefly, in words, or with the card replaced (a form
 * with its messages, a visibility choice made);</li>
 * <li>a form is a card ({@link TeamsMessenger#openForm}); its submission is checked as a chat client checks it
 * ({@link FormChecks}), then handed to its module's {@link FormHandler};</li>
 * <li>the answer to a file-consent card ({@code fileConsent/invoke}: their data export offered as files) puts the
 * file in their OneDrive or forgets it ({@link TeamsFileConsents}).</li>
 * </ul>
 * Only personal conversations are read: in a team or group chat the bot only acknowledges. Slow work (sending a form,
 * a command's answer, the confirmation after an entry) runs after the answer to Teams, which waits at most some
 * 10–15 seconds for an invoke's.
 */
@Component
class TeamsChat implements TeamsActivities {

	private static final Logger log = LoggerFactory.getLogger(TeamsChat.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String COMMAND = "/fieldnotes";
	private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*(<at>[^<]*</at>\\s*)+");
	private static final Pattern VISIBILITY = Pattern
		.compile("^" + Pattern.quote(VisibilityChoice.ACTION_PREFIX) + "[a-z]+$");
	private static final java.util.Set<String> HOME_WORDS = java.util.Set.of("home", "hi", "hello", "hej");
	static final String MESSAGE = "application/vnd.microsoft.activity.message";

	/** What a button comes to: a few words for the presser, or a card in the place of the one pressed. */
	record Answer(String text, ObjectNode card) {

		static Answer text(String text) {
			return new Answer(text, null);
		}

		static Answer card(ObjectNode card) {
			return new Answer(null, card);
		}
	}

	private final TeamsInstalls installs;
	private final TeamsConversations conversations;
	private final TeamsForms forms;
	private final TeamsMessenger teams;
	private final TeamsConfiguration.TeamsAfterAnswer later;
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
	private final MessageSource messages;
	private final Languages languages;
	private final People people;
	private final FormChecks checks;
	private final TeamsFileConsents fileConsents;
	private final Map<String, FormHandler> handlers = new LinkedHashMap<>();

	TeamsChat(TeamsInstalls installs, TeamsConversations conversations, TeamsForms forms, TeamsMessenger teams,
			TeamsConfiguration.TeamsAfterAnswer later, Logbook logbook, ReplyResponder responder, Commands commands,
			CommandForms commandForms, PromptResponses prompts, PromptAnswerForms promptForms, Responses responses,
			ReplyForms replyForms, HomeChoices choices, HomeScreens home, VisibilityControls visibility,
			EraseCommand erase, AccessPolicy access, Messenger messenger, MessageSource messages, Languages languages,
			People people, FormChecks checks, TeamsFileConsents fileConsents, List<FormHandler> formHandlers,
			BlockerButtons blockerButtons, EndReportButtons endReportButtons, SurveyForms surveyForms,
			GoalProgressForms goalForms, WeekSignOffButtons weekSignOffButtons) {
		this.endReportButtons = endReportButtons;
		this.weekSignOffButtons = weekSignOffButtons;
		this.surveyForms = surveyForms;
		this.goalForms = goalForms;
		this.blockerButtons = blockerButtons;
		this.installs = installs;
		this.conversations = conversations;
		this.forms = forms;
		this.teams = teams;
		this.later = later;
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
		this.messages = messages;
		this.languages = languages;
		this.people = people;
		this.checks = checks;
		this.fileConsents = fileConsents;
		for (FormHandler handler : formHandlers) {
			for (String formId : handler.formIds()) {
				handlers.put(formId, handler);
			}
		}
	}

	@Override
	public TeamsReply handle(TeamsActivity activity) {
		if (installs.record(activity)) {
			if (TeamsInstalls.adds(activity) && personal(activity)) {
				conversations.firstLocale(activity.tenantId(), activity.from().id(), activity.locale());
				welcome(account(activity));
			}
			return TeamsReply.ok();
		}
		if (!personal(activity)) {
			// Fieldnotes talks to people one to one: a team's or group chat's activity is only acknowledged
			return isInvoke(activity) ? invokeAnswer(Answer.text("")) : TeamsReply.ok();
		}
		ChatAccount member = account(activity);
		conversations.firstLocale(activity.tenantId(), activity.from().id(), activity.locale());
		String conversation = activity.conversation().id();
		switch (activity.type()) {
			case "message" -> {
				if (activity.value() != null && activity.value().isObject() && blank(activity.text())) {
					// a card's Action.Submit fallback (a client without Universal Actions): no invoke to answer
					Answer answer = card(member, activity, activity.value());
					answerInChat(member, conversation, answer);
				}
				else {
					typed(member, activity);
				}
				return TeamsReply.ok();
			}
			case "messageUpdate" -> {
				if (activity.id() != null && activity.text() != null) {
					logbook.edited(ref(conversation, activity.id()), withoutMention(activity.text()));
				}
				return TeamsReply.ok();
			}
			case "messageDelete" -> {
				if (activity.id() != null) {
					logbook.deleted(ref(conversation, activity.id()));
				}
				return TeamsReply.ok();
			}
			case "invoke" -> {
				if ("fileConsent/invoke".equals(activity.name()) && activity.value() != null) {
					return fileConsents.answer(member, activity);
				}
				if (!"adaptiveCard/action".equals(activity.name()) || activity.value() == null) {
					return TeamsReply.invoke(200, "{}");
				}
				return invokeAnswer(card(member, activity, activity.value().path("action").path("data")));
			}
			default -> {
				return TeamsReply.ok();
			}
		}
	}

	/** The welcome card (the Home) after an install; best effort. */
	private void welcome(ChatAccount member) {
		try {
			teams.sendHome(member, home.of(member));
		}
		catch (RuntimeException e) {
			log.warn("Could not send the welcome card: {}",
					e instanceof DeliveryFailed failure ? failure.reason() : e.getClass().getSimpleName());
		}
	}

	/**
	 * What the person typed: a command, "home", or a direct message. The entry is stored before Teams is answered (a
	 * store failure answers 500, and Teams sends the message again); its confirmation follows after the answer.
	 */
	private void typed(ChatAccount member, TeamsActivity activity) {
		String text = withoutMention(activity.text() == null ? "" : activity.text());
		String stripped = text.strip();
		boolean slash = stripped.regionMatches(true, 0, COMMAND, 0, COMMAND.length())
				&& (stripped.length() == COMMAND.length() || Character.isWhitespace(stripped.charAt(COMMAND.length())));
		String command = slash ? stripped.substring(COMMAND.length()).strip() : stripped;
		if (!slash && HOME_WORDS.contains(command.toLowerCase(Locale.ROOT).replaceAll("[!.]+$", ""))
				|| (slash && command.equalsIgnoreCase("home"))) {
			later.run(() -> welcome(member));
			return;
		}
		if (slash || (!stripped.isEmpty() && commands.knows(command))) {
			command(member, activity.conversation().id(), command);
			return;
		}
		Receipt receipt = logbook.receive(new InboundMessage(ref(activity.conversation().id(), activity.id()), member,
				text, activity.replyToId(), false));
		later.run(() -> responder.answer(receipt));
	}

	/**
	 * Runs a typed command as {@code /fieldnotes} runs it. It runs before Teams is answered, as a slash command runs
	 * before Slack's ack, so that what it changes (e.g. {@code visibility private}) holds for the very next message;
	 * its answer, or its form, is sent after. A command that itself calls out ({@code send-now}) runs after the answer.
	 */
	private void command(ChatAccount member, String conversation, String text) {
		if (commands.answersAfterAck(member, text)) {
			later.run(() -> note(member, conversation, commands.run(member, text)));
			return;
		}
		Optional<CommandForms.CommandForm> form = commandForms.forText(member, text);
		if (form.isPresent()) {
			CommandForms.CommandForm opening = form.get();
			if (!opening.opening().opens()) {
				later.run(() -> note(member, conversation, opening.opening().instead()));
				return;
			}
			later.run(() -> {
				try {
					messenger.openForm(member, null, opening.opening().form());
				}
				catch (DeliveryFailed e) {
					log.warn("Could not open the form {}: {}", opening.opening().form().id(), e.reason());
					note(member, conversation, opening.openFailed().apply(e.reason()));
				}
			});
			return;
		}
		ChatMessage answer = commands.run(member, text);
		later.run(() -> note(member, conversation, answer));
	}

	/** A card's button, by its action id (the invoke's verb) and value; a form card's send and cancel. */
	private Answer card(ChatAccount member, TeamsActivity activity, JsonNode data) {
		String action = string(data, "actionId");
		String value = string(data, "value");
		Locale locale = languages.of(member);
		if (action == null) {
			return Answer.text(t("teams.unknown", locale));
		}
		String conversation = activity.conversation().id();
		if (TeamsCards.FORM_SUBMIT.equals(action)) {
			return submitted(member, conversation, value, data, locale);
		}
		if (TeamsCards.FORM_CANCEL.equals(action)) {
			forms.close(value);
			return Answer.card(closedCard(t("teams.form.cancelled", locale)));
		}
		SentMessage pressedOn = activity.replyToId() == null ? null
				: new SentMessage(member, conversation, activity.replyToId());
		try {
			return pressed(member, conversation, action, value == null ? "" : value, pressedOn, locale);
		}
		catch (NotYourPrompt e) {
			return Answer.text(t("prompt.notYours", locale));
		}
	}

	private Answer pressed(ChatAccount member, String conversation, String action, String value,
			SentMessage pressedOn, Locale locale) {
		if (PromptButtons.WRITE.equals(action) || PromptButtons.STATUS.equals(action)) {
			return open(member, conversation, promptForms.open(value, member, PromptButtons.WRITE.equals(action)
					? Operation.PROMPT_WRITE_BUTTON : Operation.PROMPT_STATUS_BUTTON), locale);
		}
		if (PromptButtons.SNOOZE.equals(action) || PromptButtons.SKIP.equals(action)) {
			// the prompt card itself says what became of it (the module replaces it in place)
			PromptResponses.Outcome outcome = PromptButtons.SNOOZE.equals(action)
					? prompts.snooze(value, member, pressedOn) : prompts.skip(value, member, pressedOn);
			return Answer.text(t(outcome == PromptResponses.Outcome.CLOSED ? "prompt.closed" : "teams.done", locale));
		}
		if (ResponseButtons.ACKNOWLEDGE.equals(action)) {
			Responses.Outcome outcome = responses.acknowledge(value, access.member(member),
					Operation.ENTRY_ACKNOWLEDGE_BUTTON);
			return Answer.text(switch (outcome.status()) {
				case STORED -> t("replies.acknowledged", locale, outcome.participantFirstName());
				case ALREADY_DONE -> t("replies.already", locale, outcome.participantFirstName());
				case GONE -> t("replies.gone", locale);
				default -> t("replies.refused", locale);
			});
		}
		if (ResponseButtons.REPLY.equals(action)) {
			return open(member, conversation, replyForms.open(value, member), locale);
		}
		if (SurveyButtons.OPEN.equals(action)) {
			return open(member, conversation, surveyForms.open(value, member), locale);
		}
		if (GoalButtons.MOVED.equals(action)) {
			return open(member, conversation, goalForms.open(value, member), locale);
		}
		if (BlockerButtons.handles(action)) {
			return Answer.text(blockerButtons.press(member, action, value).orElseThrow().answer());
		}
		if (EndReportButtons.handles(action)) {
			return open(member, conversation, endReportButtons.press(member, action, value).orElseThrow(), locale);
		}
		if (WeekSignOffButtons.handles(action)) {
			return open(member, conversation, weekSignOffButtons.press(member, action, value).orElseThrow(), locale);
		}
		if (HomeScreens.WRITE.equals(action)) {
			return open(member, conversation, FormOpening.of(choices.write(member)), locale);
		}
		if (HomeScreens.STATUS.equals(action)) {
			return open(member, conversation, FormOpening.of(choices.status(member)), locale);
		}
		if (HomeScreens.ENTRY_MENU.equals(action)) {
			Optional<Form> form = choices.entryMenu(member, value);
			if (form.isPresent()) {
				return open(member, conversation, FormOpening.of(form.get()), locale);
			}
			later.run(() -> home.show(member));
			return Answer.text(t("teams.done", locale));
		}
		if (HomeScreens.UPDATE_MENU.equals(action)) {
			choices.updateMenu(member, value);
			later.run(() -> home.show(member));
			return Answer.text(t("teams.done", locale));
		}
		if (HomeScreens.DEFAULT_VISIBILITY.equals(action)) {
			choices.defaultVisibility(member, value);
			later.run(() -> home.show(member));
			return Answer.text(t("teams.done", locale));
		}
		if (VISIBILITY.matcher(action).matches()) {
			Optional<VisibilityChoice> choice = VisibilityChoice.parse(value);
			if (choice.isEmpty() || !visibility.apply(choice.get(), member, Operation.VISIBILITY_BUTTON)) {
				return Answer.text(t("visibility.notYours", locale));
			}
			later.run(() -> home.show(member));
			return Answer.card(TeamsCards.card(visibility.changed(choice.get(), locale)));
		}
		if (EraseCommand.CONFIRM.equals(action)) {
			return Answer.card(TeamsCards.card(erase.confirm(member, value, locale)));
		}
		if (EraseCommand.CANCEL.equals(action)) {
			return Answer.card(TeamsCards.card(erase.cancel(value, locale)));
		}
		return Answer.text(t("teams.unknown", locale));
	}

	/** A form to open: sent as a card after the answer, which says it is coming; or why there is none. */
	private Answer open(ChatAccount member, String conversation, FormOpening opening, Locale locale) {
		if (!opening.opens()) {
			return Answer.text(opening.instead().summary());
		}
		later.run(() -> {
			try {
				messenger.openForm(member, null, opening.form());
			}
			catch (RuntimeException e) {
				log.warn("Could not open the form {} in Teams: {}", opening.form().id(),
						e instanceof DeliveryFailed failure ? failure.reason() : e.getClass().getSimpleName());
			}
		});
		return Answer.text(t("teams.form.below", locale));
	}

	/**
	 * A form card sent: checked as a chat client checks it, then handed to its handler. Invalid: the same card, with a
	 * message on each field and what was typed, and nothing stored. Valid: the card says it was sent (or turns into
	 * the next form), and the outcome's work runs after the answer.
	 */
	private Answer submitted(ChatAccount presser, String conversation, String key, JsonNode data, Locale locale) {
		Optional<TeamsForms.OpenForm> open = forms.in(conversation, key);
		if (open.isEmpty()) {
			return Answer.text(t("teams.form.gone", locale));
		}
		Form form = open.get().form();
		ChatAccount member = open.get().account();
		FormHandler handler = handlers.get(form.id());
		if (handler == null || form.submitLabel() == null) {
			log.warn("No handler for the Teams form {}", form.id());
			forms.close(key);
			return Answer.text(t("teams.form.gone", locale));
		}
		Map<String, List<String>> sent = new LinkedHashMap<>();
		for (Form.Field field : form.fields()) {
			String given = string(data, TeamsCards.INPUT_PREFIX + field.id());
			if (given == null) {
				continue;
			}
			// a multi-select choice set sends the ticked positions joined by commas
			sent.put(field.id(), field.kind() == Form.Kind.CHECKBOXES ? TeamsCards.ticked(field, given) : List.of(given));
		}
		Map<String, List<String>> values = checks.values(form, sent);
		Map<String, String> errors = checks.check(form, values, locale);
		FormOutcome outcome = errors.isEmpty()
				? handler.submit(member, new FormSubmission(form.id(), form.metadata(), "teams-form:" + key, values))
				: FormOutcome.invalid(errors);
		if (!outcome.valid()) {
			return Answer.card(TeamsCards.formCard(form.withErrors(outcome.errors()), key, values));
		}
		Answer answer;
		if (outcome.next() != null) {
			forms.replace(open.get(), outcome.next());
			answer = Answer.card(TeamsCards.formCard(outcome.next(), key, null));
		}
		else {
			forms.close(key);
			answer = Answer.card(closedCard(form.title() + " — " + t("teams.form.sent", locale)));
		}
		later.run(() -> {
			try {
				outcome.then().run();
			}
			catch (RuntimeException e) {
				log.error("The work after a Teams form's submission failed: {}", e.getClass().getName());
			}
			if (outcome.homeChanged()) {
				home.show(member);
			}
		});
		return answer;
	}

	private TeamsReply invokeAnswer(Answer answer) {
		ObjectNode body = JSON.createObjectNode();
		body.put("statusCode", 200);
		if (answer.card() != null) {
			body.put("type", TeamsCards.CARD);
			body.set("value", answer.card());
		}
		else {
			body.put("type", MESSAGE);
			body.put("value", answer.text());
		}
		return TeamsReply.invoke(200, body.toString());
	}

	/** The answer to a button pressed on a client without Universal Actions: a message in the chat. */
	private void answerInChat(ChatAccount member, String conversation, Answer answer) {
		later.run(() -> {
			try {
				if (answer.card() != null) {
					teams.post(conversation, TeamsCards.attach("Fieldnotes", answer.card()));
				}
				else if (answer.text() != null && !answer.text().isBlank()) {
					note(member, conversation, ChatMessage.text(answer.text()));
				}
			}
			catch (RuntimeException e) {
				log.warn("Could not answer a Teams button in the chat: {}", e.getClass().getSimpleName());
			}
		});
	}

	private void note(ChatAccount member, String conversation, ChatMessage message) {
		messenger.sendEphemeral(conversation, member, message);
	}

	private static ObjectNode closedCard(String text) {
		return TeamsCards.card(ChatMessage.text(text));
	}

	/**
	 * Who did it, as Fieldnotes knows them: the account by their Entra object id or by their Teams user id, whichever
	 * they were enrolled with; someone it does not know by their Entra object id (the same for every app).
	 */
	private ChatAccount account(TeamsActivity activity) {
		String tenant = activity.tenantId();
		TeamsActivity.Account from = activity.from();
		List<ChatAccount> candidates = new ArrayList<>();
		if (from.aadObjectId() != null) {
			candidates.add(TeamsMemberReferences.member(tenant, from.aadObjectId()));
		}
		candidates.add(TeamsMemberReferences.member(tenant, from.id()));
		return candidates.stream().filter(a -> people.find(a).isPresent()).findFirst().orElse(candidates.get(0));
	}

	private static boolean personal(TeamsActivity activity) {
		return activity.conversation() != null && activity.conversation().personal()
				&& activity.conversation().id() != null && activity.from() != null && activity.from().id() != null
				&& activity.tenantId() != null;
	}

	private static boolean isInvoke(TeamsActivity activity) {
		return "invoke".equals(activity.type());
	}

	/** The text without the bot's {@code <at>…</at>} mention before it (Teams puts one there when it is @-ed). */
	private static String withoutMention(String text) {
		return LEADING_MENTION.matcher(text).replaceFirst("");
	}

	private static MessageRef ref(String conversation, String activityId) {
		return new MessageRef(TeamsMemberReferences.PLATFORM, conversation, activityId);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String string(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
