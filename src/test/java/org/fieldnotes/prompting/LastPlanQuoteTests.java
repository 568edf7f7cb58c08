package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A prompt that quotes the participant's own last plan, end to end over Slack: the plan is answered in the signed
 * Rolfe form (privately), and the next Rolfe prompt quotes it, escaped and literal, in the message and in its form;
 * to that participant only. A participant without a plan is asked the plain question.
 */
class LastPlanQuoteTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String BO = "UBOBO";
	/** Mrkdwn, a ping, HTML and placeholder-like text: all of it must arrive as typed. */
	private static final String PLAN = "Try {goals} and {lastPlan} with *first* <!channel> & <b>x</b>";
	private static final String PLAN_IN_MRKDWN = "Try {goals} and {lastPlan} with *first* &lt;!channel&gt; &amp; "
			+ "&lt;b&gt;x&lt;/b&gt;";

	/** Sends prompts through the admin API until the next one of {@code promptId}; its occurrence id. */
	private String sendUntil(String placementId, String promptId) {
		for (int i = 0; i < 20; i++) {
			JsonNode sent = json(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").body());
			if (promptId.equals(sent.get("promptId").asString())) {
				return sent.get("occurrenceId").asString();
			}
		}
		throw new AssertionError("no " + promptId + " within 20 prompts");
	}

	private void answerRolfePrivately(String userId, String occurrenceId, String what, String nowWhat) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("q0", Map.of("text", SlackInteractions.text(what)));
		values.put("q1", Map.of("text", SlackInteractions.text("")));
		values.put("q2", Map.of("text", SlackInteractions.text(nowWhat)));
		values.put("visibility", Map.of("choice", SlackInteractions.selected("static_select", "private")));
		assertThat(slackEvent(SlackInteractions.viewSubmission(userId, "V" + occurrenceId.substring(0, 6), "prompt_answer",
				occurrenceId, values), SlackInteractions.FORM).body()).doesNotContain("errors");
	}

	private static Map<String, String> lastMessageTo(String userId, int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(userId).size() >= count);
		List<Map<String, String>> messages = SlackStub.messagesTo(userId);
		return messages.get(messages.size() - 1);
	}

	@Test
	void theNextRolfePromptQuotesTheOwnPrivatePlanEscapedAndLiteralToItsAuthorOnly() {
		String ada = enrol(ADA, "2026-11-02", "2027-04-30");
		String bo = enrol(BO, "2026-11-02", "2027-04-30");
		String first = sendUntil(ada, "weekly-rolfe");
		assertThat(SlackStub.blockTexts(lastMessageTo(ADA, 1)))
			.as("no plan yet: the plain question").contains("What happened this week that you want to remember?")
			.doesNotContain("Last time you planned");
		answerRolfePrivately(ADA, first, "Ran the bench test", PLAN);
		assertThat(mongo.findAll(org.bson.Document.class, "logbook_entries")).singleElement()
			.satisfies(entry -> assertThat(entry.get("visibility")).hasToString("PRIVATE"))
			.satisfies(entry -> assertThat(entry.getString("text")).endsWith("Now what?\n" + PLAN));
		awaitAfterAckWork();
		clock.advance(Duration.ofMinutes(5));

		String second = sendUntil(ada, "weekly-rolfe");
		int sentToAda = SlackStub.messagesTo(ADA).size();
		String prompt = SlackStub.blockTexts(lastMessageTo(ADA, sentToAda));
		assertThat(prompt).contains("Last time you planned: " + PLAN_IN_MRKDWN + ". How did it go, and what else "
				+ "happened this week?");
		assertThat(prompt).doesNotContain("<!channel>").doesNotContain("<b>");

		// its form asks the same question (Slack labels are plain text)
		slackEvent(SlackInteractions.buttonPress(ADA, PromptButtons.WRITE, second, "D" + ADA, "1764669600.000500"),
				SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.calls("views.open").isEmpty());
		String view = SlackStub.calls("views.open").get(SlackStub.calls("views.open").size() - 1).get("view");
		assertThat(JSON.readTree(view).toString()).contains("Last time you planned: Try {goals} and {lastPlan} with *first*");

		// Bo has no plan: the plain question
		sendUntil(bo, "weekly-rolfe");
		assertThat(SlackStub.blockTexts(lastMessageTo(BO, 1)))
			.contains("What happened this week that you want to remember?").doesNotContain("Last time you planned");

		// the plan went to Ada's own DM only: no message, update or ephemeral to anyone else carries it
		for (String method : List.of("chat.postMessage", "chat.update", "chat.postEphemeral", "views.publish")) {
			SlackStub.calls(method).stream()
				.filter(call -> call.values().stream().anyMatch(v -> v.contains("Try {goals}")))
				.forEach(call -> assertThat(Set.of(ADA, "D" + ADA)).as("%s carrying the plan", method)
					.contains(call.getOrDefault("channel", call.get("user_id"))));
		}
		assertThat(SlackStub.calls("chat.postMessage").stream()
			.filter(call -> call.values().stream().anyMatch(v -> v.contains("Try {goals}")))
			.count()).as("the quoting prompt itself is among them").isPositive();
	}
}
