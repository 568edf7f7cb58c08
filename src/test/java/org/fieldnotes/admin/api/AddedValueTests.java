package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * A placement's added value for the host ({@code addedValue}: optional free text, at most 500 characters) through
 * every way a placement is enrolled or changed: the admin API's body and merge patch, the cohort import's
 * {@code added_value} column (creating and updating), and {@code /fieldnotes enroll … added-value:"…"} and
 * {@code /fieldnotes change … added-value:…|-} over signed Slack requests. Too long is refused naming the field, with
 * nothing stored; the words never reach the log or the audit trail.
 */
@ExtendWith(OutputCaptureExtension.class)
class AddedValueTests extends IntegrationTest {

	private static final String PLACEMENTS = "/api/v1/placements";
	private static final String VALUE = "A test rig the line can use <b>after</b> I leave";

	private static String withAddedValue(String json) {
		return placementJson("UADA", "2026-11-02", "2027-04-30").replace("\"schedule\":",
				"\"addedValue\": " + json + ",\n \"schedule\":");
	}

	private HttpResponse<String> patch(String id, String body) {
		return send(HttpRequest.newBuilder(uri(PLACEMENTS + "/" + id))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> importCsv(String csv) {
		return send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());
	}

	private Document stored(String id) {
		return mongo.getCollection("placements").find(new Document("_id", id)).first();
	}

	@Test
	void givenAtEnrolmentItIsStoredStrippedAndShownAndPatchChangesAndRemovesIt(CapturedOutput output) {
		HttpResponse<String> created = postJson(PLACEMENTS, withAddedValue("\"  " + VALUE + "  \""));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json(created.body()).get("id").asString();
		assertThat(json(created.body()).get("addedValue").asString()).isEqualTo(VALUE);
		assertThat(json(get(PLACEMENTS + "/" + id).body()).get("addedValue").asString()).isEqualTo(VALUE);
		assertThat(stored(id).getString("addedValue")).isEqualTo(VALUE);

		HttpResponse<String> changed = patch(id, "{\"addedValue\": \"Faster changeovers\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(json(changed.body()).get("addedValue").asString()).isEqualTo("Faster changeovers");

		HttpResponse<String> removed = patch(id, "{\"addedValue\": null}");
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(json(removed.body()).get("addedValue").isNull()).isTrue();
		assertThat(stored(id).get("addedValue")).isNull();

		assertThat(output.getAll()).doesNotContain(VALUE).doesNotContain("Faster changeovers");
		assertThat(mongo.getCollection("audit").find().map(Document::toJson).into(new java.util.ArrayList<>()))
			.as("the audit names the field, never the words").isNotEmpty()
			.noneSatisfy(audit -> assertThat(audit).contains("Faster changeovers"))
			.anySatisfy(audit -> assertThat(audit).contains("addedValue"));
	}

	@Test
	void withoutItTheFieldIsNull() {
		HttpResponse<String> created = postJson(PLACEMENTS, placementJson("UADA", "2026-11-02", "2027-04-30"));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created.body()).get("addedValue").isNull()).isTrue();
	}

	@Test
	void over500CharactersIsRefusedNamingTheFieldAndNothingIsStored() {
		HttpResponse<String> refused = postJson(PLACEMENTS, withAddedValue("\"" + "x".repeat(501) + "\""));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode errors = json(refused.body()).get("errors");
		assertThat(errors.get(0).get("field").asString()).isEqualTo("addedValue");
		assertThat(errors.get(0).get("message").asString()).contains("at most 500 characters");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();

		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		HttpResponse<String> patched = patch(id, "{\"addedValue\": \"" + "x".repeat(501) + "\"}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(400);
		assertThat(json(patched.body()).get("errors").get(0).get("field").asString()).isEqualTo("addedValue");
		assertThat(stored(id).get("addedValue")).isNull();
	}

	@Test
	void theCohortImportReadsAnAddedValueColumnToCreateUpdateAndClear() {
		String csv = "participant_name,participant_slack_id,participant_timezone,program,host_organisation,start_date,"
				+ "end_date,manager_name,manager_slack_id,added_value\n"
				+ "Ada Lindqvist,UADA,Europe/Stockholm,KTP 2026,Scania,2026-12-01,2027-05-31,Maja Berg,UMAJA,"
				+ "\"A test rig, documented\"\n"
				+ "Bo Ng,UBO,Europe/Stockholm,KTP 2026,Volvo,2026-12-01,2027-05-31,Maja Berg,UMAJA," + "y".repeat(501)
				+ "\n";

		JsonNode rows = json(importCsv(csv).body()).get("rows");

		assertThat(rows.get(0).get("status").asString()).isEqualTo("created");
		String ada = rows.get(0).get("id").asString();
		assertThat(stored(ada).getString("addedValue")).isEqualTo("A test rig, documented");
		assertThat(rows.get(1).get("status").asString()).isEqualTo("refused");
		assertThat(rows.get(1).get("errors").get(0).get("field").asString()).isEqualTo("added_value");
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(1);

		JsonNode updated = json(importCsv("placement_id,added_value\n" + ada + ",Shorter changeovers\n").body());
		assertThat(updated.get("rows").get(0).get("status").asString()).as(updated.toString()).isEqualTo("updated");
		assertThat(stored(ada).getString("addedValue")).isEqualTo("Shorter changeovers");
		importCsv("placement_id,added_value\n" + ada + ",-\n");
		assertThat(stored(ada).get("addedValue")).isNull();
	}

	@Test
	void theEnrolAndChangeCommandsTakeIt() {
		String enrolled = commandAnswer("UADMIN1", "enroll <@UBO|bo> program:\"KTP 2026\" host:Volvo start:2026-12-07 "
				+ "end:2027-05-31 manager:<@UMAJA|maja> added-value:\"A documented test rig\"");
		assertThat(enrolled).contains("✅ Enrolled");
		Document placement = mongo.getCollection("placements").find().first();
		assertThat(placement.getString("addedValue")).isEqualTo("A documented test rig");

		String changed = commandAnswer("UADMIN1", "change <@UBO|bo> added-value:\"Shorter changeovers\"");
		assertThat(changed).contains("added value for the host");
		assertThat(stored(placement.getString("_id")).getString("addedValue")).isEqualTo("Shorter changeovers");

		String tooLong = commandAnswer("UADMIN1", "change <@UBO|bo> added-value:\"" + "z".repeat(501) + "\"");
		assertThat(tooLong).contains("⚠ The added value for the host is too long (at most 500 characters).");
		assertThat(stored(placement.getString("_id")).getString("addedValue")).isEqualTo("Shorter changeovers");

		commandAnswer("UADMIN1", "change <@UBO|bo> added-value:-");
		assertThat(stored(placement.getString("_id")).get("addedValue")).isNull();
	}

	@Test
	void theParticipantSeesItInMeEscapedAndItIsInTheirDataExport() {
		assertThat(postJson(PLACEMENTS, withAddedValue("\"" + VALUE + "\"")).statusCode()).isEqualTo(201);

		String me = commandAnswer("UADA", "me");
		assertThat(me).contains("The added value your placement is to bring the host")
			.contains("A test rig the line can use &lt;b&gt;after&lt;/b&gt; I leave").doesNotContain("<b>");

		HttpResponse<String> export = get("/api/v1/people/UADA/export");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(json(export.body()).toString()).contains("\"addedValue\":\"" + VALUE + "\"");
	}
}
