package org.fieldnotes.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The monthly "Which goal moved?" on Slack, end to end: the month's first prompt to a placement with learning goals
 * carries the button (the month's next prompt does not; a placement without goals never gets it); the signed press
 * opens the form (views.open) with one checkbox and one note per goal; a bad submission comes back naming the field
 * and stores nothing; a good one is stored per goal, and a second one for the month replaces the first.
 *
 * <p>Now is 2 December 2026; the placement's prompts go out on Fridays: the first sent is due 4 December, the
 * second 11 December.
 */
class GoalProgressSlackTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private String enrolWithGoals(String goalsJson) {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replace("\"schedule\":",
				"\"learningGoals\": " + goalsJson + ",\n \"schedule\":");
		HttpResponse<String> created = postJson("/api/v1/placements", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created.body()).get("id").asString();
	}

	private void sendPrompt(String placementId) {
		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
	}

	private static List<String> actionIds(Map<String, String> message) {
		List<String> ids = new ArrayList<>();
		for (JsonNode block : JSON.readTree(message.get("blocks"))) {
			if (block.get("type").asString().equals("actions")) {
				block.get("elements").forEach(e -> ids.add(e.get("action_id").asString()));
			}
		}
		return ids;
	}

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
		return slackEvent(SlackInteractions.buttonPress(userId, "goal_progress", value, "D" + userId, "1764669600.000900"),
				SlackInteractions.FORM);
	}

	private static JsonNode openedView(int calls) {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == calls);
		return JSON.readTree(SlackStub.calls("views.open").get(calls - 1).get("view"));
	}

	private static JsonNode checked(String... values) {
		ObjectNode node = JSON.createObjectNode().put("type", "checkboxes");
		ArrayNode options = node.putArray("selected_options");
		for (String value : values) {
			options.addObject().put("value", value).putObject("text").put("type", "plain_text").put("text", value);
		}
		return node;
	}

	private HttpResponse<String> submit(String userId, String value, Map<String, JsonNode> fields) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		fields.forEach((field, given) -> values.put(field, Map.of("a_" + field, given)));
		return slackEvent(SlackInteractions.viewSubmission(userId, "V900", "goal_progress", value, values),
				SlackInteractions.FORM);
	}

	/** Enrols Ada with two goals, sends the month's first prompt, and returns its goal button's value. */
	private String theMonthsQuestion() {
		String placementId = enrolWithGoals("[\"Run a design review\", \"Present to the steering group\"]");
		sendPrompt(placementId);
		drainOutbox();
		return button(SlackStub.messagesTo(ADA).get(0), "goal_progress").get("value").asString();
	}

	@Test
	void theMonthsFirstPromptCarriesWhichGoalMovedAndTheMonthsNextPromptDoesNot() {
		String placementId = enrolWithGoals("[\"Run a design review\", \"Present to the steering group\"]");

		sendPrompt(placementId);
		sendPrompt(placementId);
		drainOutbox();

		List<Map<String, String>> messages = SlackStub.messagesTo(ADA);
		assertThat(messages).hasSize(2);
		JsonNode goal = button(messages.get(0), "goal_progress");
		assertThat(goal.get("text").get("text").asString()).isEqualTo("Which goal moved?");
		assertThat(goal.get("value").asString()).isEqualTo(placementId + "/2026-12");
		assertThat(actionIds(messages.get(1))).doesNotContain("goal_progress").contains("prompt_write");
	}

	@Test
	void aPlacementWithoutGoalsIsNeverAsked() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		sendPrompt(placementId);
		drainOutbox();

		assertThat(actionIds(SlackStub.messagesTo(ADA).get(0))).isNotEmpty().doesNotContain("goal_progress");
		// nor does a hand-made button value open a form for it
		press(ADA, placementId + "/2026-12");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		assertThat(SlackStub.calls("views.open")).isEmpty();
	}

	@Test
	void theButtonOpensAFormWithACheckboxPerGoalANotePerGoalAndWhoCanReadTheNotes() {
		String value = theMonthsQuestion();

		assertThat(press(ADA, value).statusCode()).isEqualTo(200);

		JsonNode view = openedView(1);
		assertThat(view.get("callback_id").asString()).isEqualTo("goal_progress");
		assertThat(view.get("private_metadata").asString()).isEqualTo(value);
		List<String> inputs = new ArrayList<>();
		for (JsonNode block : view.get("blocks")) {
			if (block.get("type").asString().equals("input")) {
				inputs.add(block.get("block_id").asString() + " " + block.get("element").get("type").asString() + " "
						+ block.get("optional").asBoolean());
			}
		}
		assertThat(inputs).containsExactly("moved checkboxes true", "note_0 plain_text_input true",
				"note_1 plain_text_input true", "visibility static_select false");
		JsonNode options = view.get("blocks").get(1).get("element").get("options");
		assertThat(options).hasSize(2);
		assertThat(options.get(0).get("text").get("text").asString()).isEqualTo("Run a design review");
		assertThat(options.get(1).get("value").asString()).isEqualTo("1");
		assertThat(texts(view)).contains("Note on goal 2: Present to the steering group");
	}

	@Test
	void aSubmissionIsStoredPerGoalAndASecondOneForTheMonthReplacesIt() {
		String value = theMonthsQuestion();

		JsonNode ack = json(submit(ADA, value, Map.of("moved", checked("0"), "note_0",
				SlackInteractions.text("Led the review of the cab layout"), "visibility",
				SlackInteractions.selected("static_select", "private"))).body());

		assertThat(ack.get("response_action").asString()).isEqualTo("update");
		Document stored = mongo.getCollection("goal_progress").find().first();
		assertThat(stored.getString("_id")).isEqualTo(value);
		assertThat(stored.getString("month")).isEqualTo("2026-12");
		assertThat(stored.getString("personId")).isEqualTo(personOf(ADA));
		assertThat(stored.getString("visibility")).isEqualTo("PRIVATE");
		List<Document> goals = stored.getList("goals", Document.class);
		assertThat(goals).extracting(g -> g.getString("goal"))
			.containsExactly("Run a design review", "Present to the steering group");
		assertThat(goals).extracting(g -> g.getBoolean("moved")).containsExactly(true, false);
		assertThat(goals.get(0).getString("note")).isEqualTo("Led the review of the cab layout");
		assertThat(goals.get(1).getString("note")).isNull();

		submit(ADA, value, Map.of("moved", checked("1"), "visibility",
				SlackInteractions.selected("static_select", "coaches")));

		assertThat(mongo.getCollection("goal_progress").countDocuments()).isEqualTo(1);
		Document again = mongo.getCollection("goal_progress").find().first();
		assertThat(again.getList("goals", Document.class)).extracting(g -> g.getBoolean("moved"))
			.containsExactly(false, true);
		assertThat(again.getString("visibility")).isEqualTo("COACHES");
		// the form opened again shows what was answered
		press(ADA, value);
		JsonNode view = openedView(1);
		JsonNode initial = view.get("blocks").get(1).get("element").get("initial_options");
		assertThat(initial).hasSize(1);
		assertThat(initial.get(0).get("value").asString()).isEqualTo("1");
	}

	@Test
	void aGoalThatIsNotTheirsOrANoteTooLongComesBackNamedAndNothingIsStored() {
		String value = theMonthsQuestion();

		JsonNode ack = json(submit(ADA, value, Map.of("moved", checked("0", "7"), "note_1",
				SlackInteractions.text("x".repeat(501)), "visibility",
				SlackInteractions.selected("static_select", "coaches"))).body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("moved").asString()).isEqualTo("Tick only goals from the list.");
		assertThat(ack.get("errors").get("note_1").asString()).isEqualTo("Keep this to at most 500 characters.");
		assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();
	}

	@Test
	void someoneElseCannotOpenOrSubmitTheParticipantsForm() {
		String value = theMonthsQuestion();

		press("UMAJA", value);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		assertThat(SlackStub.calls("chat.postEphemeral").get(0).get("text"))
			.isEqualTo("This question about learning goals is not yours to answer, or it no longer applies.");
		assertThat(SlackStub.calls("views.open")).isEmpty();
		JsonNode ack = json(submit("UMAJA", value, Map.of("moved", checked("0"), "visibility",
				SlackInteractions.selected("static_select", "placement"))).body());
		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();
	}

	@Test
	void aMonthNotYetBegunIsNotAsked() {
		String value = theMonthsQuestion();

		press(ADA, value.replace("2026-12", "2027-01"));

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		assertThat(SlackStub.calls("views.open")).isEmpty();
	}
}
