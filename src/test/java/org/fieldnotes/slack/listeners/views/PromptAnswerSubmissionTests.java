package org.fieldnotes.slack.listeners.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.SlackInteractions.text;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The reflection form of a prompt, submitted over /slack/events: one entry per submission (a double submit stores
 * once), the prompt marked answered, a one-line confirmation; no answer keeps the form open with a field error in
 * the participant's language.
 */
class PromptAnswerSubmissionTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private String reflectionPrompt(String placementId) {
		postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
		return json(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").body()).get("occurrenceId")
			.asString();
	}

	private HttpResponse<String> submit(String userId, String viewId, String occurrenceId, String... answers) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		for (int i = 0; i < answers.length; i++) {
			values.put("q" + i, Map.of("text", text(answers[i])));
		}
		return slackEvent(SlackInteractions.viewSubmission(userId, viewId, "prompt_answer", occurrenceId, values),
				SlackInteractions.FORM);
	}

	private JsonNode entries(String placementId) {
		return json(get("/api/v1/placements/" + placementId + "/entries").body());
	}

	@Test
	void answersAreStoredAsOneEntryWithTheLabelsAndTheBlankOnesLeftOut() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		HttpResponse<String> ack = submit(ADA, "V123", occurrenceId, "Ran the bench test <!channel>", "  ", null,
				"Ask for the rig earlier");
		HttpResponse<String> again = submit(ADA, "V123", occurrenceId, "Ran the bench test <!channel>", "  ", null,
				"Ask for the rig earlier");

		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).doesNotContain("errors");
		assertThat(again.statusCode()).isEqualTo(200);
		JsonNode entries = entries(placementId);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("text").asString())
			.isEqualTo("Description\nRan the bench test <!channel>\n\nConclusion and plan\nAsk for the rig earlier");
		assertThat(entries.get(0).get("source").asString()).isEqualTo("PROMPT_REPLY");
		assertThat(entries.get(0).get("promptOccurrenceId").asString()).isEqualTo(occurrenceId);
		assertThat(entries.get(0).get("promptId").asString()).isEqualTo("weekly-gibbs");
		assertThat(mongo.findById(occurrenceId, org.bson.Document.class, "prompt_occurrences").get("answeredAt"))
			.isNotNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 3);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(2))).isEqualTo("✅ Saved to your logbook\n"
				+ "Who can see this: 👥 Your coaches — your academic coach and your business coach (in their weekly digest); "
				+ "programme coordinators can read it too\nChange who can see it:\n🔒 Only you\n🏢 Coaches and manager\n"
				+ "🤫 Academic coach only");
	}

	@Test
	void noAnswerAtAllKeepsTheModalOpenWithAFieldError() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		HttpResponse<String> ack = submit(ADA, "V124", occurrenceId, " ", null, "", "\n");

		assertThat(ack.statusCode()).isEqualTo(200);
		JsonNode body = json(ack.body());
		assertThat(body.get("response_action").asString()).isEqualTo("errors");
		assertThat(body.get("errors").get("q0").asString()).isEqualTo("Write at least one answer before saving.");
		assertThat(entries(placementId)).isEmpty();
	}

	@Test
	void theFieldErrorIsInSwedishForASwedishParticipant() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		String placementId = json(postJson("/api/v1/placements", body).body()).get("id").asString();
		String occurrenceId = reflectionPrompt(placementId);

		JsonNode error = json(submit(ADA, "V125", occurrenceId, "", "").body());
		assertThat(error.get("errors").get("q0").asString()).isEqualTo("Skriv minst ett svar innan du sparar.");

		submit(ADA, "V125", occurrenceId, "Jag körde provbänken", "");
		assertThat(entries(placementId).get(0).get("text").asString()).isEqualTo("Beskrivning\nJag körde provbänken");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == 3);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(2))).isEqualTo("✅ Sparat i din loggbok\n"
				+ "Vem kan se det här: 👥 Dina handledare — din akademiska handledare och din handledare på företaget (i deras "
				+ "veckosammanfattning); programsamordnare kan också läsa den\nÄndra vem som kan se det:\n🔒 Bara du\n"
				+ "🏢 Handledare och chef\n🤫 Bara akademisk handledare");
	}

	@Test
	void someoneElseCannotAnswerTheParticipantsPrompt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = reflectionPrompt(placementId);

		JsonNode ack = json(submit("UMALLORY", "V126", occurrenceId, "Not mine to write").body());

		assertThat(ack.get("response_action").asString()).isEqualTo("errors");
		assertThat(entries(placementId)).isEmpty();
	}
}
