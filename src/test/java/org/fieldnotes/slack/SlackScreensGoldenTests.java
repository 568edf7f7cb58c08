package org.fieldnotes.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.SlackInteractions.selected;
import static org.fieldnotes.support.SlackInteractions.text;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldnotes.support.GoldenFiles;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden output of every Slack screen: the App Home (participant in English and Swedish, a coach, a stranger), every
 * modal (write, edit and delete an entry, the prompt's reflection form, the status update from the command and from a
 * prompt, a coach's reply and its "Reply sent", the digest settings, the enrolment form), the field errors their
 * submissions answer with, and the "saved" message with its visibility buttons; captured where Slack receives them
 * ({@code views.publish}, {@code views.open}, the {@code view_submission} ack, {@code chat.postMessage}) after driving
 * the app through signed requests to /slack/events, and compared with
 * {@code src/test/resources/golden/slack/<name>.json} (ids replaced by {@code <id>}). Feature tests look at these
 * screens through the chat port, as neutral models; this is where their Slack form is held (the prompts' is in
 * {@code PromptMessagesGoldenTests}).
 * <p>
 * These are the Slack app's public contract (texts, block ids, action ids, callback ids): the files were written
 * before the screens became platform-neutral models and must not change unless the Slack experience is meant to. A
 * difference fails with the actual output under {@code target/golden-actual/slack/} ({@link GoldenFiles}); to rewrite
 * the files on purpose:
 *
 * <pre>
 * ./mvnw test -Dtest=SlackScreensGoldenTests -Dgolden.update=true
 * </pre>
 */
class SlackScreensGoldenTests extends IntegrationTest {

	private static final String ADA = "UADA";

	// ---- the App Home

	@Test
	void theParticipantsHomeWithEntriesAStatusUpdateAndResponses() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Mapped the supplier chain <!channel> & <https://evil.example|x>",
				null);
		clock.advance(Duration.ofMinutes(1));
		submitStatus("V300", "", "GREEN", "Bench test planned", null, "4");
		awaitViews("views.publish", 1);
		String entryId = firstEntryId(placementId);
		// the academic coach acknowledges it and replies
		slackEvent(SlackInteractions.buttonPress("UANDERS", "entry_acknowledge", entryId, "DUANDERS",
				"1764669600.000900"), SlackInteractions.FORM);
		slackEvent(SlackInteractions.viewSubmission("UANDERS", "V301", "entry_reply", entryId,
				Map.of("reply", Map.of("text", text("Good work *Ada* <!here> & more")))), SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> mongo.getCollection("entry_responses").countDocuments() == 2);
		awaitAfterAckWork();
		SlackStub.reset();

		compare("home.participant.en", publishedHome(ADA));
	}

	@Test
	void theParticipantsHomeInSwedishWithNothingYet() {
		postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\""));

		compare("home.participant.sv", publishedHome(ADA));
	}

	@Test
	void aCoachsHomeAndAStrangersHome() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		compare("home.coach", publishedHome("UBEATA"));
		SlackStub.reset();
		compare("home.stranger", publishedHome("USTRANGER"));
	}

	// ---- the entry forms

	@Test
	void theEntryFormsAndTheirErrors() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Mapped the supplier chain & <more>", null);
		String entryId = firstEntryId(placementId);

		slackEvent(SlackInteractions.homeButton(ADA, "home_write", placementId), SlackInteractions.FORM);
		compare("form.entry_write", openedView());
		compare("errors.entry_write.empty", ack(SlackInteractions.viewSubmission(ADA, "V400", "entry_write", "",
				Map.of("entry", Map.of("text", text("   "))))));

		SlackStub.reset();
		slackEvent(SlackInteractions.overflowChoice(ADA, "home_entry_menu", "edit:" + entryId), SlackInteractions.FORM);
		compare("form.entry_edit", openedView());
		compare("errors.entry_edit.gone", ack(SlackInteractions.viewSubmission(ADA, "V401", "entry_edit", "nope",
				Map.of("entry", Map.of("text", text("New words"))))));

		SlackStub.reset();
		slackEvent(SlackInteractions.overflowChoice(ADA, "home_entry_menu", "delete:" + entryId), SlackInteractions.FORM);
		compare("form.entry_delete", openedView());
	}

	// ---- the prompt's forms

	@Test
	void theStatusFormsAndTheirErrors() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		slashCommand(ADA, "status");
		compare("form.status.command", openedView());

		SlackStub.reset();
		String occurrenceId = sendPrompt(placementId); // the first prompt is the weekly status check
		slackEvent(SlackInteractions.buttonPress(ADA, "prompt_status", occurrenceId, "DUADA", "1764669600.000500"),
				SlackInteractions.FORM);
		compare("form.status.prompt", openedView());

		compare("errors.status.missing", submitStatus("V500", "", null, "  ", null, null));
	}

	@Test
	void theStatusFormInSwedish() {
		postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\""));

		slashCommand(ADA, "status");
		compare("form.status.sv", openedView());
		compare("errors.status.missing.sv", submitStatus("V501", "", null, "  ", null, "9"));
	}

	@Test
	void theReflectionFormAndItsErrors() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		sendPrompt(placementId);
		String occurrenceId = sendPrompt(placementId); // the second is a reflection with four questions
		SlackStub.reset();

		slackEvent(SlackInteractions.buttonPress(ADA, "prompt_write", occurrenceId, "DUADA", "1764669600.000500"),
				SlackInteractions.FORM);
		compare("form.prompt_answer", openedView());

		Map<String, Map<String, JsonNode>> blank = new LinkedHashMap<>();
		for (int i = 0; i < 4; i++) {
			blank.put("q" + i, Map.of("text", text(" ")));
		}
		compare("errors.prompt_answer.empty",
				ack(SlackInteractions.viewSubmission(ADA, "V600", "prompt_answer", occurrenceId, blank)));
		compare("errors.prompt_answer.notYours",
				ack(SlackInteractions.viewSubmission("UBEATA", "V601", "prompt_answer", occurrenceId, blank)));
	}

	// ---- a coach's reply

	@Test
	void theReplyFormItsErrorsAndReplySent() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Mapped the supplier chain & <more>", null);
		String entryId = firstEntryId(placementId);

		slackEvent(SlackInteractions.buttonPress("UANDERS", "entry_reply", entryId, "DUANDERS", "1764669600.000900"),
				SlackInteractions.FORM);
		compare("form.entry_reply", openedView());

		compare("errors.entry_reply.empty", ack(reply("UANDERS", "V700", entryId, "  ")));
		compare("errors.entry_reply.tooLong", ack(reply("UANDERS", "V701", entryId, "x".repeat(3001))));
		compare("errors.entry_reply.refused", ack(reply("USTRANGER", "V702", entryId, "Hello")));
		compare("errors.entry_reply.gone", ack(reply("UANDERS", "V703", "nope", "Hello")));
		compare("ack.entry_reply.sent", ack(reply("UANDERS", "V704", entryId, "Nice work")));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> mongo.getCollection("entry_responses").countDocuments() == 1);
	}

	// ---- digest settings

	@Test
	void theDigestSettingsFormsAndTheirErrors() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		slashCommand("UBEATA", "digest settings");
		compare("form.digest_settings.en", openedView());

		SlackStub.reset();
		slashCommand("UANDERS", "digest settings");
		compare("form.digest_settings.sv", openedView());

		compare("errors.digest_settings.notARecipient", ack(digestSettings("USTRANGER", "FRIDAY", "16:00", "CHAT", null)));
		compare("errors.digest_settings.email", ack(digestSettings("UBEATA", "FRIDAY", "16:00", "EMAIL", "not-an-address")));
	}

	// ---- enrolment

	@Test
	void theEnrolmentFormInEnglishAndSwedishAndItsErrors() {
		slashCommand("UADMIN1", "enroll");
		compare("form.enrol.en", openedView());

		SlackStub.reset();
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=UADMIN1"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"UADMIN1\",\"name\":\"x\",\"real_name\":\"Ida Admin\","
						+ "\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"sv-SE\"}}")));
		slashCommand("UADMIN1", "enroll");
		compare("form.enrol.sv", openedView());

		Map<String, ObjectNode> both = new LinkedHashMap<>();
		both.put("participant", node("users_select", "selected_user", "UADA"));
		both.put("program", node("plain_text_input", "value", "KTP"));
		both.put("host", node("plain_text_input", "value", "Scania"));
		both.put("start", node("datepicker", "selected_date", "2027-06-30"));
		both.put("end", node("datepicker", "selected_date", "2027-01-01"));
		both.put("business-coach", node("users_select", "selected_user", "UBEATA"));
		both.put("business-coach-email", node("email_text_input", "value", "beata@scania.example"));
		compare("errors.enrol.pickOne", ack(enrolment("UADMIN1", both)));
		both.remove("business-coach");
		both.remove("business-coach-email");
		compare("errors.enrol.fields", ack(enrolment("UADMIN1", both)));
		compare("errors.enrol.adminOnly", ack(enrolment(ADA, both)));
	}

	// ---- the "saved" message after a form

	@Test
	void theSavedConfirmationWithItsVisibilityButtons() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		submitStatus("V300", "", "GREEN", "Bench test planned", null, "4");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 1);

		compare("message.saved", GoldenFiles.lastMessageTo(ADA));
	}

	// ---- helpers


	private String sendPrompt(String placementId) {
		HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		assertThat(sent.statusCode()).isEqualTo(202);
		return json(sent.body()).get("occurrenceId").asString();
	}

	private String firstEntryId(String placementId) {
		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		return entries.get(entries.size() - 1).get("id").asString();
	}

	private JsonNode publishedHome(String userId) {
		assertThat(slackEvent(SlackInteractions.appHomeOpened("EvH1", userId), "application/json").statusCode())
			.isEqualTo(200);
		awaitViews("views.publish", 1);
		Map<String, String> call = SlackStub.calls("views.publish").get(0);
		assertThat(call).containsEntry("user_id", userId);
		return JSON.readTree(call.get("view"));
	}

	private static JsonNode openedView() {
		awaitViews("views.open", 1);
		return JSON.readTree(SlackStub.calls("views.open").get(0).get("view"));
	}

	private static void awaitViews(String method, int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls(method).size() >= count);
	}

	private JsonNode ack(String body) {
		HttpResponse<String> response = slackEvent(body, SlackInteractions.FORM);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().isEmpty() ? JSON.createObjectNode() : json(response.body());
	}

	private JsonNode submitStatus(String viewId, String occurrenceId, String status, String progress, String blockers,
			String mood) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("status", Map.of("choice", selected("radio_buttons", status)));
		values.put("progress", Map.of("text", text(progress)));
		values.put("blockers", Map.of("text", text(blockers)));
		values.put("mood", Map.of("choice", selected("static_select", mood)));
		return ack(SlackInteractions.viewSubmission(ADA, viewId, "status_update", occurrenceId, values));
	}

	private static String reply(String userId, String viewId, String entryId, String words) {
		return SlackInteractions.viewSubmission(userId, viewId, "entry_reply", entryId,
				Map.of("reply", Map.of("text", text(words))));
	}

	private static String digestSettings(String userId, String day, String time, String channel, String address) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("day", Map.of("value", selected("static_select", day)));
		values.put("time", Map.of("value", JSON.createObjectNode().put("type", "timepicker").put("selected_time", time)));
		values.put("channel", Map.of("value", selected("radio_buttons", channel)));
		if (address != null) {
			values.put("address", Map.of("value", JSON.createObjectNode().put("type", "email_text_input")
				.put("value", address)));
		}
		return SlackInteractions.viewSubmission(userId, "V800", "fieldnotes_digest_settings", "", values);
	}

	private static String enrolment(String userId, Map<String, ObjectNode> values) {
		Map<String, Map<String, JsonNode>> state = new LinkedHashMap<>();
		values.forEach((block, value) -> state.put(block, Map.of("value", value)));
		return SlackInteractions.viewSubmission(userId, "V900", "fieldnotes_enrol", "", state);
	}

	private static ObjectNode node(String type, String field, String value) {
		return JSON.createObjectNode().put("type", type).put(field, value);
	}

	private static void compare(String name, JsonNode actual) {
		GoldenFiles.compare(name, actual);
	}
}
