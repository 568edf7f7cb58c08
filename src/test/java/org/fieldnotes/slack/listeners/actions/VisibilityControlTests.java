package org.fieldnotes.slack.listeners.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The participant controls who sees what, on every path: the "who can see this" select of the entry, reflection
 * and status forms; the buttons on each confirmation (after a DM, a form, {@code /fieldnotes log}); the App Home's
 * default select and per-item menus. Only the author changes anything; each change is audited by id.
 */
class VisibilityControlTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String RESPONSE_URL = "/api/response/T1/1/x";

	@Autowired
	PromptDispatcher prompts;

	@BeforeEach
	void responseUrl() {
		SlackStub.server().stubFor(post(urlEqualTo(RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
	}

	private Document entry(String text) {
		return mongo.getCollection("logbook_entries").find(new Document("text", text)).first();
	}

	private List<Document> updates() {
		return mongo.getCollection("status_updates").find().into(new ArrayList<>());
	}

	private static JsonNode openedView() {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.open").size() == 1);
		return JSON.readTree(SlackStub.calls("views.open").get(0).get("view"));
	}

	private static JsonNode block(JsonNode view, String blockId) {
		for (JsonNode block : view.get("blocks")) {
			if (block.has("block_id") && blockId.equals(block.get("block_id").asString())) {
				return block;
			}
		}
		throw new AssertionError("No block " + blockId + " in " + view);
	}

	/** The "who can see this" select of a form: its initial value, and that it offers every option. */
	private static String initialVisibility(JsonNode view) {
		JsonNode element = block(view, "visibility").get("element");
		assertThat(element.get("type").asString()).isEqualTo("static_select");
		List<String> values = new ArrayList<>();
		element.get("options").forEach(o -> values.add(o.get("value").asString()));
		assertThat(values).containsExactly("private", "coaches", "placement", "confidential");
		return element.get("initial_option").get("value").asString();
	}

	/** The action ids and values of a rendered message's buttons. */
	private static Map<String, String> buttons(String blocksJson) {
		Map<String, String> buttons = new java.util.LinkedHashMap<>();
		for (JsonNode block : JSON.readTree(blocksJson)) {
			if ("actions".equals(block.get("type").asString())) {
				block.get("elements").forEach(e -> buttons.put(e.get("action_id").asString(), e.get("value").asString()));
			}
		}
		return buttons;
	}

	/** A press of a button on an ephemeral message (the DM confirmation, a command's answer). */
	private void pressEphemeral(String userId, String actionId, String value) {
		String body = SlackInteractions.buttonPress(userId, actionId, value, "D" + ADA, "1764669600.000900");
		String json = java.net.URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
		ObjectNode payload = (ObjectNode) JSON.readTree(json);
		((ObjectNode) payload.get("container")).put("is_ephemeral", true);
		payload.remove("message");
		assertThat(slackEvent("payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8)
			.replace("+", "%20"), SlackInteractions.FORM).statusCode()).isEqualTo(200);
	}

	private static List<JsonNode> responses(int count) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).size() == count);
		return SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).stream()
			.map(r -> JSON.readTree(r.getBodyAsString())).toList();
	}

	private static String homeSelect(String userId, String actionId, String value) {
		String overflow = SlackInteractions.overflowChoice(userId, actionId, value);
		String json = java.net.URLDecoder.decode(overflow.substring("payload=".length()), StandardCharsets.UTF_8);
		ObjectNode payload = (ObjectNode) JSON.readTree(json);
		((ObjectNode) payload.get("actions").get(0)).put("type", "static_select");
		return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8).replace("+", "%20");
	}

	private JsonNode publishedHome() {
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.calls("views.publish").isEmpty());
		List<Map<String, String>> calls = SlackStub.calls("views.publish");
		return JSON.readTree(calls.get(calls.size() - 1).get("view"));
	}

	// ------------------------------------------------------------------------ the confirmation of a DM entry

	@Test
	void aDmEntryGetsTheDefaultAndAnEphemeralConfirmationWhoseButtonsChangeIt() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		directMessage("Ev1", ADA, "1764669600.000100", "Talked to the supplier", null);

		Document stored = entry("Talked to the supplier");
		assertThat(stored.getString("visibility")).isEqualTo("COACHES");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		Map<String, String> ephemeral = SlackStub.calls("chat.postEphemeral").get(0);
		assertThat(ephemeral).containsEntry("channel", "D" + ADA).containsEntry("user", ADA);
		assertThat(SlackStub.blockTexts(ephemeral)).contains("✅ Saved to your logbook.")
			.contains("Who can see this: 👥 Your coaches — your academic coach and your business coach");
		String id = stored.getString("_id");
		assertThat(buttons(ephemeral.get("blocks"))).containsExactly(
				Map.entry("visibility_private", "entry:" + id + ":private"),
				Map.entry("visibility_placement", "entry:" + id + ":placement"),
				Map.entry("visibility_confidential", "entry:" + id + ":confidential"));

		pressEphemeral(ADA, "visibility_private", "entry:" + id + ":private");

		JsonNode replaced = responses(1).get(0);
		assertThat(replaced.get("replace_original").asBoolean()).isTrue();
		assertThat(replaced.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(replaced.toString()).contains("Changed to 🔒 Only you").contains("visibility_coaches")
			.doesNotContain("\"visibility_private\"");
		assertThat(entry("Talked to the supplier").getString("visibility")).isEqualTo("PRIVATE");
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.calls("views.publish").isEmpty());
		// audited by id, never the words
		Document audit = mongo.getCollection("audit").find(new Document("action", "visibility")).first();
		assertThat(audit.getString("actor")).isEqualTo(keyOf(ADA));
		assertThat(audit.getString("detail")).isEqualTo("entry " + id + ": coaches → private");
		assertThat(audit.toJson()).doesNotContain("supplier");
	}

	@Test
	void aStrangerPressingTheButtonChangesNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Mine alone to change", null);
		String id = entry("Mine alone to change").getString("_id");

		pressEphemeral("UMALLORY", "visibility_private", "entry:" + id + ":private");
		pressEphemeral("UMAJA", "visibility_placement", "entry:" + id + ":placement");

		List<JsonNode> answers = responses(2);
		assertThat(answers).allSatisfy(a -> {
			assertThat(a.get("replace_original").asBoolean()).isFalse();
			assertThat(a.get("text").asString()).isEqualTo("Only the person who wrote this can change who sees it.");
		});
		assertThat(entry("Mine alone to change").getString("visibility")).isEqualTo("COACHES");
		assertThat(mongo.getCollection("audit").countDocuments(new Document("action", "visibility"))).isZero();
	}

	// ---------------------------------------------------------------------------------- /fieldnotes log

	@Test
	void logAnswersWithWhoCanSeeItAndButtonsThatChangeIt() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		JsonNode ack = json(slashCommand(ADA, "log Met the design team").body());

		String id = entry("Met the design team").getString("_id");
		assertThat(ack.toString()).contains("Saved to your logbook").contains("👥 Your coaches");
		assertThat(buttons(ack.get("blocks").toString())).containsKeys("visibility_private", "visibility_placement",
				"visibility_confidential");
		pressEphemeral(ADA, "visibility_confidential", "entry:" + id + ":confidential");
		responses(1);
		assertThat(entry("Met the design team").getString("visibility")).isEqualTo("CONFIDENTIAL");
	}

	// ---------------------------------------------------------------------------------------- forms

	@Test
	void theEntryFormOffersWhoCanSeeItStartingFromTheDefaultAndStoresTheChoice() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		slashCommand(ADA, "visibility private");

		slackEvent(SlackInteractions.homeButton(ADA, "home_write", placementId), SlackInteractions.FORM);
		assertThat(initialVisibility(openedView())).isEqualTo("private");

		slackEvent(SlackInteractions.viewSubmission(ADA, "V500", "entry_write", "", Map.of(
				"entry", Map.of("text", SlackInteractions.text("Chosen in the form")),
				"visibility", Map.of("choice", SlackInteractions.selected("static_select", "placement")))),
				SlackInteractions.FORM);
		slackEvent(SlackInteractions.viewSubmission(ADA, "V501", "entry_write", "", Map.of(
				"entry", Map.of("text", SlackInteractions.text("Left at the default")))), SlackInteractions.FORM);

		assertThat(entry("Chosen in the form").getString("visibility")).isEqualTo("PLACEMENT");
		assertThat(entry("Left at the default").getString("visibility")).isEqualTo("PRIVATE");
		// the "saved" DM says who can see it, with buttons
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 2);
		assertThat(SlackStub.messagesTo(ADA)).extracting(SlackStub::blockTexts)
			.anySatisfy(t -> assertThat(t).contains("🏢 Coaches and manager"))
			.anySatisfy(t -> assertThat(t).contains("Who can see this: 🔒 Only you"));
	}

	@Test
	void theReflectionFormOffersWhoCanSeeItAndStoresTheChoice() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		prompts.sendNext(placementId);
		String occurrenceId = prompts.sendNext(placementId).occurrenceId(); // the second one is a reflection
		SlackStub.reset();
		responseUrl();

		slackEvent(SlackInteractions.buttonPress(ADA, "prompt_write", occurrenceId, "D" + ADA, "1764669600.000500"),
				SlackInteractions.FORM);
		JsonNode view = openedView();
		assertThat(initialVisibility(view)).isEqualTo("coaches");
		assertThat(block(view, "visibility").get("label").get("text").asString()).isEqualTo("Who can see this");

		slackEvent(SlackInteractions.viewSubmission(ADA, "V502", "prompt_answer", occurrenceId, Map.of(
				"q0", Map.of("text", SlackInteractions.text("A hard week, personally")),
				"visibility", Map.of("choice", SlackInteractions.selected("static_select", "confidential")))),
				SlackInteractions.FORM);

		Document stored = mongo.getCollection("logbook_entries").find(new Document("occurrenceId", occurrenceId)).first();
		assertThat(stored.getString("visibility")).isEqualTo("CONFIDENTIAL");
	}

	@Test
	void theStatusFormOffersWhoCanSeeItAndStoresTheChoice() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		slashCommand(ADA, "visibility placement");

		slackEvent(SlackInteractions.homeButton(ADA, "home_status", placementId), SlackInteractions.FORM);
		assertThat(initialVisibility(openedView())).isEqualTo("placement");

		slackEvent(SlackInteractions.viewSubmission(ADA, "V503", "status_update", "", Map.of(
				"status", Map.of("choice", SlackInteractions.selected("radio_buttons", "AMBER")),
				"progress", Map.of("text", SlackInteractions.text("Slower than hoped")),
				"mood", Map.of("choice", SlackInteractions.selected("static_select", "3")),
				"visibility", Map.of("choice", SlackInteractions.selected("static_select", "private")))),
				SlackInteractions.FORM);

		assertThat(updates()).singleElement().satisfies(u -> assertThat(u.getString("visibility")).isEqualTo("PRIVATE"));
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 1);
		String id = updates().get(0).getString("_id");
		assertThat(buttons(SlackStub.messagesTo(ADA).get(0).get("blocks")))
			.containsEntry("visibility_coaches", "update:" + id + ":coaches");
	}

	// ------------------------------------------------------------------------------------------ App Home

	@Test
	void theHomeShowsTheDefaultWithASelectThatChangesIt() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		slackEvent(SlackInteractions.appHomeOpened("EvH1", ADA), "application/json");
		JsonNode home = publishedHome();
		assertThat(home.toString()).contains("Who can see your new entries and status updates");
		JsonNode select = findAccessory(home, "home_visibility_default");
		assertThat(select.get("initial_option").get("value").asString()).isEqualTo("coaches");
		SlackStub.reset();

		slackEvent(homeSelect(ADA, "home_visibility_default", "confidential"), SlackInteractions.FORM);

		JsonNode after = publishedHome();
		assertThat(findAccessory(after, "home_visibility_default").get("initial_option").get("value").asString())
			.isEqualTo("confidential");
		assertThat(mongo.getCollection("person_preferences").find(new Document("_id", personOf(ADA))).first().getString("visibility"))
			.isEqualTo("CONFIDENTIAL");
		directMessage("Ev2", ADA, "1764669600.000200", "After the change", null);
		assertThat(entry("After the change").getString("visibility")).isEqualTo("CONFIDENTIAL");
	}

	@Test
	void eachRecentItemShowsWhoCanSeeItAndItsMenuChangesItForTheAuthorOnly() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "An entry", null);
		slackEvent(SlackInteractions.viewSubmission(ADA, "V504", "status_update", "", Map.of(
				"status", Map.of("choice", SlackInteractions.selected("radio_buttons", "GREEN")),
				"progress", Map.of("text", SlackInteractions.text("An update")),
				"mood", Map.of("choice", SlackInteractions.selected("static_select", "4")))), SlackInteractions.FORM);
		String entryId = entry("An entry").getString("_id");
		String updateId = updates().get(0).getString("_id");
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.calls("views.publish").isEmpty());
		JsonNode home = publishedHome();
		assertThat(home.toString()).contains("“An entry”  · 👥 Your coaches").contains("“An update”  · 👥 Your coaches");
		List<String> entryOptions = new ArrayList<>();
		findAccessory(home, "home_entry_menu").get("options").forEach(o -> entryOptions.add(o.get("value").asString()));
		assertThat(entryOptions).containsExactly("edit:" + entryId, "delete:" + entryId,
				"visibility:private:" + entryId, "visibility:placement:" + entryId, "visibility:confidential:" + entryId);
		SlackStub.reset();

		// someone else's choices change nothing
		slackEvent(SlackInteractions.overflowChoice("UMALLORY", "home_entry_menu", "visibility:placement:" + entryId),
				SlackInteractions.FORM);
		slackEvent(SlackInteractions.overflowChoice("UMAJA", "home_update_menu", "visibility:placement:" + updateId),
				SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() == 2);
		assertThat(entry("An entry").getString("visibility")).isEqualTo("COACHES");
		assertThat(updates().get(0).getString("visibility")).isEqualTo("COACHES");
		SlackStub.reset();

		slackEvent(SlackInteractions.overflowChoice(ADA, "home_entry_menu", "visibility:private:" + entryId),
				SlackInteractions.FORM);
		slackEvent(SlackInteractions.overflowChoice(ADA, "home_update_menu", "visibility:confidential:" + updateId),
				SlackInteractions.FORM);

		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("views.publish").size() == 2);
		assertThat(entry("An entry").getString("visibility")).isEqualTo("PRIVATE");
		assertThat(updates().get(0).getString("visibility")).isEqualTo("CONFIDENTIAL");
		assertThat(publishedHome().toString()).contains("“An entry”  · 🔒 Only you");
		assertThat(mongo.getCollection("audit").find(new Document("action", "visibility")).into(new ArrayList<>()))
			.extracting(d -> d.getString("detail"))
			.containsExactlyInAnyOrder("entry " + entryId + ": coaches → private",
					"update " + updateId + ": coaches → confidential");
	}

	private static JsonNode findAccessory(JsonNode view, String actionId) {
		for (JsonNode block : view.get("blocks")) {
			if (block.has("accessory") && actionId.equals(block.get("accessory").get("action_id").asString())) {
				return block.get("accessory");
			}
		}
		throw new AssertionError("No accessory " + actionId);
	}
}
