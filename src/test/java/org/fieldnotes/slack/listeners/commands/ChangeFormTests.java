package org.fieldnotes.slack.listeners.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

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
 * {@code /fieldnotes change @person} alone, over signed requests to /slack/events: the change modal opens (views.open)
 * pre-filled with the placement as it is; its view_submission, sent back as Slack would with what the modal showed
 * and the admin's edits, changes only what differs (one change, one audit entry, everyone affected told), refuses a
 * form opened before someone else's change, and answers errors on their fields in the admin's language, saving
 * nothing. A programme coordinator gets the form only for their programme's placements, and cannot move one out.
 */
class ChangeFormTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";

	private static void member(String id, String name, String locale) {
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"x\",\"real_name\":\"" + name
						+ "\",\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"" + locale + "\"}}")));
	}

	/** Opens the change form as {@code admin} and returns the modal Slack was asked to open. */
	private JsonNode open(String admin, String text) {
		int before = SlackStub.calls("views.open").size();
		HttpResponse<String> response = slashCommand(admin, text);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SlackStub.calls("views.open")).hasSize(before + 1);
		return json(SlackStub.calls("views.open").get(before).get("view"));
	}

	/**
	 * Submits the modal as Slack would: every input block with the value it was opened with (what the admin did not
	 * touch), except {@code edits} (block id → the value object; {@literal null} for a field the admin emptied).
	 */
	private HttpResponse<String> submit(String admin, JsonNode view, Map<String, JsonNode> edits) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		for (JsonNode block : view.get("blocks")) {
			if (!block.get("type").asString().equals("input")) {
				continue;
			}
			String id = block.get("block_id").asString();
			JsonNode element = block.get("element");
			JsonNode value = edits.containsKey(id) ? edits.get(id) : shown(element);
			if (value == null) {
				value = JSON.createObjectNode().put("type", element.get("type").asString());
			}
			values.put(id, Map.of(element.get("action_id").asString(), value));
		}
		return slackEvent(SlackInteractions.viewSubmission(admin, "VCHANGE", view.get("callback_id").asString(),
				view.get("private_metadata").asString(), values), SlackInteractions.FORM);
	}

	/** The state Slack reports for an input left as it was opened. */
	private static JsonNode shown(JsonNode element) {
		String type = element.get("type").asString();
		ObjectNode state = JSON.createObjectNode().put("type", type);
		switch (type) {
			case "plain_text_input", "email_text_input" -> {
				if (element.has("initial_value")) {
					state.put("value", element.get("initial_value").asString());
				}
			}
			case "datepicker" -> state.put("selected_date", element.get("initial_date").asString());
			case "timepicker" -> state.put("selected_time", element.get("initial_time").asString());
			case "users_select" -> {
				if (element.has("initial_user")) {
					state.put("selected_user", element.get("initial_user").asString());
				}
			}
			case "static_select" -> state.set("selected_option", element.get("initial_option"));
			case "checkboxes" -> state.set("selected_options", element.get("initial_options"));
			default -> throw new IllegalStateException(type);
		}
		return state;
	}

	private static JsonNode user(String id) {
		return JSON.createObjectNode().put("type", "users_select").put("selected_user", id);
	}

	private static JsonNode date(String value) {
		return JSON.createObjectNode().put("type", "datepicker").put("selected_date", value);
	}

	private static JsonNode days(String... days) {
		ObjectNode node = JSON.createObjectNode().put("type", "checkboxes");
		ArrayNode options = node.putArray("selected_options");
		for (String day : days) {
			options.addObject().put("value", day).putObject("text").put("type", "plain_text").put("text", day);
		}
		return node;
	}

	private static JsonNode input(JsonNode view, String blockId) {
		for (JsonNode block : view.get("blocks")) {
			if (block.has("block_id") && block.get("block_id").asString().equals(blockId)) {
				return block.get("element");
			}
		}
		throw new AssertionError("no block " + blockId + " in " + view);
	}

	private List<Document> audits() {
		return mongo.getCollection("audit").find(new Document("action", "placement-change")).into(new ArrayList<>());
	}

	@Test
	void changeAloneOpensTheFormPrefilledWithThePlacementAsItIs() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		commandAnswer(ADMIN, "change <@UADA|ada> work-days:mon,tue,wed");
		long version = placement(id).getLong("version");

		JsonNode view = open(ADMIN, "change <@UADA|ada>");

		assertThat(view.get("callback_id").asString()).isEqualTo("fieldnotes_change");
		assertThat(view.get("private_metadata").asString()).isEqualTo(id + ":" + version);
		assertThat(view.get("title").get("text").asString()).isEqualTo("Change a placement");
		assertThat(view.toString()).contains("The placement of Ada Lindqvist at Scania, as it is now.");
		assertThat(input(view, "program").get("initial_value").asString()).isEqualTo("KTP 2026");
		assertThat(input(view, "host").get("initial_value").asString()).isEqualTo("Scania");
		assertThat(input(view, "start").get("initial_date").asString()).isEqualTo("2026-11-02");
		assertThat(input(view, "end").get("initial_date").asString()).isEqualTo("2027-04-30");
		assertThat(input(view, "manager").get("initial_user").asString()).isEqualTo("UMAJA");
		assertThat(input(view, "academic-coach").get("initial_user").asString()).isEqualTo("UANDERS");
		assertThat(input(view, "business-coach").get("initial_user").asString()).isEqualTo("UBEATA");
		assertThat(input(view, "day").get("initial_option").get("value").asString()).isEqualTo("FRIDAY");
		assertThat(input(view, "time").get("initial_time").asString()).isEqualTo("14:00");
		assertThat(input(view, "work-days").get("initial_options").findValuesAsString("value"))
			.containsExactly("MONDAY", "TUESDAY", "WEDNESDAY");
		assertThat(input(view, "tz").get("initial_value").asString()).isEqualTo("Europe/Stockholm");
		assertThat(input(view, "lang").get("initial_option").get("value").asString()).isEqualTo("en");
		assertThat(input(view, "goals").has("initial_value")).as("no learning goals yet").isFalse();
	}

	@Test
	void aSubmissionChangesOnlyWhatDiffersInOneAuditedChangeAndTellsEveryoneAffected() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		JsonNode view = open(ADMIN, "change <@UADA|ada>");

		Map<String, JsonNode> edits = new LinkedHashMap<>();
		edits.put("end", date("2027-08-31"));
		edits.put("business-coach", user("UBO"));
		edits.put("academic-coach", null); // emptied: the coach is removed
		edits.put("work-days", days("MONDAY", "TUESDAY"));
		edits.put("goals", SlackInteractions.text("Run a design review\n\n  Present to the board  "));
		HttpResponse<String> response = submit(ADMIN, view, edits);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).as("the modal closes").isEmpty();
		Document stored = placement(id);
		assertThat(stored.get("endDate").toString()).contains("2027");
		assertThat(stored.get("academicCoach")).isNull();
		assertThat(stored.getString("businessCoach")).isEqualTo(personOf("UBO"));
		assertThat(stored.getList("workDays", String.class)).containsExactlyInAnyOrder("MONDAY", "TUESDAY");
		assertThat(stored.getList("learningGoals", String.class)).containsExactly("Run a design review",
				"Present to the board");
		// what was left as shown is as it was
		assertThat(stored.getString("hostOrganisation")).isEqualTo("Scania");
		assertThat(stored.getString("manager")).isEqualTo(personOf("UMAJA"));
		assertThat(((Document) stored.get("schedule")).getString("dayOfWeek")).isEqualTo("FRIDAY");
		assertThat(audits()).singleElement().satisfies(audit -> {
			assertThat(audit.getString("outcome")).isEqualTo("done");
			assertThat(audit.getString("detail")).isEqualTo("changed: endDate 2027-04-30→2027-08-31, academicCoach, "
					+ "businessCoach, workDays MON;TUE;WED;THU;FRI→MON;TUE, learningGoals");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.messagesTo(ADMIN).isEmpty());
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADMIN).get(0)))
			.contains("Changed the placement of Ada Lindqvist at Scania: end date, academic coach, business coach, "
					+ "work days, learning goals.");
		drainOutbox();
		assertThat(sent().messagesTo(slack("UBO"))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("You now follow the placement of Ada Lindqvist"));
		assertThat(sent().messagesTo(slack("UANDERS"))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("Du följer inte längre placeringen för Ada Lindqvist"));
	}

	@Test
	void aFormSentBackUnchangedChangesNothing() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		Document before = placement(id);

		HttpResponse<String> response = submit(ADMIN, open(ADMIN, "change <@UADA|ada>"), Map.of());

		assertThat(response.body()).isEmpty();
		assertThat(placement(id)).isEqualTo(before);
		assertThat(audits()).isEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.messagesTo(ADMIN).isEmpty());
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADMIN).get(0)))
			.contains("Nothing changed: the placement of Ada Lindqvist at Scania already is like that.");
	}

	@Test
	void errorsAreOnTheirFieldsInTheAdminsLanguageAndNothingIsSaved() {
		member(ADMIN, "Ida Admin", "sv-SE"); // the admin uses Slack in Swedish
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		Document before = placement(id);
		JsonNode view = open(ADMIN, "change <@UADA|ada>");
		assertThat(view.get("title").get("text").asString()).isEqualTo("Ändra en placering");

		JsonNode ack = json(submit(ADMIN, view, Map.of("start", date("2027-06-01"), "tz",
				SlackInteractions.text("Mars/Base"), "business-coach-email",
				JSON.createObjectNode().put("type", "email_text_input").put("value", "beata@scania.example")))
			.body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("business-coach").asString())
			.isEqualTo("Välj någon eller ange en e-postadress, inte båda.");
		assertThat(placement(id)).isEqualTo(before);

		ack = json(submit(ADMIN, view, Map.of("start", date("2027-06-01"), "tz", SlackInteractions.text("Mars/Base")))
			.body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("end").asString())
			.isEqualTo("Slutdatumet (30 apr. 2027) ligger före startdatumet (1 juni 2027).");
		assertThat(ack.get("errors").get("tz").asString()).contains("Mars/Base");
		assertThat(placement(id)).isEqualTo(before);
		assertThat(audits()).singleElement()
			.satisfies(audit -> assertThat(audit.getString("outcome")).isEqualTo("refused"));
	}

	@Test
	void aChangeMadeAfterTheFormOpenedIsNotOverwritten() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		JsonNode view = open(ADMIN, "change <@UADA|ada>");
		// someone else extends the placement meanwhile
		assertThat(commandAnswer(ADMIN, "change <@UADA|ada> end:2027-06-30")).contains("Changed the placement");

		JsonNode ack = json(submit(ADMIN, view, Map.of("host", SlackInteractions.text("Volvo"))).body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("program").asString())
			.startsWith("Someone changed this placement after you opened this form, so nothing was saved.");
		Document stored = placement(id);
		assertThat(stored.getString("hostOrganisation")).isEqualTo("Scania");
		assertThat(stored.get("endDate").toString()).contains("2027");
		assertThat(json(get("/api/v1/placements/" + id).body()).get("endDate").asString()).isEqualTo("2027-06-30");

		// opened again, the form shows the change and can be saved
		JsonNode again = open(ADMIN, "change <@UADA|ada>");
		assertThat(input(again, "end").get("initial_date").asString()).isEqualTo("2027-06-30");
		assertThat(submit(ADMIN, again, Map.of("host", SlackInteractions.text("Volvo"))).body()).isEmpty();
		assertThat(placement(id).getString("hostOrganisation")).isEqualTo("Volvo");
	}

	@Test
	void aCoordinatorChangesOnlyTheirProgrammesPlacementsAndMovesNoneOut() {
		member("UCORA", "Cora Lund", "en-GB");
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bo = json(postJson("/api/v1/placements", placementJson("UBO", "2026-11-02", "2027-04-30")
			.replace("Ada Lindqvist", "Bo Ek").replace("KTP 2026", "Thesis abroad")).body()).get("id").asString();
		assertThat(commandAnswer(ADMIN, "admin add <@UCORA|cora> program:\"KTP 2026\"")).contains("Cora Lund");
		Document bosBefore = placement(bo);

		String refused = commandAnswer("UCORA", "change <@UBO|bo>");

		assertThat(refused).contains("“Thesis abroad” isn't one of the programmes you coordinate (ktp 2026)");
		assertThat(SlackStub.calls("views.open")).isEmpty();

		JsonNode view = open("UCORA", "change <@UADA|ada>");
		JsonNode ack = json(submit("UCORA", view, Map.of("program", SlackInteractions.text("Thesis abroad"))).body());

		assertThat(ack.get("errors").get("program").asString())
			.contains("“Thesis abroad” isn't one of the programmes you coordinate");
		assertThat(placement(ada).getString("program")).isEqualTo("KTP 2026");
		assertThat(placement(bo)).isEqualTo(bosBefore);

		assertThat(submit("UCORA", view, Map.of("end", date("2027-06-30"))).body()).isEmpty();
		assertThat(json(get("/api/v1/placements/" + ada).body()).get("endDate").asString()).isEqualTo("2027-06-30");
	}

	@Test
	void onlyAnAdminGetsTheFormOrMaySubmitIt() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		JsonNode view = open(ADMIN, "change <@UADA|ada>");
		Document before = placement(id);

		assertThat(json(slashCommand("UBEATA", "change <@UADA|ada>").body()).get("text").asString())
			.startsWith("Sorry, only programme coordinators (admins) can do that.");
		assertThat(SlackStub.calls("views.open")).hasSize(1);
		JsonNode ack = json(submit("UBEATA", view, Map.of("host", SlackInteractions.text("Volvo"))).body());

		assertThat(ack.get("errors").get("program").asString())
			.startsWith("Sorry, only programme coordinators (admins) can do that.");
		assertThat(placement(id)).isEqualTo(before);
	}

	@Test
	void aPersonWithoutAPlacementGetsNoForm() {
		assertThat(commandAnswer(ADMIN, "change <@UNOBODY|x>")).contains("That person has no current placement");
		assertThat(SlackStub.calls("views.open")).isEmpty();
	}

	private Document placement(String id) {
		return mongo.getCollection("placements").find(new Document("_id", id)).first();
	}
}
