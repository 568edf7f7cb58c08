package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.commands.ChangeForms;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The change form on Teams, as an Adaptive Card, end to end over the Bot Framework endpoint: Ada is on Teams, her
 * academic coach Anders too, and he is an admin. {@code change @<Ada>} sends the card pre-filled with the placement;
 * the card sent back with a bad time zone comes back with the message on that input and nothing saved; sent back with
 * a later end date it changes only that.
 */
class TeamsChangeFormTests extends TeamsTest {

	private static final String ADA = "29:1AdaLindqvistTeamsUserId";
	private static final String ADA_AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	private static final String ANDERS = TeamsChatTests.ANDERS;
	private static final String ANDERS_AAD = TeamsChatTests.ANDERS_AAD;

	@Autowired
	PlacementManagement placements;

	@Autowired
	AdminDirectory admins;

	private String enrol() {
		HttpResponse<String> response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "timezone": "Europe/Stockholm", "locale": "en",
				   "accounts": [{"platform": "teams", "workspace": "%1$s", "memberId": "%2$s"}]},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "timezone": "Europe/Stockholm", "locale": "en",
				   "accounts": [{"platform": "teams", "workspace": "%1$s", "memberId": "%3$s"}]},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(TeamsStub.TENANT, ADA_AAD, ANDERS_AAD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	/** The card's inputs with the values it shows, {@code edits} instead, and its submit button's key. */
	private static Map<String, String> sentBack(JsonNode card, Map<String, String> edits) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("actionId", TeamsCards.FORM_SUBMIT);
		data.put("value", TeamsChatTests.buttons(card).get(TeamsCards.FORM_SUBMIT));
		for (String id : TeamsChatTests.inputIds(card)) {
			JsonNode input = TeamsChatTests.input(card, id);
			String field = id.substring("f_".length());
			if (edits.containsKey(field)) {
				data.put(id, edits.get(field));
			}
			else if (input.has("value")) {
				data.put(id, input.get("value").asString());
			}
		}
		return data;
	}

	private JsonNode press(Map<String, String> data) {
		HttpResponse<String> response = activity(TeamsStub.execute(ANDERS, ANDERS_AAD, TeamsChatTests.CARD_ID, data));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("statusCode").asInt()).isEqualTo(200);
		return body;
	}

	@Test
	void anAdminOnTeamsChangesThePlacementFromThePrefilledCard() {
		String id = enrol();
		Placement placement = placements.get(id);
		admins.add(placement.getAcademicCoach(), null);
		assertThat(activity(TeamsStub.install(ANDERS, ANDERS_AAD)).statusCode()).isEqualTo(200);
		TeamsStub.server().resetRequests();

		assertThat(activity(TeamsStub.message(ANDERS, ANDERS_AAD, "1700000000301", "change @" + ADA_AAD, null))
			.statusCode()).isEqualTo(200);
		awaitTeams();

		JsonNode card = TeamsChatTests.lastCard();
		assertThat(sent().formsFor(TeamsMemberReferences.member(TeamsStub.TENANT, ANDERS_AAD))).last()
			.satisfies(form -> assertThat(form.id()).isEqualTo(ChangeForms.ID));
		assertThat(TeamsChatTests.input(card, "f_end").get("value").asString()).isEqualTo("2027-04-30");
		assertThat(TeamsChatTests.input(card, "f_host").get("value").asString()).isEqualTo("Scania");
		assertThat(TeamsChatTests.input(card, "f_academic-coach").get("value").asString()).isEqualTo(ANDERS_AAD);
		assertThat(TeamsChatTests.input(card, "f_tz").get("value").asString()).isEqualTo("Europe/Stockholm");
		assertThat(card.toString()).as("what the form is about stays on the server").doesNotContain(id);

		JsonNode refused = press(sentBack(card, Map.of("tz", "Mars/Base")));
		assertThat(refused.get("type").asString()).isEqualTo(TeamsCards.CARD);
		assertThat(TeamsChatTests.input(refused.get("value"), "f_tz").get("errorMessage").asString())
			.contains("Mars/Base");
		assertThat(placements.get(id).getVersion()).isEqualTo(placement.getVersion());

		JsonNode saved = press(sentBack(card, Map.of("end", "2027-06-30")));

		assertThat(saved.get("type").asString()).isEqualTo(TeamsCards.CARD);
		Placement after = placements.get(id);
		assertThat(after.getEndDate().toString()).isEqualTo("2027-06-30");
		assertThat(after.getHostOrganisation()).isEqualTo("Scania");
		assertThat(after.getAcademicCoach().id()).isEqualTo(placement.getAcademicCoach().id());
		assertThat(after.getWorkDays()).isEqualTo(placement.getWorkDays());
		assertThat(mongo.getCollection("audit").find(new Document("action", "placement-change")
			.append("outcome", "done")).first().getString("detail")).isEqualTo("changed: endDate 2027-04-30→2027-06-30");
	}
}
