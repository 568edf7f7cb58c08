package org.fieldnotes.slack.listeners.enrolment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /fieldnotes enroll} alone opens the enrolment modal; its submission enrols, or shows errors on the fields in
 * the admin's language, storing nothing.
 */
class EnrolmentModalTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";

	private void member(String id, String name, String locale) {
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"x\",\"real_name\":\"" + name
						+ "\",\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"" + locale + "\"}}")));
	}

	/** A view_submission as Slack posts it: form body payload=<urlencoded JSON>, spaces as %20. */
	private HttpResponse<String> submit(String userId, Map<String, ObjectNode> values) {
		ObjectNode payload = JSON.createObjectNode()
			.put("type", "view_submission")
			.put("api_app_id", "A1")
			.put("token", "legacy-verification-token")
			.put("trigger_id", "1.2.3");
		payload.putObject("team").put("id", "T1").put("domain", "test");
		payload.putObject("user").put("id", userId).put("team_id", "T1").put("name", "someone");
		ObjectNode view = payload.putObject("view")
			.put("id", "V1")
			.put("type", "modal")
			.put("callback_id", "fieldnotes_enrol")
			.put("team_id", "T1")
			.put("app_id", "A1")
			.put("private_metadata", "");
		ObjectNode state = view.putObject("state").putObject("values");
		values.forEach((block, value) -> state.putObject(block).set("value", value));
		String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8)
			.replace("+", "%20");
		return slackEvent(body, "application/x-www-form-urlencoded");
	}

	private ObjectNode user(String id) {
		return JSON.createObjectNode().put("type", "users_select").put("selected_user", id);
	}

	private ObjectNode text(String value) {
		return JSON.createObjectNode().put("type", "plain_text_input").put("value", value);
	}

	private ObjectNode email(String value) {
		return JSON.createObjectNode().put("type", "email_text_input").put("value", value);
	}

	private ObjectNode date(String value) {
		return JSON.createObjectNode().put("type", "datepicker").put("selected_date", value);
	}

	@Test
	void enrollAloneOpensTheModalForAnAdmin() {
		member(ADMIN, "Ida Admin", "sv-SE");
		HttpResponse<String> response = slashCommand(ADMIN, "enroll");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SlackStub.calls("views.open")).hasSize(1);
		Map<String, String> call = SlackStub.calls("views.open").get(0);
		assertThat(call.get("trigger_id")).isEqualTo("1.2.3");
		JsonNode view = json(call.get("view"));
		assertThat(view.get("callback_id").asString()).isEqualTo("fieldnotes_enrol");
		// the admin is not enrolled and Slack says sv-SE: the form is in Swedish
		assertThat(view.get("title").get("text").asString()).isEqualTo("Skriv in någon");
		assertThat(view.toString()).contains("\"block_id\":\"participant\"")
			.contains("users_select")
			.contains("datepicker")
			.contains("\"block_id\":\"business-coach-email\"")
			.contains("email_text_input")
			.contains("static_select")
			.contains("timepicker")
			.contains("checkboxes");
	}

	@Test
	void enrollAloneFromANonAdminOpensNothing() {
		HttpResponse<String> response = slashCommand("UADA", "enroll");

		assertThat(response.body()).contains("only programme coordinators");
		assertThat(SlackStub.calls("views.open")).isEmpty();
	}

	@Test
	void aFailedViewsOpenIsExplained() {
		SlackStub.error("views.open", "expired_trigger_id");

		HttpResponse<String> response = slashCommand(ADMIN, "enroll");

		assertThat(response.body()).contains("expired_trigger_id").contains("/fieldnotes enroll @person");
	}

	@Test
	void aValidSubmissionEnrolsClosesTheModalAndConfirmsByDm() {
		member(ADMIN, "Ida Admin", "sv-SE"); // the admin uses Slack in Swedish
		member("UADA", "Ada Lindqvist", "en-US");
		member("UMAJA", "Maja Berg", "sv-SE");

		HttpResponse<String> response = submit(ADMIN, Map.of("participant", user("UADA"), "program", text("KTP 2026"),
				"host", text("Scania"), "start", date("2026-12-01"), "end", date("2027-05-31"), "manager",
				user("UMAJA"), "academic-coach-email", email("anders@kth.example")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		JsonNode all = json(get("/api/v1/placements").body());
		assertThat(all).hasSize(1);
		assertThat(all.get(0).get("participant").get("name").asString()).isEqualTo("Ada Lindqvist");
		assertThat(all.get(0).get("participant").get("locale").asString()).isEqualTo("en");
		assertThat(all.get(0).get("academicCoach").get("email").asString()).isEqualTo("anders@kth.example");
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.messagesTo(ADMIN).isEmpty());
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADMIN).get(0)))
			.contains("Ada Lindqvist är inskriven i KTP 2026 hos Scania");
	}

	@Test
	void anInvalidSubmissionShowsErrorsOnTheFieldsInTheAdminsLanguageAndStoresNothing() {
		member(ADMIN, "Ida Admin", "sv-SE"); // the admin uses Slack in Swedish
		member("UADA", "Ada Lindqvist", "en-US");

		HttpResponse<String> response = submit(ADMIN, Map.of("participant", user("UADA"), "program", text("KTP"),
				"host", text("Scania"), "start", date("2027-06-30"), "end", date("2027-01-01"), "business-coach",
				user("UBEATA"), "business-coach-email", email("beata@scania.example")));

		JsonNode ack = json(response.body());
		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("business-coach").asString())
			.isEqualTo("Välj någon eller ange en e-postadress, inte båda.");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();

		response = submit(ADMIN, Map.of("participant", user("UADA"), "program", text("KTP"), "host", text("Scania"),
				"start", date("2027-06-30"), "end", date("2027-01-01")));

		ack = json(response.body());
		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(ack.get("errors").get("end").asString())
			.isEqualTo("Slutdatumet (1 jan. 2027) ligger före startdatumet (30 juni 2027).");
		assertThat(ack.get("errors").get("manager").asString()).isEqualTo("Chefen saknas.");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
	}
}
