package org.fieldnotes.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A survey on Slack, end to end: a coordinator sends it now through the admin API; the participant gets a message
 * with "Answer the survey"; the signed button press opens the survey's modal (views.open); a submission with a bad
 * field comes back naming it and stores nothing; a good one is stored as data, and a second replaces the first.
 */
class SurveySlackTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String SEND = "/api/v1/programs/KTP%202026/surveys/end-satisfaction:send";

	@org.springframework.beans.factory.annotation.Autowired
	org.fieldnotes.prompting.PromptDispatcher dispatcher;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationEventPublisher events;

	private static JsonNode button(Map<String, String> message, String actionId) {
		for (JsonNode block : JSON.readTree(message.get("blocks"))) {
			if (block.get("type").asString().equals("actions")) {
				for (JsonNode element : block.get("elements")) {
					if (element.get("action_id").asString().equals(actionId)) {
						return element;
					}
				}
			}
		}
		throw new AssertionError("no " + actionId + " button in " + message.get("blocks"));
	}

	private HttpResponse<String> press(String userId, String value) {
		return slackEvent(SlackInteractions.buttonPress(userId, "survey_open", value, "D" + userId, "1764669600.000700"),
				SlackInteractions.FORM);
	}

	private static JsonNode openedView(int calls) {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == calls);
		return JSON.readTree(SlackStub.calls("views.open").get(calls - 1).get("view"));
	}

	private static JsonNode radio(String value) {
		return SlackInteractions.selected("radio_buttons", value);
	}

	private static JsonNode checked(String... values) {
		ObjectNode node = JSON.createObjectNode().put("type", "checkboxes");
		ArrayNode options = node.putArray("selected_options");
		for (String value : values) {
			options.addObject().put("value", value).putObject("text").put("type", "plain_text").put("text", value);
		}
		return node;
	}

	/** The submitted modal: each question's block id → its one action → the value. */
	private HttpResponse<String> submit(String userId, String viewId, String sendId, Map<String, JsonNode> answers) {
		Map<String, Map<String, JsonNode>> values = new java.util.LinkedHashMap<>();
		answers.forEach((question, value) -> values.put("sq_" + question, Map.of("a_" + question, value)));
		return slackEvent(SlackInteractions.viewSubmission(userId, viewId, "survey_answer", sendId, values),
				SlackInteractions.FORM);
	}

	private String sendTheSurvey() {
		HttpResponse<String> sent = postJson(SEND, "");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
		assertThat(json(sent.body()).get("sent").asInt()).isEqualTo(1);
		drainOutbox();
		Map<String, String> message = SlackStub.messagesTo(ADA).get(SlackStub.messagesTo(ADA).size() - 1);
		return button(message, "survey_open").get("value").asString();
	}

	@Test
	void aCoordinatorSendsASurveyNowAndTheParticipantGetsItOnceWithAnAnswerButton() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> sent = postJson(SEND, "");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
		assertThat(json(sent.body()).get("sent").asInt()).isEqualTo(1);
		drainOutbox();
		// sent twice the same day: claimed once
		// a placement that starts next month is left out
		enrol("UBRUNO", "2027-01-04", "2027-06-30");
		HttpResponse<String> again = postJson(SEND, "");
		assertThat(json(again.body()).get("sent").asInt()).isZero();
		assertThat(json(again.body()).get("alreadySent").asInt()).isEqualTo(1);
		drainOutbox();

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(SlackStub.messagesTo("UBRUNO")).isEmpty();
		Map<String, String> message = SlackStub.messagesTo(ADA).get(0);
		assertThat(SlackStub.blockTexts(message)).contains("Looking back", "5 questions, about a minute");
		JsonNode answer = button(message, "survey_open");
		assertThat(answer.get("text").get("text").asString()).isEqualTo("Answer the survey");
		assertThat(answer.get("style").asString()).isEqualTo("primary");
		assertThat(mongo.getCollection("survey_sends").countDocuments()).isEqualTo(1);
		Document audit = mongo.getCollection("audit").find(new Document("action", "survey-send")).first();
		assertThat(audit.getString("outcome")).isEqualTo("done");
		assertThat(audit.getString("detail")).isEqualTo("KTP 2026: end-satisfaction to 1 (0 already, 0 closed)");
	}

	@Test
	void anUnknownSurveyOrProgrammeIsANotFoundProblemNamingTheField() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> survey = postJson("/api/v1/programs/KTP%202026/surveys/no-such:send", "");
		assertThat(survey.statusCode()).isEqualTo(404);
		assertThat(survey.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(survey.body()).get("errors").get(0).get("field").asString()).isEqualTo("surveyId");
		assertThat(postJson("/api/v1/programs/Nope/surveys/end-satisfaction:send", "").statusCode()).isEqualTo(404);
		drainOutbox();
		assertThat(SlackStub.messagesTo(ADA)).isEmpty();
		assertThat(mongo.getCollection("audit").countDocuments(new Document("action", "survey-send")
			.append("outcome", "refused"))).isEqualTo(2);
	}

	@Test
	void aClosedProgrammeGetsNoSurveyNow() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements:pause",
				"{\"program\": \"KTP 2026\", \"from\": \"2026-12-01\", \"to\": \"2026-12-31\"}").statusCode())
			.isEqualTo(201);

		HttpResponse<String> sent = postJson(SEND, "");

		assertThat(json(sent.body()).get("sent").asInt()).isZero();
		assertThat(json(sent.body()).get("closed").asInt()).isEqualTo(1);
		drainOutbox();
		// the closure's own notice only
		assertThat(SlackStub.messagesTo(ADA)).singleElement()
			.satisfies(m -> assertThat(m.get("blocks")).doesNotContain("survey_open"));
		assertThat(mongo.getCollection("survey_sends").countDocuments()).isZero();
	}

	@Test
	void theButtonOpensOneModalWithLikertRadiosChoicesAndText() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		String sendId = sendTheSurvey();

		assertThat(press(ADA, sendId).statusCode()).isEqualTo(200);

		JsonNode view = openedView(1);
		assertThat(view.get("callback_id").asString()).isEqualTo("survey_answer");
		assertThat(view.get("private_metadata").asString()).isEqualTo(sendId);
		assertThat(view.get("title").get("text").asString()).isEqualTo("Survey");
		List<String> kinds = new ArrayList<>();
		for (JsonNode block : view.get("blocks")) {
			if (block.get("type").asString().equals("input")) {
				kinds.add(block.get("block_id").asString() + " " + block.get("element").get("type").asString() + " "
						+ block.get("optional").asBoolean());
			}
		}
		assertThat(kinds).containsExactly("sq_satisfied radio_buttons false", "sq_learnt radio_buttons false",
				"sq_outcomes checkboxes true", "sq_recommend radio_buttons false", "sq_improve plain_text_input true");
		JsonNode scale = view.get("blocks").get(1).get("element").get("options");
		assertThat(scale).hasSize(5);
		assertThat(scale.get(0).get("text").get("text").asString()).isEqualTo("1 · Not at all");
		assertThat(scale.get(0).get("value").asString()).isEqualTo("1");
		assertThat(scale.get(4).get("text").get("text").asString()).isEqualTo("5 · Very satisfied");
	}

	@Test
	void someoneElsePressingTheButtonIsToldItIsNotTheirsAndNoModalOpens() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		String sendId = sendTheSurvey();

		press("UMAJA", sendId);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		assertThat(SlackStub.calls("chat.postEphemeral").get(0).get("text"))
			.isEqualTo("This survey is not yours to answer, or it no longer exists.");
		assertThat(SlackStub.calls("views.open")).isEmpty();
		JsonNode ack = json(submit("UMAJA", "V700", sendId, Map.of("satisfied", radio("5"), "learnt", radio("5"),
				"recommend", radio("yes"))).body());
		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isZero();
	}

	@Test
	void aBadSubmissionNamesTheFieldInTheParticipantsLanguageAndStoresNothing() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		assertThat(postJson("/api/v1/placements", body).statusCode()).isEqualTo(201);
		String sendId = sendTheSurvey();

		JsonNode ack = json(submit(ADA, "V701", sendId, Map.of("satisfied", radio("4"), "learnt", radio("9"),
				"recommend", radio("perhaps"), "outcomes", checked("skills", "fame"))).body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("sq_learnt").asString()).isEqualTo("Välj ett av alternativen som visas.");
		assertThat(ack.get("errors").get("sq_recommend").asString()).isEqualTo("Välj ett av alternativen som visas.");
		assertThat(ack.get("errors").get("sq_outcomes").asString()).isEqualTo("Välj ett av alternativen som visas.");
		assertThat(ack.get("errors").has("sq_satisfied")).isFalse();
		JsonNode missing = json(submit(ADA, "V701", sendId, Map.of("satisfied", radio("4"))).body());
		assertThat(missing.get("errors").get("sq_learnt").asString()).isEqualTo("Svara på den här frågan.");
		assertThat(missing.get("errors").get("sq_recommend").asString()).isEqualTo("Svara på den här frågan.");
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isZero();
	}

	@Test
	void answersAreStoredAsDataAndASecondSubmissionReplacesTheFirst() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		String sendId = sendTheSurvey();

		JsonNode ack = json(submit(ADA, "V702", sendId, Map.of("satisfied", radio("4"), "learnt", radio("5"),
				"recommend", radio("yes"), "outcomes", checked("skills", "network"),
				"improve", SlackInteractions.text("More time with the <b>host</b>"))).body());

		assertThat(ack.get("response_action").asString()).isEqualTo("update");
		assertThat(ack.get("view").get("title").get("text").asString()).isEqualTo("Survey");
		Document stored = mongo.getCollection("survey_answers").find().first();
		assertThat(stored.getString("_id")).isEqualTo(sendId);
		assertThat(stored.getString("surveyId")).isEqualTo("end-satisfaction");
		assertThat(stored.getString("moment")).isEqualTo("now");
		assertThat(stored.getString("program")).isEqualTo("KTP 2026");
		assertThat(stored.getString("personId")).isEqualTo(personOf(ADA));
		List<Document> answers = stored.getList("answers", Document.class);
		assertThat(answers).extracting(a -> a.getString("questionId"))
			.containsExactly("satisfied", "learnt", "outcomes", "recommend", "improve");
		assertThat(answers.get(0).getInteger("number")).isEqualTo(4);
		assertThat(answers.get(2).getList("options", String.class)).containsExactly("skills", "network");
		assertThat(answers.get(3).getList("options", String.class)).containsExactly("yes");
		assertThat(answers.get(4).getString("text")).isEqualTo("More time with the <b>host</b>");

		// pressed again: the form shows the answers given; sent again: they are replaced
		press(ADA, sendId);
		JsonNode view = openedView(1);
		assertThat(view.get("blocks").get(1).get("element").get("initial_option").get("value").asString()).isEqualTo("4");
		submit(ADA, "V703", sendId, Map.of("satisfied", radio("2"), "learnt", radio("3"), "recommend", radio("no")));
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isEqualTo(1);
		List<Document> replaced = mongo.getCollection("survey_answers").find().first().getList("answers", Document.class);
		assertThat(replaced).extracting(a -> a.getString("questionId")).containsExactly("satisfied", "learnt", "recommend");
		assertThat(replaced.get(0).getInteger("number")).isEqualTo(2);
	}

	@Test
	void theStartSurveyGoesWithTheFirstWeeksPromptAndAWeeklyPromptTakesNone() {
		String weekly = enrol("UBRUNO", "2026-11-02", "2027-04-30");
		String starting = enrol(ADA, "2026-11-30", "2027-04-30");

		assertThat(postJson("/api/v1/placements/" + weekly + "/send-prompt", "").statusCode()).isEqualTo(202);
		HttpResponse<String> first = postJson("/api/v1/placements/" + starting + "/send-prompt", "");
		assertThat(first.statusCode()).isEqualTo(202);
		drainOutbox();
		// the prompt's delivery recorded once more (as a sender recovering after a crash does) brings no second survey
		String occurrence = json(first.body()).get("occurrenceId").asString();
		events.publishEvent(new org.fieldnotes.delivery.MessageDelivered("prompt:" + occurrence,
				org.fieldnotes.delivery.MessageKind.PROMPT, occurrence, personOf(ADA),
				new org.fieldnotes.chat.SentMessage(org.fieldnotes.support.Accounts.slack(ADA), "D" + ADA, "1764669600.000900")));
		drainOutbox();
		assertThat(mongo.getCollection("survey_sends").countDocuments()).isEqualTo(1);

		assertThat(SlackStub.messagesTo("UBRUNO")).hasSize(1);
		List<Map<String, String>> toAda = SlackStub.messagesTo(ADA);
		assertThat(toAda).hasSize(2);
		assertThat(SlackStub.blockTexts(toAda.get(1))).contains("Before you start");
		Document send = mongo.getCollection("survey_sends").find().first();
		assertThat(send.getString("surveyId")).isEqualTo("start-expectations");
		assertThat(send.getString("moment")).isEqualTo("start");
		assertThat(send.getString("placementId")).isEqualTo(starting);
	}

	@Test
	void theEndSurveyGoesWithTheLastWeeksPrompt() {
		// ends Wednesday 9 December: the prompt due Friday 4 December is the last week's
		String ending = enrol(ADA, "2026-10-05", "2026-12-09");

		assertThat(postJson("/api/v1/placements/" + ending + "/send-prompt", "").statusCode()).isEqualTo(202);
		drainOutbox();

		Document send = mongo.getCollection("survey_sends").find().first();
		assertThat(send.getString("surveyId")).isEqualTo("end-satisfaction");
		assertThat(send.getString("moment")).isEqualTo("end");
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(1))).contains("Looking back");
	}

	@Test
	void aFirstWeekClosedForTheProgrammeTakesNoSurveyWhileAnotherProgrammesDoes() {
		String closed = enrol(ADA, "2026-11-30", "2027-04-30");
		String open = enrol("UBRUNO", "2026-11-30", "2027-04-30");
		mongo.getCollection("placements").updateOne(new Document("_id", open),
				new Document("$set", new Document("program", "Other")));
		assertThat(postJson("/api/v1/placements:pause",
				"{\"program\": \"KTP 2026\", \"from\": \"2026-12-01\", \"to\": \"2026-12-06\"}").statusCode())
			.isEqualTo(201);
		// Friday 4 December, 14:05 in Stockholm: both first-week prompts are due
		clock.set(java.time.Instant.parse("2026-12-04T13:05:00Z"));

		dispatcher.catchUp(closed);
		dispatcher.catchUp(open);
		drainOutbox();

		assertThat(mongo.getCollection("prompt_occurrences").find(new Document("placementId", closed)).first()
			.getString("status")).isEqualTo("SKIPPED");
		assertThat(mongo.getCollection("survey_sends").find().into(new ArrayList<>()))
			.extracting(d -> d.getString("placementId") + " " + d.getString("moment"))
			.containsExactly(open + " start");
	}

	@Test
	void theSurveyCommandSendsToTheProgrammeAndAnotherProgrammesCoordinatorIsRefused() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		SlackStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/users.info"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=UCORA"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"UCORA\",\"name\":\"x\",\"real_name\":\"Cora Lund\","
						+ "\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"en-GB\",\"profile\":"
						+ "{\"real_name\":\"Cora Lund\",\"email\":\"ucora@example.org\"}}}")));
		commandAnswer("UADMIN1", "admin add <@UCORA|cora> program:\"Other\"");

		assertThat(commandAnswer("UCORA", "survey end-satisfaction program:\"KTP 2026\""))
			.doesNotContain("sent to");
		assertThat(mongo.getCollection("survey_sends").countDocuments()).isZero();
		assertThat(commandAnswer("UADMIN1", "survey")).contains("/fieldnotes survey ")
			.contains("end-satisfaction");
		assertThat(commandAnswer("UADMIN1", "survey nope program:\"KTP 2026\""))
			.contains("There is no survey nope for programme KTP 2026");

		assertThat(commandAnswer("UADMIN1", "survey end-satisfaction program:\"ktp 2026\""))
			.contains("Survey end-satisfaction sent to 1 participant of ktp 2026.");
		assertThat(commandAnswer("UADMIN1", "survey end-satisfaction program:\"KTP 2026\""))
			.contains("sent to 0 participants of KTP 2026; 1 had it today already.");
		drainOutbox();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(mongo.getCollection("audit").find(new Document("action", "survey-send")).into(new ArrayList<>()))
			.extracting(d -> d.getString("outcome")).containsExactly("refused", "refused", "done", "done");
	}

	@Test
	void inAProgrammeWithReviewsTheMidSurveyGoesWithTheFirstReviewOnly() {
		assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/programs/KTP%202026"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reviewEvery\": \"P3M\"}")).build())
			.statusCode()).isEqualTo(200);
		String placementId = enrol(ADA, "2026-11-02", "2028-10-31");

		// send the prompts one after the other until two reviews have gone; the survey goes with the first
		boolean sawTheFirstReview = false;
		for (int i = 0; i < 40 && reviews() < 2; i++) {
			assertThat(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").statusCode()).isEqualTo(202);
			if (reviews() == 1 && !sawTheFirstReview) {
				sawTheFirstReview = true;
				assertThat(mongo.getCollection("survey_sends").countDocuments(new Document("moment", "mid"))).isEqualTo(1);
			}
		}

		assertThat(sawTheFirstReview).isTrue();
		assertThat(reviews()).isEqualTo(2);
		assertThat(mongo.getCollection("survey_sends").find().into(new ArrayList<>()))
			.extracting(d -> d.getString("surveyId") + " " + d.getString("moment"))
			.containsExactly("mid-check mid");
	}

	private long reviews() {
		return mongo.getCollection("prompt_occurrences").countDocuments(new Document("promptId", "periodic-review"));
	}
}
