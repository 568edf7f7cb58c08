package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.logbook.ResponseButtons;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;

/**
 * The feature scenarios Slack runs, run by a participant and a coach on Teams, through {@code /teams/messages} with
 * tokens as the Bot Framework signs them and WireMock as the connector: a prompt card's buttons (its form as a card,
 * checked; snooze, skip), typed replies, edits and deletions, typed commands in English and Swedish, a coach's
 * digest card with Acknowledge and Reply, a manager's end-of-placement report and week sign-off cards, the Home as a
 * welcome card, and someone pressing another person's card.
 */
class TeamsChatTests extends TeamsTest {

	static final String ADA = "29:1AdaLindqvistTeamsUserId";
	static final String ADA_AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	static final String ANDERS = "29:1AndersHolmTeamsUserId";
	static final String ANDERS_AAD = "3c9e5a7b-1d2f-4e6a-8b0c-9d8e7f6a5b4c";
	static final String CARD_ID = "1700000000001";

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	MessageSource messages;

	@Autowired
	org.fieldnotes.placement.PlacementManagement placementManagement;

	@Autowired
	org.fieldnotes.logbook.StatusUpdates statusUpdates;

	@Autowired
	org.fieldnotes.logbook.Blockers blockers;

	@Test
	void aPromptsWriteOpensItsFormABadOneSavesNothingAGoodOneSavesTheAnswerAndTheCardSaysSo() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);
		String occurrence = dispatcher.sendNext(placementId).occurrenceId();
		Map<String, String> promptButtons = buttons(lastCard());
		// the week's prompt is a reflection (Write) or a status check (Update status): both open a form
		String primary = promptButtons.containsKey(PromptButtons.WRITE) ? PromptButtons.WRITE : PromptButtons.STATUS;
		assertThat(promptButtons).containsEntry(primary, occurrence);

		JsonNode opened = pressed(ADA, ADA_AAD, Map.of("actionId", primary, "value", occurrence));
		assertThat(opened.get("type").asString()).isEqualTo(TeamsChat.MESSAGE);
		assertThat(opened.get("value").asString()).isEqualTo("Your form is below, in this chat.");
		awaitTeams();
		Form form = sent().formsFor(ada()).get(sent().formsFor(ada()).size() - 1);
		JsonNode card = lastCard();
		String key = buttons(card).get(TeamsCards.FORM_SUBMIT);
		assertThat(key).as("the form card can be sent").isNotBlank();
		assertThat(inputIds(card)).as("an input per field")
			.containsExactlyElementsOf(form.fields().stream().map(f -> "f_" + f.id()).toList());
		assertThat(card.toString()).as("what the form is about stays on the server").doesNotContain(occurrence);
		Form.Field text = form.fields().stream().filter(f -> f.kind() == Form.Kind.LONG_TEXT).findFirst().orElseThrow();
		Form.Field choice = form.fields().stream().filter(Form.Field::isChoice).findFirst().orElseThrow();

		// the words left out: the form comes back with the field's message and the choice kept; nothing is stored
		Map<String, String> filled = new LinkedHashMap<>(Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key));
		for (Form.Field field : form.fields()) {
			filled.put("f_" + field.id(), field.isChoice() ? field.options().get(0).value() : "   ");
		}
		JsonNode invalid = pressed(ADA, ADA_AAD, filled);
		assertThat(invalid.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(attention(invalid.get("value"))).isNotEmpty()
			.allSatisfy(m -> assertThat(m).isIn(t("web.form.required", Locale.ENGLISH),
					t("modal.answer.empty", Locale.ENGLISH)));
		assertThat(input(invalid.get("value"), "f_" + choice.id()).get("value").asString())
			.isEqualTo(choice.options().get(0).value());
		assertThat(stored()).isZero();

		// a choice that is none of the options: the check a chat client makes; what was typed is kept
		form.fields().stream().filter(f -> !f.isChoice()).forEach(f -> filled.put("f_" + f.id(), "Tested the brakes"));
		filled.put("f_" + choice.id(), "everyone-on-the-internet");
		JsonNode refused = pressed(ADA, ADA_AAD, filled);
		assertThat(attention(refused.get("value"))).containsExactly(t("web.form.choice", Locale.ENGLISH));
		assertThat(input(refused.get("value"), "f_" + text.id()).get("value").asString()).isEqualTo("Tested the brakes");
		assertThat(stored()).isZero();

		filled.put("f_" + choice.id(), choice.options().get(0).value());
		filled.put("f_" + text.id(), "Tested the **brakes** <at>everyone</at>");
		JsonNode saved = pressed(ADA, ADA_AAD, filled);
		assertThat(saved.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(String.join(" ", BotConnectorTests.textRuns(saved.get("value")))).contains("✓ Saved");
		assertThat(buttons(saved.get("value"))).as("the sent form has no buttons left").isEmpty();
		assertThat(stored()).isEqualTo(1);
		assertThat(mongo.getCollection("prompt_occurrences").find().first().get("answeredAt")).as("the prompt answered")
			.isNotNull();
		assertThat(allText("logbook_entries") + allText("status_updates"))
			.contains("Tested the **brakes** <at>everyone</at>");
		awaitTeams();
		assertThat(sent().messagesTo(ada())).as("the confirmation with who can see it").last()
			.satisfies(m -> assertThat(m.summary()).contains(t("saved", Locale.ENGLISH)));

		// the same card sent again: the form is closed, nothing more is stored
		JsonNode again = pressed(ADA, ADA_AAD, filled);
		assertThat(again.get("value").asString()).isEqualTo(t("teams.form.gone", Locale.ENGLISH));
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aSurveyCardOpensItsFormAsACardABadOneNamesTheFieldAndStoresNothingAGoodOneIsStoredAsData() {
		enrol("en");
		installed(ADA, ADA_AAD);
		assertThat(postJson("/api/v1/programs/KTP%202026/surveys/end-satisfaction:send", "").statusCode()).isEqualTo(202);
		drainOutbox();
		String sendId = buttons(lastCard()).get(org.fieldnotes.survey.SurveyButtons.OPEN);
		assertThat(sendId).as("the survey card's Answer button").isNotBlank();

		pressed(ADA, ADA_AAD, Map.of("actionId", org.fieldnotes.survey.SurveyButtons.OPEN, "value", sendId));
		awaitTeams();
		Form form = sent().formsFor(ada()).get(sent().formsFor(ada()).size() - 1);
		assertThat(form.id()).isEqualTo("survey_answer");
		JsonNode card = lastCard();
		assertThat(inputIds(card)).containsExactly("f_sq_satisfied", "f_sq_learnt", "f_sq_outcomes", "f_sq_recommend",
				"f_sq_improve");
		assertThat(input(card, "f_sq_outcomes").get("isMultiSelect").asBoolean()).isTrue();
		assertThat(input(card, "f_sq_satisfied").get("choices").get(0).get("title").asString()).isEqualTo("1 · Not at all");
		String key = buttons(card).get(TeamsCards.FORM_SUBMIT);

		// a required question left out: the card comes back with its message; nothing is stored
		Map<String, String> filled = new LinkedHashMap<>(Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key,
				"f_sq_satisfied", "4", "f_sq_recommend", "yes", "f_sq_outcomes", "0,1"));
		JsonNode invalid = pressed(ADA, ADA_AAD, filled);
		assertThat(invalid.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(input(invalid.get("value"), "f_sq_learnt").get("errorMessage").asString())
			.isEqualTo(t("web.form.required", Locale.ENGLISH));
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isZero();

		filled.put("f_sq_learnt", "5");
		JsonNode saved = pressed(ADA, ADA_AAD, filled);
		assertThat(saved.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(String.join(" ", BotConnectorTests.textRuns(saved.get("value"))))
			.contains(t("survey.thanks", Locale.ENGLISH));
		org.bson.Document stored = mongo.getCollection("survey_answers").find().first();
		assertThat(stored.getString("_id")).isEqualTo(sendId);
		assertThat(stored.getList("answers", org.bson.Document.class))
			.extracting(a -> a.getString("questionId") + "=" + a.get("number") + a.get("options"))
			.containsExactly("satisfied=4[]", "learnt=5[]", "outcomes=null[skills, network]", "recommend=null[yes]");
	}

	@Test
	void theMonthsFirstPromptCardAsksWhichGoalMovedItsFormIsACardABadOneIsNamedAGoodOneIsStoredPerGoal() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);
		placementManagement.setLearningGoals(ada(), List.of("Run a design review", "Present to the steering group"));
		dispatcher.sendNext(placementId);
		String value = buttons(lastCard()).get(org.fieldnotes.goals.GoalButtons.MOVED);
		assertThat(value).as("the prompt card's Which goal moved? button").isEqualTo(placementId + "/2026-12");

		pressed(ADA, ADA_AAD, Map.of("actionId", org.fieldnotes.goals.GoalButtons.MOVED, "value", value));
		awaitTeams();
		Form form = sent().formsFor(ada()).get(sent().formsFor(ada()).size() - 1);
		assertThat(form.id()).isEqualTo("goal_progress");
		JsonNode card = lastCard();
		assertThat(inputIds(card)).containsExactly("f_moved", "f_note_0", "f_note_1", "f_visibility");
		assertThat(input(card, "f_moved").get("isMultiSelect").asBoolean()).isTrue();
		String key = buttons(card).get(TeamsCards.FORM_SUBMIT);

		// a note over 500 characters: the card comes back with its message; nothing is stored
		Map<String, String> filled = new LinkedHashMap<>(Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key,
				"f_moved", "0,1", "f_note_0", "x".repeat(501), "f_visibility", "placement"));
		JsonNode invalid = pressed(ADA, ADA_AAD, filled);
		assertThat(invalid.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(input(invalid.get("value"), "f_note_0").get("errorMessage").asString()).contains("500");
		assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();

		filled.put("f_note_0", "Ran the review alone");
		JsonNode saved = pressed(ADA, ADA_AAD, filled);
		assertThat(String.join(" ", BotConnectorTests.textRuns(saved.get("value")))).contains("2 goals moved this month");
		org.bson.Document stored = mongo.getCollection("goal_progress").find().first();
		assertThat(stored.getString("visibility")).isEqualTo("PLACEMENT");
		assertThat(stored.getList("goals", org.bson.Document.class))
			.extracting(g -> g.getBoolean("moved") + "/" + g.getString("note"))
			.containsExactly("true/Ran the review alone", "true/null");
	}

	private long stored() {
		return mongo.getCollection("logbook_entries").countDocuments()
				+ mongo.getCollection("status_updates").countDocuments();
	}

	private String allText(String collection) {
		return mongo.getCollection(collection).find().into(new ArrayList<>()).toString();
	}

	/** The texts shown in the attention colour: the fields' messages. */
	private static List<String> attention(JsonNode card) {
		List<String> found = new ArrayList<>();
		collectAttention(card, found);
		return found;
	}

	private static void collectAttention(JsonNode node, List<String> found) {
		if (node.isObject() && "TextRun".equals(node.path("type").asString(""))
				&& "Attention".equals(node.path("color").asString(""))) {
			found.add(node.get("text").asString());
		}
		for (JsonNode child : node) {
			collectAttention(child, found);
		}
	}

	@Test
	void snoozeAndSkipReplaceThePromptCardInPlace() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);
		dispatcher.sendNext(placementId);
		String occurrence = buttons(lastCard()).get(PromptButtons.SNOOZE);

		JsonNode snoozed = pressed(ADA, ADA_AAD, Map.of("actionId", PromptButtons.SNOOZE, "value", occurrence));

		assertThat(snoozed.get("value").asString()).isEqualTo("✓ Done");
		assertThat(mongo.getCollection("prompt_occurrences").find().first().get("snoozedUntil")).isNotNull();
		assertThat(updatesOf(CARD_ID)).singleElement()
			.satisfies(card -> assertThat(String.join(" ", BotConnectorTests.textRuns(card))).contains("Snoozed until"));

		JsonNode skipped = pressed(ADA, ADA_AAD, Map.of("actionId", PromptButtons.SKIP, "value", occurrence));
		assertThat(skipped.get("value").asString()).isEqualTo("✓ Done");
		assertThat(mongo.getCollection("prompt_occurrences").find().first().getString("status")).isEqualTo("SKIPPED");
		assertThat(updatesOf(CARD_ID)).hasSize(2).last()
			.satisfies(card -> assertThat(String.join(" ", BotConnectorTests.textRuns(card))).contains("Skipped"));

		JsonNode closed = pressed(ADA, ADA_AAD, Map.of("actionId", PromptButtons.SKIP, "value", occurrence));
		assertThat(closed.get("value").asString()).isEqualTo(t("prompt.closed", Locale.ENGLISH));
	}

	@Test
	void aTypedReplyIsTheAnswerToTheOpenPromptAndItsEditAndDeletionFollow() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);
		String occurrence = dispatcher.sendNext(placementId).occurrenceId();

		said(ADA, ADA_AAD, "1700000000100", "<at>Fieldnotes</at> Mapped the supplier chain <at>Anders</at>", CARD_ID);

		JsonNode entries = entries(placementId);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.get("text").asString()).isEqualTo("Mapped the supplier chain <at>Anders</at>");
			assertThat(e.get("source").asString()).isEqualTo("PROMPT_REPLY");
			assertThat(e.get("promptOccurrenceId").asString()).isEqualTo(occurrence);
		});
		awaitTeams();
		assertThat(sent().ephemeralsTo(ada())).as("the confirmation says who can see it").singleElement()
			.satisfies(m -> assertThat(m.summary()).contains(t("visibility.dm.saved", Locale.ENGLISH)));
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !updatesOf(CARD_ID).isEmpty());
		assertThat(updatesOf(CARD_ID)).as("the prompt card becomes ✓ answered, in place, without its buttons")
			.singleElement().satisfies(card -> {
				assertThat(BotConnectorTests.textRuns(card)).contains(t("prompt.answered", Locale.ENGLISH));
				assertThat(buttons(card)).isEmpty();
			});
		assertThat(activity(TeamsStub.message(ADA, ADA_AAD, "1700000000100", "Mapped the supplier chain", null))
			.statusCode()).as("Teams sends it again").isEqualTo(200);
		assertThat(entries(placementId)).as("stored once").hasSize(1);

		assertThat(activity(TeamsStub.edited(ADA, ADA_AAD, "1700000000100", "Mapped the whole supplier chain"))
			.statusCode()).isEqualTo(200);
		assertThat(entries(placementId).get(0).get("text").asString()).isEqualTo("Mapped the whole supplier chain");

		assertThat(activity(TeamsStub.deleted(ADA, ADA_AAD, "1700000000100")).statusCode()).isEqualTo(200);
		assertThat(entries(placementId)).as("a deleted entry is gone from the logbook").isEmpty();
	}

	@Test
	void typedCommandsRunAsTheSlashCommandInThePersonsLanguage() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);

		said(ADA, ADA_AAD, "1700000000200", "help", null);
		awaitTeams();
		assertThat(lastNote()).contains(t("help.heading", Locale.ENGLISH));

		said(ADA, ADA_AAD, "1700000000201", "<at>Fieldnotes</at> /fieldnotes log Booked the bench test", null);
		awaitTeams();
		assertThat(entries(placementId)).singleElement()
			.satisfies(e -> assertThat(e.get("text").asString()).isEqualTo("Booked the bench test"));

		said(ADA, ADA_AAD, "1700000000202", "language sv", null);
		awaitTeams();
		said(ADA, ADA_AAD, "1700000000203", "Help", null);
		awaitTeams();
		assertThat(lastNote()).contains(t("help.heading", Locale.forLanguageTag("sv")));

		said(ADA, ADA_AAD, "1700000000204", "status", null);
		awaitTeams();
		assertThat(sent().formsFor(ada())).as("status opens its form").isNotEmpty();
		assertThat(inputIds(lastCard())).isNotEmpty();

		said(ADA, ADA_AAD, "1700000000205", "Helped the test rig team today", null);
		awaitTeams();
		assertThat(entries(placementId)).as("a sentence that is no command is an entry").hasSize(2);
	}

	@Test
	void theWelcomeCardIsTheHomeSentOnInstallAndOnHiAndKeptUpToDate() {
		enrol("en");

		assertThat(activity(TeamsStub.install(ADA, ADA_AAD)).statusCode()).isEqualTo(200);

		List<JsonNode> posted = TeamsStub.activitiesSent();
		assertThat(posted).as("the welcome card").singleElement();
		assertThat(String.join(" ", BotConnectorTests.textRuns(posted.get(0)))).contains("Scania");
		Map<String, String> buttons = buttons(posted.get(0));
		assertThat(buttons).containsKey(org.fieldnotes.home.HomeScreens.WRITE);
		TeamsStub.server().resetRequests();

		JsonNode chosen = pressed(ADA, ADA_AAD, Map.of("actionId", org.fieldnotes.home.HomeScreens.DEFAULT_VISIBILITY,
				"value", buttons.get(org.fieldnotes.home.HomeScreens.DEFAULT_VISIBILITY)));
		assertThat(chosen.get("value").asString()).isEqualTo("✓ Done");
		awaitTeams();
		assertThat(updatesOf(CARD_ID)).as("the welcome card is updated in place").isNotEmpty();

		said(ADA, ADA_AAD, "1700000000300", "hi", null);
		awaitTeams();
		assertThat(TeamsStub.activitiesSent()).as("hi sends it afresh").hasSize(1);
		assertThat(entries(enrolledPlacement())).as("hi is no entry").isEmpty();
	}

	@Test
	void aTeamsCoachAcknowledgesAndRepliesFromTheDigestCardAndTheParticipantIsTold() {
		String placementId = enrolWithTeamsCoach();
		installed(ANDERS, ANDERS_AAD);
		assertThat(slashCommand("UADA", "visibility placement").statusCode()).isEqualTo(200);
		directMessage("Ev1", "UADA", "1764669600.000100", "Fixed the test rig", null);
		String entryId = entries(placementId).get(0).get("id").asString();
		clock.advance(Duration.ofDays(1));

		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);
		drainOutbox();

		JsonNode digest = lastCard();
		assertThat(String.join(" ", BotConnectorTests.textRuns(digest))).contains("Fixed the test rig");
		Map<String, String> buttons = buttons(digest);
		assertThat(buttons).containsEntry(ResponseButtons.ACKNOWLEDGE, entryId).containsEntry(ResponseButtons.REPLY,
				entryId);
		int told = SlackStub.messagesTo("UADA").size();

		JsonNode acknowledged = pressed(ANDERS, ANDERS_AAD,
				Map.of("actionId", ResponseButtons.ACKNOWLEDGE, "value", entryId));
		assertThat(acknowledged.get("value").asString()).isEqualTo(t("replies.acknowledged",
				Locale.forLanguageTag("sv"), "Ada"));
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isEqualTo(1);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> SlackStub.messagesTo("UADA").size() == told + 1);

		JsonNode replying = pressed(ANDERS, ANDERS_AAD, Map.of("actionId", ResponseButtons.REPLY, "value", entryId));
		assertThat(replying.get("type").asString()).isEqualTo(TeamsChat.MESSAGE);
		awaitTeams();
		JsonNode form = lastCard();
		String key = buttons(form).get(TeamsCards.FORM_SUBMIT);
		JsonNode sentReply = pressed(ANDERS, ANDERS_AAD,
				Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key, "f_reply", "Bra jobbat! <at>all</at>"));
		assertThat(sentReply.get("type").asString()).isEqualTo(TeamsCards.CARD);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> SlackStub.messagesTo("UADA").size() == told + 2);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UADA").get(told + 1)))
			.contains("Bra jobbat! &lt;at&gt;all&lt;/at&gt;");
	}

	@Test
	void aTeamsCoachAcknowledgesABlockerFromTheDigestCardAndTheParticipantIsTold() {
		String placementId = enrolWithTeamsCoach();
		installed(ANDERS, ANDERS_AAD);
		statusUpdates.submit(org.fieldnotes.support.Accounts.slack("UADA"), new org.fieldnotes.logbook.StatusUpdates.Report(
				org.fieldnotes.logbook.OverallStatus.AMBER, "Bench test planned", "No rig access yet", 3), null,
				"teams-test:1");
		String blockerId = blockers.of(placementId).get(0).id();
		clock.advance(Duration.ofDays(1));

		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);
		drainOutbox();

		JsonNode digest = lastCard();
		assertThat(String.join(" ", BotConnectorTests.textRuns(digest))).contains("No rig access yet");
		assertThat(buttons(digest)).containsEntry("blocker_acknowledge", blockerId)
			.containsEntry("blocker_resolve", blockerId);
		int told = SlackStub.messagesTo("UADA").size();

		JsonNode acknowledged = pressed(ANDERS, ANDERS_AAD, Map.of("actionId", "blocker_acknowledge", "value", blockerId));

		assertThat(acknowledged.get("value").asString()).isEqualTo(t("blockers.done.ACKNOWLEDGE",
				Locale.forLanguageTag("sv"), "Ada"));
		assertThat(blockers.find(blockerId).orElseThrow().state())
			.isEqualTo(org.fieldnotes.logbook.BlockerState.ACKNOWLEDGED);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> SlackStub.messagesTo("UADA").size() == told + 1);
		assertThat(SlackStub.messagesTo("UADA").get(told).get("text"))
			.isEqualTo("Your academic coach acknowledged your blocker from Wednesday 2 December:");
	}

	@Test
	void aTeamsManagerReturnsAnEndReportFromItsCardWithACommentThenApprovesItAndTheParticipantIsTold() {
		String placementId = enrolWithTeamsManager();
		installed(ANDERS, ANDERS_AAD);
		org.fieldnotes.chat.ChatAccount ada = org.fieldnotes.support.Accounts.slack("UADA");
		assertThat(endReports.save(ada, placementId, 0, new org.fieldnotes.endreport.EndReportSections("Built the rig",
				null, null, null, null), true, "slack").status()).isEqualTo(org.fieldnotes.endreport.EndReports.Status.SUBMITTED);
		drainOutbox();

		JsonNode report = lastCard();
		assertThat(String.join(" ", BotConnectorTests.textRuns(report))).contains("Built the rig");
		assertThat(buttons(report)).containsEntry("end_report_approve", placementId)
			.containsEntry("end_report_return", placementId);
		int told = SlackStub.messagesTo("UADA").size();

		pressed(ANDERS, ANDERS_AAD, Map.of("actionId", "end_report_return", "value", placementId));
		awaitTeams();
		String key = buttons(lastCard()).get(TeamsCards.FORM_SUBMIT);
		pressed(ANDERS, ANDERS_AAD, Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key, "f_comment",
				"Mer om riggen"));
		assertThat(endReports.find(placementId).orElseThrow().state())
			.isEqualTo(org.fieldnotes.endreport.EndReportState.RETURNED);
		drainOutbox();
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UADA").get(told))).contains("Mer om riggen");

		endReports.save(ada, placementId, 1, new org.fieldnotes.endreport.EndReportSections("Built the rig, for fatigue runs",
				null, null, null, null), true, "slack");
		drainOutbox();
		JsonNode approved = pressed(ANDERS, ANDERS_AAD, Map.of("actionId", "end_report_approve", "value", placementId));
		assertThat(approved.get("value").asString()).isEqualTo("✓ Godkänd — Ada har fått veta.");
		org.fieldnotes.endreport.EndReport decided = endReports.find(placementId).orElseThrow();
		assertThat(decided.state()).isEqualTo(org.fieldnotes.endreport.EndReportState.APPROVED);
		assertThat(decided.approvedVia()).isEqualTo("teams");
	}

	@Autowired
	org.fieldnotes.endreport.EndReports endReports;

	@Test
	void aTeamsManagerSignsOffAWeekFromItsCardOnceAndTheParticipantIsTold() {
		String placementId = enrolWithTeamsManager();
		installed(ANDERS, ANDERS_AAD);
		installed(ADA, ADA_AAD);
		// week 4 (from Mon 23 Nov), over by the test clock's Wed 2 Dec: one shared entry, one private
		clock.set(java.time.Instant.parse("2026-11-25T09:00:00Z"));
		logbook.write(org.fieldnotes.support.Accounts.slack("UADA"), "Shared: Rig <built> & tested",
				org.fieldnotes.placement.Visibility.PLACEMENT);
		logbook.write(org.fieldnotes.support.Accounts.slack("UADA"), "PRIVATE-worry",
				org.fieldnotes.placement.Visibility.PRIVATE);
		clock.set(DEFAULT_NOW);
		assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/programs/KTP%202026"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"hostSignOff\":true}")).build()).statusCode())
			.isEqualTo(200);
		TeamsStub.server().resetRequests();

		assertThat(signOffs.requestDue()).isEqualTo(1);
		drainOutbox();

		// the ask: one card, in the manager's own Teams chat, in her language, with only what she may read
		assertThat(TeamsStub.requests("/connector/v3/conversations/a%3Aconv-" + ANDERS_AAD + "/activities"))
			.hasSize(1);
		assertThat(TeamsStub.activitiesSent()).hasSize(1);
		JsonNode ask = lastCard();
		String asked = String.join(" ", BotConnectorTests.textRuns(ask));
		assertThat(asked).contains(t("signoff.manager.heading", Locale.forLanguageTag("sv"), "Ada Lindqvist", 4))
			.contains("Shared: Rig <built> & tested").doesNotContain("PRIVATE-worry");
		String value = placementId + "|2026-11-23";
		assertThat(buttons(ask)).containsEntry("week_signoff_green", value).containsEntry("week_signoff_amber", value)
			.containsEntry("week_signoff_red", value);
		int told = SlackStub.messagesTo("UADA").size();

		// someone else on Teams presses it: refused, no form opens
		JsonNode refused = pressed(ADA, ADA_AAD, Map.of("actionId", "week_signoff_green", "value", value));
		assertThat(refused.get("value").asString()).isEqualTo(t("signoff.refused", Locale.ENGLISH));
		awaitTeams();
		assertThat(sent().formsFor(ada())).isEmpty();

		// the manager presses Amber: the sign-off form comes as a card in her chat
		JsonNode opened = pressed(ANDERS, ANDERS_AAD, Map.of("actionId", "week_signoff_amber", "value", value));
		assertThat(opened.get("value").asString()).isEqualTo(t("teams.form.below", Locale.forLanguageTag("sv")));
		awaitTeams();
		Form form = sent().formsFor(anders()).get(sent().formsFor(anders()).size() - 1);
		assertThat(form.id()).isEqualTo("week_signoff");
		assertThat(form.metadata()).isEqualTo(value + "|AMBER");
		String key = buttons(lastCard()).get(TeamsCards.FORM_SUBMIT);
		assertThat(key).as("the form card can be sent").isNotBlank();
		Map<String, String> filled = Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key, "f_comment",
				"Mer <tester> nästa vecka");

		// the same card sent with a forged token: refused before anything is read, nothing stored
		String forged = "Bearer " + TeamsStub.token(clock.instant(), TeamsStub.FORGER, c -> {
		});
		assertThat(activity(TeamsStub.execute(ANDERS, ANDERS_AAD, CARD_ID, filled), forged).statusCode())
			.isEqualTo(401);
		assertThat(signOffs.of(placementId)).isEmpty();

		JsonNode signed = pressed(ANDERS, ANDERS_AAD, filled);
		assertThat(signed.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(String.join(" ", BotConnectorTests.textRuns(signed.get("value"))))
			.contains(t("signoff.done", Locale.forLanguageTag("sv"), "Ada", 4,
					t("signoff.rating.amber", Locale.forLanguageTag("sv"))));
		String mia = people.find(anders()).orElseThrow().id().value();
		assertThat(signOffs.of(placementId)).singleElement().satisfies(s -> {
			assertThat(s.rating()).isEqualTo(org.fieldnotes.signoff.Rating.AMBER);
			assertThat(s.week()).isEqualTo(4);
			assertThat(s.comment()).isEqualTo("Mer <tester> nästa vecka");
			assertThat(s.by()).isEqualTo(mia);
			assertThat(s.via()).isEqualTo("teams");
		});

		// once per week: the form card sent again is closed, and Green pressed from a client without Universal
		// Actions (a message carrying the card's data) is answered in the chat; nothing changes
		assertThat(pressed(ANDERS, ANDERS_AAD, filled).get("value").asString())
			.isEqualTo(t("teams.form.gone", Locale.forLanguageTag("sv")));
		String again = TeamsStub.activity("message", ANDERS, ANDERS_AAD, "\"id\":\"1700000000650\",\"replyToId\":\""
				+ CARD_ID + "\",\"value\":{\"actionId\":\"week_signoff_green\",\"value\":\"" + value + "\"}");
		assertThat(activity(again).statusCode()).isEqualTo(200);
		awaitTeams();
		assertThat(sent().ephemeralsTo(anders())).last().satisfies(m -> assertThat(m.summary())
			.isEqualTo(t("signoff.already", Locale.forLanguageTag("sv"), "Ada", 4)));
		assertThat(signOffs.of(placementId)).singleElement().extracting(s -> s.rating())
			.isEqualTo(org.fieldnotes.signoff.Rating.AMBER);
		assertThat(signOffs.requestDue()).as("a signed-off week is not asked for again").isZero();

		// the participant is told, once
		drainOutbox();
		drainOutbox();
		assertThat(SlackStub.messagesTo("UADA").subList(told, SlackStub.messagesTo("UADA").size()))
			.extracting(m -> m.get("text"))
			.containsExactly("Mia Lund signed off week 4: Amber — Mer &lt;tester&gt; nästa vecka");
	}

	@Autowired
	org.fieldnotes.signoff.WeekSignOffs signOffs;

	@Autowired
	org.fieldnotes.logbook.Logbook logbook;

	@Test
	void someonePressingAnotherPersonsPromptIsToldItIsNotTheirsAndNothingChanges() {
		String placementId = enrolWithTeamsCoach();
		installed(ANDERS, ANDERS_AAD);
		String occurrence = dispatcher.sendNext(placementId).occurrenceId();

		for (String action : List.of(PromptButtons.WRITE, PromptButtons.SNOOZE, PromptButtons.SKIP)) {
			JsonNode answer = pressed(ANDERS, ANDERS_AAD, Map.of("actionId", action, "value", occurrence));
			assertThat(answer.get("value").asString()).as(action)
				.isEqualTo(t("prompt.notYours", Locale.forLanguageTag("sv")));
		}
		awaitTeams();
		assertThat(mongo.getCollection("prompt_occurrences").find().first().getString("status")).isEqualTo("SENT");
		assertThat(sent().formsFor(anders())).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entryPoints")
	void aForgedTokenReachesNoneOfIt(String name, String body) {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);
		dispatcher.sendNext(placementId);
		TeamsStub.server().resetRequests();
		String forged = "Bearer " + TeamsStub.token(clock.instant(), TeamsStub.FORGER, c -> {
		});

		assertThat(activity(body, forged).statusCode()).isEqualTo(401);
		assertThat(activity(body, null).statusCode()).isEqualTo(401);

		awaitTeams();
		assertThat(handled()).as("only the install reached the handler").hasSize(1);
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
		assertThat(TeamsStub.server().getAllServeEvents()).as("nothing was sent to Teams")
			.allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain("/connector/"));
		assertThat(sent().ephemeralsTo(ada())).isEmpty();
	}

	static Stream<Arguments> entryPoints() {
		return Stream.of(Arguments.of("a typed entry", TeamsStub.message(ADA, ADA_AAD, "1700000000900", "Forged", null)),
				Arguments.of("a typed command", TeamsStub.message(ADA, ADA_AAD, "1700000000901", "help", null)),
				Arguments.of("a card's button", TeamsStub.execute(ADA, ADA_AAD, CARD_ID,
						Map.of("actionId", PromptButtons.SKIP, "value", "any"))),
				Arguments.of("an edit", TeamsStub.edited(ADA, ADA_AAD, "1700000000900", "Forged")),
				Arguments.of("a deletion", TeamsStub.deleted(ADA, ADA_AAD, "1700000000900")));
	}

	@Test
	void teamsClientLanguageIsTheHintForSomeoneFieldnotesDoesNotKnow() {
		String install = TeamsStub.install(ADA, ADA_AAD).replace("\"channelId\":\"msteams\"",
				"\"channelId\":\"msteams\",\"locale\":\"sv-SE\"");
		assertThat(activity(install).statusCode()).isEqualTo(200);
		TeamsStub.server().resetRequests();

		said(ADA, ADA_AAD, "1700000000400", "help", null);
		awaitTeams();

		assertThat(lastNote()).contains(t("help.heading", Locale.forLanguageTag("sv")));
		assertThat(mongo.getCollection(TeamsConversation.COLLECTION).find().first().getString("locale"))
			.isEqualTo("sv-SE");
		said(ADA, ADA_AAD, "1700000000401", "hjälp?", null);
		assertThat(mongo.getCollection(TeamsConversation.COLLECTION).find().first().getString("locale"))
			.as("the first contact's language is kept; a message's own (en-GB) does not replace it").isEqualTo("sv-SE");
	}

	@Test
	void aTypedCommandHoldsForTheVeryNextMessageAndLogWritesAnEntryThatStartsWithACommandWord() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);

		said(ADA, ADA_AAD, "1700000000500", "visibility private", null);
		said(ADA, ADA_AAD, "1700000000501", "Felt lost on Monday", null);
		said(ADA, ADA_AAD, "1700000000502", "log help me find the test rig", null);

		List<org.bson.Document> kept = mongo.getCollection("logbook_entries").find().into(new ArrayList<>());
		assertThat(kept).extracting(d -> d.getString("text"))
			.containsExactlyInAnyOrder("Felt lost on Monday", "help me find the test rig");
		assertThat(kept).allSatisfy(d -> assertThat(d.getString("visibility")).isEqualToIgnoringCase("private"));
		assertThat(entries(placementId).toString()).doesNotContain("Felt lost");
	}

	@Test
	void aButtonFromAClientWithoutUniversalActionsArrivesAsAMessageAndIsAnsweredInTheChat() {
		String placementId = enrol("en");
		installed(ADA, ADA_AAD);
		String occurrence = dispatcher.sendNext(placementId).occurrenceId();

		String submit = TeamsStub.activity("message", ADA, ADA_AAD, "\"id\":\"1700000000600\",\"replyToId\":\""
				+ CARD_ID + "\",\"value\":{\"actionId\":\"" + PromptButtons.SKIP + "\",\"value\":\"" + occurrence
				+ "\"}");
		assertThat(activity(submit).statusCode()).isEqualTo(200);
		awaitTeams();

		assertThat(mongo.getCollection("prompt_occurrences").find().first().getString("status")).isEqualTo("SKIPPED");
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).as("no entry of it").isZero();
		assertThat(sent().ephemeralsTo(ada())).singleElement()
			.satisfies(m -> assertThat(m.summary()).isEqualTo("✓ Done"));
	}

	@Test
	void aFormCardIsOnlyItsConversationsAndCancellingItSavesNothing() {
		String placementId = enrol("en");
		installed(ANDERS, ANDERS_AAD);
		installed(ADA, ADA_AAD);
		JsonNode opened = pressed(ADA, ADA_AAD, Map.of("actionId", org.fieldnotes.home.HomeScreens.WRITE, "value", ""));
		assertThat(opened.get("value").asString()).isEqualTo("Your form is below, in this chat.");
		awaitTeams();
		JsonNode card = lastCard();
		String key = buttons(card).get(TeamsCards.FORM_SUBMIT);
		Map<String, String> filled = new LinkedHashMap<>(Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key));
		Form form = sent().formsFor(ada()).get(0);
		for (Form.Field field : form.fields()) {
			filled.put("f_" + field.id(), field.isChoice() ? field.options().get(0).value() : "Someone else's words");
		}

		JsonNode fromElsewhere = pressed(ANDERS, ANDERS_AAD, filled);
		assertThat(fromElsewhere.get("value").asString()).isEqualTo(t("teams.form.gone", Locale.ENGLISH));
		assertThat(stored()).isZero();

		JsonNode cancelled = pressed(ADA, ADA_AAD, Map.of("actionId", TeamsCards.FORM_CANCEL, "value", key));
		assertThat(cancelled.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(BotConnectorTests.textRuns(cancelled.get("value"))).contains(t("teams.form.cancelled", Locale.ENGLISH));
		JsonNode late = pressed(ADA, ADA_AAD, filled);
		assertThat(late.get("value").asString()).isEqualTo(t("teams.form.gone", Locale.ENGLISH));
		assertThat(stored()).isZero();
		assertThat(entries(placementId)).isEmpty();
	}

	@Test
	void theWhoCanSeeItButtonsAfterASavedEntryChangeItAndTheCardSaysSoInPlace() {
		enrol("en");
		installed(ADA, ADA_AAD);
		said(ADA, ADA_AAD, "1700000000700", "Met the supplier", null);
		awaitTeams();
		ChatMessage confirmation = sent().ephemeralsTo(ada()).get(0);
		ChatMessage.Button privately = confirmation.blocks().stream()
			.filter(ChatMessage.Block.Actions.class::isInstance)
			.flatMap(b -> ((ChatMessage.Block.Actions) b).buttons().stream())
			.filter(b -> b.value().toLowerCase(Locale.ROOT).contains("private"))
			.findFirst()
			.orElseThrow();

		JsonNode changed = pressed(ADA, ADA_AAD, Map.of("actionId", privately.actionId(), "value", privately.value()));

		assertThat(changed.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(buttons(changed.get("value"))).as("the card keeps its buttons to change it again").isNotEmpty();
		assertThat(mongo.getCollection("logbook_entries").find().first().getString("visibility"))
			.isEqualToIgnoringCase("private");
		JsonNode notTheirs = pressed(ANDERS, ANDERS_AAD, Map.of("actionId", privately.actionId(), "value",
				privately.value().replace("private", "placement")));
		assertThat(notTheirs.get("value").asString()).isEqualTo(t("visibility.notYours", Locale.ENGLISH));
		assertThat(mongo.getCollection("logbook_entries").find().first().getString("visibility"))
			.isEqualToIgnoringCase("private");
	}

	@Test
	void theEraseButtonsAnswerInPlaceAndOnlyAnAdminErases() {
		enrol("en");
		installed(ADA, ADA_AAD);
		String subject = people.find(ada()).orElseThrow().id().value();

		JsonNode confirmed = pressed(ADA, ADA_AAD, Map.of("actionId", org.fieldnotes.commands.EraseCommand.CONFIRM,
				"value", subject));
		assertThat(confirmed.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(String.join(" ", BotConnectorTests.textRuns(confirmed.get("value"))))
			.contains(t("command.adminOnly", Locale.ENGLISH));
		assertThat(people.find(ada())).as("nothing erased").isPresent();

		JsonNode cancelled = pressed(ADA, ADA_AAD, Map.of("actionId", org.fieldnotes.commands.EraseCommand.CANCEL,
				"value", subject));
		assertThat(String.join(" ", BotConnectorTests.textRuns(cancelled.get("value"))))
			.contains(t("privacy.erase.cancelled", Locale.ENGLISH, subject));
	}

	@Test
	void aTeamOrGroupChatIsOnlyAcknowledged() {
		enrol("en");
		installed(ADA, ADA_AAD);
		String inGroup = TeamsStub.message(ADA, ADA_AAD, "1700000000800", "Posted in a group chat", null)
			.replace("\"personal\"", "\"groupChat\"");

		assertThat(activity(inGroup).statusCode()).isEqualTo(200);

		awaitTeams();
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
		assertThat(TeamsStub.activitiesSent()).isEmpty();
	}

	// --- helpers

	private String enrolledPlacement() {
		return mongo.getCollection("placements").find().first().get("_id").toString();
	}

	private ChatAccount ada() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, ADA_AAD);
	}

	private ChatAccount anders() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, ANDERS_AAD);
	}

	private String lastNote() {
		List<ChatMessage> notes = sent().ephemeralsTo(ada());
		assertThat(notes).isNotEmpty();
		ChatMessage last = notes.get(notes.size() - 1);
		StringBuilder all = new StringBuilder(last.summary());
		last.blocks().forEach(b -> all.append('\n').append(b));
		return all.toString();
	}

	/** Ada on Teams (by Entra object id), her coaches and manager on Slack; {@code locale} null for none. */
	private String enrol(String locale) {
		HttpResponse<String> response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "timezone": "Europe/Stockholm"%s,
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "Europe/Stockholm"},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(locale == null ? "" : ", \"locale\": \"" + locale + "\"", TeamsStub.TENANT, ADA_AAD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	/** Ada on Slack (UADA), her academic coach Anders on Teams (in Swedish), the others on Slack. */
	private String enrolWithTeamsCoach() {
		return enrolWithOneOnTeams("\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\",",
				"\"academicCoach\": {\"name\": \"Anders Holm\",");
	}

	/** Ada on Slack (UADA), her manager Mia Lund on Teams (in Swedish, as {@link #ANDERS}), the others on Slack. */
	private String enrolWithTeamsManager() {
		return enrolWithOneOnTeams("\"manager\": {\"name\": \"Maja Berg\", \"slackUserId\": \"UMAJA\",",
				"\"manager\": {\"name\": \"Mia Lund\", \"locale\": \"sv\",");
	}

	/** The usual placement, with the person whose JSON starts {@code onSlack} on Teams as {@link #ANDERS} instead. */
	private String enrolWithOneOnTeams(String onSlack, String onTeams) {
		HttpResponse<String> response = postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace(onSlack, onTeams + " \"accounts\": [{\"platform\": \"teams\", \"workspace\": \"" + TeamsStub.TENANT
					+ "\", \"memberId\": \"" + ANDERS_AAD + "\"}],"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	private void installed(String user, String aad) {
		assertThat(activity(TeamsStub.install(user, aad)).statusCode()).isEqualTo(200);
		TeamsStub.server().resetRequests();
	}

	private void said(String user, String aad, String id, String text, String replyTo) {
		assertThat(activity(TeamsStub.message(user, aad, id, text, replyTo)).statusCode()).isEqualTo(200);
	}

	/** Presses a button on the card {@link #CARD_ID}; returns the invoke's response, which must be a 200. */
	private JsonNode pressed(String user, String aad, Map<String, String> data) {
		HttpResponse<String> response = activity(TeamsStub.execute(user, aad, CARD_ID, data));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("statusCode").asInt()).isEqualTo(200);
		return body;
	}

	private JsonNode entries(String placementId) {
		return json(get("/api/v1/placements/" + placementId + "/entries").body());
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** The card of the last activity posted to the connector. */
	static JsonNode lastCard() {
		List<JsonNode> sent = TeamsStub.activitiesSent();
		assertThat(sent).isNotEmpty();
		return sent.get(sent.size() - 1).get("attachments").get(0).get("content");
	}

	/** The cards the activity {@code id} was replaced with, oldest first. */
	static List<JsonNode> updatesOf(String id) {
		List<JsonNode> updates = new ArrayList<>(TeamsStub.requests("/connector/v3/conversations/[^/]+/activities/" + id)
			.stream()
			.filter(r -> r.getMethod().getName().equals("PUT"))
			.map(r -> TeamsStub.JSON.readTree(r.getBodyAsString()))
			.toList());
		java.util.Collections.reverse(updates);
		return updates;
	}

	/** Every Action.Execute on a card: verb → value. */
	static Map<String, String> buttons(JsonNode node) {
		Map<String, String> buttons = new LinkedHashMap<>();
		collectButtons(node, buttons);
		return buttons;
	}

	/** Every Action.Execute on a card, in order, as verb and value (a digest has one Acknowledge per entry). */
	static List<Map.Entry<String, String>> allButtons(JsonNode node) {
		List<Map.Entry<String, String>> all = new ArrayList<>();
		collectAll(node, all);
		return all;
	}

	private static void collectAll(JsonNode node, List<Map.Entry<String, String>> all) {
		if (node.isObject() && "Action.Execute".equals(node.path("type").asString(""))) {
			all.add(Map.entry(node.get("verb").asString(), node.get("data").get("value").asString()));
		}
		for (JsonNode child : node) {
			collectAll(child, all);
		}
	}

	private static void collectButtons(JsonNode node, Map<String, String> buttons) {
		if (node.isObject() && "Action.Execute".equals(node.path("type").asString(""))) {
			buttons.putIfAbsent(node.get("verb").asString(), node.get("data").get("value").asString());
		}
		for (JsonNode child : node) {
			collectButtons(child, buttons);
		}
	}

	static List<String> inputIds(JsonNode card) {
		List<String> ids = new ArrayList<>();
		collectInputs(card, ids, null);
		return ids;
	}

	static JsonNode input(JsonNode card, String id) {
		List<JsonNode> found = new ArrayList<>();
		collectInputs(card, new ArrayList<>(), found);
		return found.stream().filter(i -> i.get("id").asString().equals(id)).findFirst().orElseThrow();
	}

	private static void collectInputs(JsonNode node, List<String> ids, List<JsonNode> inputs) {
		if (node.isObject() && node.path("type").asString("").startsWith("Input.")) {
			ids.add(node.get("id").asString());
			if (inputs != null) {
				inputs.add(node);
			}
		}
		for (JsonNode child : node) {
			collectInputs(child, ids, inputs);
		}
	}
}
