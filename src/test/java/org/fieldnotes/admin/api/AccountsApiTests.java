package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.person;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The admin API and the CSV import take a person's chat accounts in the new form ({@code accounts}, and
 * {@code *_accounts} columns) as well as the documented {@code slackUserId}, answer with the person's id and accounts,
 * name a wrong account as the caller wrote it, and find a person by their person id as well as by member id or
 * address.
 */
class AccountsApiTests extends IntegrationTest {

	private static final String NEW_FORM = """
			{"participant": {"name": "Ada Lindqvist", "accounts": [{"platform": "slack", "workspace": "T1", "memberId": "UADA"}],
			  "timezone": "Europe/Stockholm", "locale": "en"},
			 "program": "KTP 2026", "hostOrganisation": "Scania", "startDate": "2026-11-02", "endDate": "2027-04-30",
			 "manager": {"name": "Maja Berg", "accounts": [{"platform": "slack", "memberId": "UMAJA"}]},
			 "academicCoach": {"name": "Anders Holm", "email": "anders@kth.example"}}
			""";

	@Test
	void aPlacementIsEnrolledWithAccountsAndShownWithTheDocumentedFieldsAndThePersonsId() {
		HttpResponse<String> created = postJson("/api/v1/placements", NEW_FORM);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode participant = json(created.body()).get("participant");
		assertThat(participant.get("slackUserId").asString()).isEqualTo("UADA");
		assertThat(participant.get("personId").asString()).isEqualTo(keyOf("UADA"));
		assertThat(participant.get("accounts")).singleElement().satisfies(account -> {
			assertThat(account.get("platform").asString()).isEqualTo("slack");
			assertThat(account.get("workspace").asString()).isEqualTo("T1");
			assertThat(account.get("memberId").asString()).isEqualTo("UADA");
		});
		JsonNode manager = json(created.body()).get("manager");
		assertThat(manager.get("slackUserId").asString()).isEqualTo("UMAJA");
		assertThat(manager.get("accounts").get(0).get("workspace").isNull()).isTrue();
		JsonNode coach = json(created.body()).get("academicCoach");
		assertThat(coach.get("slackUserId").isNull()).isTrue();
		assertThat(coach.get("accounts")).isEmpty();
		assertThat(coach.get("email").asString()).isEqualTo("anders@kth.example");
		assertThat(coach.get("personId").asString()).isEqualTo(keyOfAddress("anders@kth.example"));
	}

	@Test
	void aWrongAccountIsNamedAsTheCallerWroteIt() {
		HttpResponse<String> badMember = postJson("/api/v1/placements",
				NEW_FORM.replace("\"memberId\": \"UADA\"", "\"memberId\": \"ada\""));
		HttpResponse<String> badPlatform = postJson("/api/v1/placements",
				NEW_FORM.replace("\"platform\": \"slack\", \"workspace\": \"T1\"", "\"platform\": \"pigeon\""));
		HttpResponse<String> none = postJson("/api/v1/placements",
				NEW_FORM.replace("[{\"platform\": \"slack\", \"workspace\": \"T1\", \"memberId\": \"UADA\"}]", "[]"));
		HttpResponse<String> legacyAndNew = postJson("/api/v1/placements", NEW_FORM.replace("\"accounts\": [{\"platform\": "
				+ "\"slack\", \"workspace\": \"T1\", \"memberId\": \"UADA\"}]", "\"slackUserId\": \"UADA\", \"accounts\": "
						+ "[{\"platform\": \"slack\", \"memberId\": \"not-an-id\"}]"));

		assertThat(errors(badMember)).containsEntry("participant.accounts[0].memberId",
				"'ada' is not a Slack member id (it looks like U012ABCDEF: profile → ⋮ → Copy member ID)");
		assertThat(errors(badPlatform)).containsEntry("participant.accounts[0].platform",
				"'pigeon' is not a chat platform Fieldnotes is set up for");
		assertThat(errors(none)).containsKey("participant.accounts");
		// slackUserId is taken as the first account: the caller's own list is counted without it
		assertThat(errors(legacyAndNew)).containsKey("participant.accounts[0].memberId")
			.doesNotContainKey("participant.slackUserId");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
		assertThat(mongo.getCollection("people").countDocuments()).isZero();
	}

	@Test
	void theDocumentedFormStillNamesSlackUserId() {
		HttpResponse<String> missing = postJson("/api/v1/placements",
				placementJson("UADA", "2026-11-02", "2027-04-30").replace("\"slackUserId\": \"UADA\", ", ""));
		HttpResponse<String> malformed = postJson("/api/v1/placements",
				placementJson("UADA", "2026-11-02", "2027-04-30").replace("\"UADA\"", "\"ada\""));

		assertThat(errors(missing)).containsKey("participant.slackUserId");
		assertThat(errors(malformed)).containsKey("participant.slackUserId").doesNotContainKey("participant.accounts[0].memberId");
	}

	@Test
	void aCsvRowMayGiveAccountsInsteadOfASlackId() {
		String csv = "participant_name,participant_accounts,participant_timezone,program,host_organisation,start_date,"
				+ "end_date,manager_name,manager_slack_id,academic_coach_name,academic_coach_accounts\n"
				+ "Ada Lindqvist,slack:T1:UADA,Europe/Stockholm,KTP 2026,Scania,2026-11-02,2027-04-30,Maja Berg,UMAJA,"
				+ "Anders Holm,slack::UANDERS\n"
				+ "Bo Ng,pigeon:x:UBO,Europe/Stockholm,KTP 2026,Volvo,2026-11-02,2027-04-30,Maja Berg,UMAJA,,\n";

		HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		JsonNode result = json(imported.body());
		assertThat(result.get("created").asInt()).isEqualTo(1);
		assertThat(result.get("rows").get(1).get("errors").toString()).contains("participant_accounts")
			.contains("pigeon");
		assertThat(person(people, "UADA").accounts()).singleElement()
			.satisfies(account -> assertThat(account.workspace()).isEqualTo("T1"));
		assertThat(person(people, "UANDERS").accounts()).singleElement()
			.satisfies(account -> assertThat(account.workspace()).isNull());
	}

	@Test
	void aPersonIsExportedAndErasedByTheirPersonIdAsByTheirMemberId() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		String ada = keyOf("UADA");

		HttpResponse<String> byId = get("/api/v1/people/" + ada + "/export");
		HttpResponse<String> byMember = get("/api/v1/people/UADA/export");
		assertThat(byId.statusCode()).isEqualTo(200);
		assertThat(json(byId.body()).get("placements")).hasSize(1);
		assertThat(json(byId.body()).get("people").get(0).get("_id").asString()).isEqualTo(ada);
		assertThat(json(byMember.body()).get("placements")).isEqualTo(json(byId.body()).get("placements"));
		assertThat(get("/api/v1/people/" + java.util.UUID.randomUUID() + "/export").statusCode()).isEqualTo(404);

		HttpResponse<String> erased = send(HttpRequest.newBuilder(uri("/api/v1/people/" + ada))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
		assertThat(erased.statusCode()).isEqualTo(200);
		assertThat(json(erased.body()).get("erased").get("placements").asLong()).isEqualTo(1);
		assertThat(json(erased.body()).get("erased").get("people").asLong()).isEqualTo(1);
		assertThat(people.find(slack("UADA"))).isEmpty();
	}

	private static java.util.Map<String, String> errors(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		json(response.body()).get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
		return errors;
	}
}
