package org.fieldnotes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * Refusals end to end, through signed Slack requests and the admin API: each is the policy's decision for the
 * listener's own {@link Operation} (its log line names the operation), the person is told in their words, and
 * nothing changes.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessEndToEndTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String REFUSED =
			"You can respond only to entries of placements you follow, and only to those shared with you.";
	private static final String REFUSED_SV =
			"Du kan bara svara på anteckningar från placeringar du följer, och bara på dem som delats med dig.";

	@Autowired
	PlacementManagement placements;

	@Test
	void aBusinessCoachCannotAcknowledgeAConfidentialEntryButTheAcademicCoachCan(CapturedOutput output) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String entryId = entry(placementId, "Ev1", "1764669600.000100", "Struggling a bit this week", "CONFIDENTIAL");

		press("UBEATA", "entry_acknowledge", entryId);
		await().atMost(Duration.ofSeconds(5)).until(() -> !ephemeralsTo("UBEATA").isEmpty());
		assertThat(ephemeralsTo("UBEATA")).extracting(m -> m.get("text")).containsExactly(REFUSED);
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
		assertThat(output).contains("Denied ENTRY_ACKNOWLEDGE_BUTTON to a member: NOT_PERMITTED");

		press("UANDERS", "entry_acknowledge", entryId);
		await().atMost(Duration.ofSeconds(5)).until(() -> mongo.getCollection("entry_responses").countDocuments() == 1);
		assertThat(mongo.getCollection("entry_responses").find().first().getString("role")).isEqualTo("ACADEMIC_COACH");

		// and the admin API (an admin is not the academic coach) does not list it
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).isEmpty();
	}

	@Test
	void aCoachOfAnotherPlacementCannotReplyToAnEntryNorOpenItsForm(CapturedOutput output) {
		String adas = enrol(ADA, "2026-11-02", "2027-04-30");
		HttpResponse<String> brunos = postJson("/api/v1/placements", placementJson("UBRUNO", "2026-11-02", "2027-04-30")
			.replace("UANDERS", "UCARL").replace("UBEATA", "UCECILIA").replace("UMAJA", "UMIKA"));
		assertThat(brunos.statusCode()).isEqualTo(201);
		String entryId = entry(adas, "Ev2", "1764669600.000200", "Shared with my coaches", "COACHES");

		press("UCARL", "entry_reply", entryId);
		await().atMost(Duration.ofSeconds(5)).until(() -> !ephemeralsTo("UCARL").isEmpty());
		// Carl took Anders's place in Bruno's placement, Swedish and all: refused in Swedish
		assertThat(ephemeralsTo("UCARL")).extracting(m -> m.get("text")).containsExactly(REFUSED_SV);
		JsonNode ack = json(slackEvent(SlackInteractions.viewSubmission("UCARL", "V77", "entry_reply", entryId,
				Map.of("reply", Map.of("text", SlackInteractions.text("Hello from elsewhere")))), SlackInteractions.FORM)
			.body());
		assertThat(ack.get("errors").get("reply").asString()).isEqualTo(REFUSED_SV);
		assertThat(SlackStub.calls("views.open")).isEmpty();
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
		assertThat(output).contains("Denied ENTRY_REPLY_BUTTON to a member: NOT_PERMITTED")
			.contains("Denied ENTRY_REPLY_FORM to a member: NOT_PERMITTED");
	}

	@Test
	void aParticipantCannotRunAnAdminCommandNorSeeItInTheHelp(CapturedOutput output) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> pause = slashCommand(ADA, "pause <@UADA>");
		HttpResponse<String> help = slashCommand(ADA, "help");

		assertThat(json(pause.body()).get("text").asString())
			.isEqualTo("Sorry, only programme coordinators (admins) can do that. Ask yours if you need it done.");
		assertThat(placements.get(placementId).getStatus()).isEqualTo(PlacementStatus.ACTIVE);
		assertThat(output).contains("Denied COMMAND_PAUSE to a member: NOT_PERMITTED");
		assertThat(help.body()).contains("/fieldnotes log").doesNotContain("/fieldnotes pause")
			.doesNotContain("/fieldnotes erase");
		// the help chooses quietly: no refusal is logged for what it leaves out
		assertThat(output).doesNotContain("Denied COMMAND_ERASE");
		// an admin may
		assertThat(json(slashCommand("UADMIN1", "pause <@UADA>").body()).get("text").asString()).doesNotContain("Sorry");
		assertThat(placements.get(placementId).getStatus()).isEqualTo(PlacementStatus.PAUSED);
	}

	@Test
	void someoneElsesEntryCannotBeMadeVisibleToMore(CapturedOutput output) {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String entryId = entry(placementId, "Ev3", "1764669600.000300", "Only for me", "PRIVATE");

		slackEvent(SlackInteractions.buttonPress("UANDERS", "visibility_placement", "entry:" + entryId + ":placement",
				"DUANDERS", "1764756000.000200"), SlackInteractions.FORM);

		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("Denied VISIBILITY_BUTTON"));
		assertThat(mongo.getCollection("logbook_entries").find(new Document("_id", entryId)).first().getString("visibility"))
			.isEqualTo("PRIVATE");
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** Ada writes an entry by DM; it is given this visibility. Returns its id. */
	private String entry(String placementId, String eventId, String ts, String text, String visibility) {
		directMessage(eventId, ADA, ts, text, null);
		String id = mongo.getCollection("logbook_entries").find(new Document("ts", ts)).first().getString("_id");
		mongo.getCollection("logbook_entries")
			.updateOne(new Document("_id", id), new Document("$set", new Document("visibility", visibility)));
		return id;
	}

	private void press(String userId, String actionId, String entryId) {
		assertThat(slackEvent(SlackInteractions.buttonPress(userId, actionId, entryId, "D" + userId, "1764756000.000200"),
				SlackInteractions.FORM).statusCode()).isEqualTo(200);
	}

	private static List<Map<String, String>> ephemeralsTo(String userId) {
		return SlackStub.calls("chat.postEphemeral").stream().filter(m -> userId.equals(m.get("user"))).toList();
	}
}
