package org.fieldnotes.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import tools.jackson.databind.JsonNode;

/**
 * Prompts to a participant on Teams, through the real outbox and messenger to WireMock as the connector: the card
 * and its buttons, a rate limit waited out, a person who blocked the app, one who never installed it.
 */
class TeamsDeliveryTests extends TeamsTest {

	private static final String USER = "29:1AdaLindqvistTeamsUserId";
	private static final String AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	private static final String ACTIVITIES = "/connector/v3/conversations/[^/]+/activities";

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PlacementManagement placements;

	@Autowired
	Messenger messenger;

	@Test
	void aPromptArrivesAsAnAdaptiveCardWhoseButtonsCarryThePromptsActions() {
		String placementId = enrolOnTeams();
		installed();

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.SENT);
		List<ChatMessage> given = sent().messagesTo(account());
		assertThat(given).hasSize(1);
		Map<String, String> buttons = given.get(0).blocks().stream()
			.filter(ChatMessage.Block.Actions.class::isInstance)
			.flatMap(b -> ((ChatMessage.Block.Actions) b).buttons().stream())
			.collect(Collectors.toMap(ChatMessage.Button::actionId, ChatMessage.Button::value));
		assertThat(buttons).as("the prompt has buttons").isNotEmpty();

		List<LoggedActivity> posted = posted();
		assertThat(posted).singleElement().satisfies(p -> {
			assertThat(p.url()).contains("/v3/conversations/a%3Aconv-" + AAD + "/activities");
			assertThat(p.authorization()).isEqualTo("Bearer bot-token-1");
		});
		JsonNode activity = posted.get(0).body();
		assertThat(activity.get("type").asString()).isEqualTo("message");
		JsonNode attachment = activity.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		JsonNode card = attachment.get("content");
		assertThat(card.get("version").asString()).isEqualTo("1.5");
		Map<String, String> executed = new java.util.LinkedHashMap<>();
		collectActions(card, executed);
		assertThat(executed).isEqualTo(buttons);
		assertThat(BotConnectorTests.textRuns(card)).as("the prompt's words are on the card")
			.containsAll(paragraphTexts(given.get(0)));
	}

	@Test
	void anUpdateReplacesTheActivityInPlace() {
		enrolOnTeams();
		installed();
		SentMessage message = messenger.sendDirect(account(), ChatMessage.text("Your prompt"));

		messenger.update(message, ChatMessage.text("✓ saved"));

		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> puts = TeamsStub.requests(
				"/connector/v3/conversations/[^/]+/activities/[^/]+");
		assertThat(puts).singleElement().satisfies(r -> {
			assertThat(r.getMethod().getName()).isEqualTo("PUT");
			assertThat(r.getUrl()).endsWith("/activities/" + message.ts());
			assertThat(BotConnectorTests.textRuns(TeamsStub.JSON.readTree(r.getBodyAsString()))).contains("✓ saved");
		});
	}

	@Test
	void aPictureFollowsItsMessageInTheSameChatShownInlineWithItsWords() {
		enrolOnTeams();
		installed();
		SentMessage digest = messenger.sendDirect(account(), ChatMessage.text("Your digest"));
		byte[] png = java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==");

		messenger.shareImage(digest, new org.fieldnotes.chat.Image("mood.png", "Ada — mood", "Ada, mood: 4, 3",
				png, 1, 1));

		List<LoggedActivity> posted = posted();
		assertThat(posted).hasSize(2);
		assertThat(posted.get(1).url()).isEqualTo(posted.get(0).url());
		JsonNode picture = posted.get(1).body();
		assertThat(picture.get("text").asString()).isEqualTo("Ada — mood\n\nAda, mood: 4, 3");
		assertThat(picture.get("attachments").get(0).get("contentUrl").asString())
			.isEqualTo("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png));
	}

	@Test
	void aRateLimitedPromptWaitsAsLongAsTeamsSaysThenGoesOnce() {
		String placementId = enrolOnTeams();
		installed();
		TeamsStub.server().stubFor(post(urlPathMatching(ACTIVITIES)).inScenario("429")
			.whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		TeamsStub.server().stubFor(post(urlPathMatching(ACTIVITIES)).inScenario("429").whenScenarioStateIs("open")
			.willReturn(okJson("{\"id\":\"1700000000042\"}").withStatus(201)));

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.CLAIMED);
		assertThat(posted()).hasSize(1);
		clock.advance(Duration.ofSeconds(29));
		assertThat(drainOutbox()).as("not before Retry-After has passed").isZero();
		assertThat(posted()).hasSize(1);

		clock.advance(Duration.ofSeconds(2));
		assertThat(drainOutbox()).isEqualTo(1);

		assertThat(posted()).hasSize(2);
		assertThat(mongo.getCollection("prompt_occurrences").find().first().getString("status")).isEqualTo("SENT");
		assertThat(drainOutbox()).isZero();
		assertThat(posted()).hasSize(2);
	}

	@Test
	void aPersonWhoBlockedTheAppIsGivenUpAtOnceAndTheirPromptsPause() {
		String placementId = enrolOnTeams();
		installed();
		TeamsStub.server().stubFor(post(urlPathMatching(ACTIVITIES)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"blocked\"},\"subCode\":\"MessageWritesBlocked\"}")));

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.FAILED);
		assertThat(delivery.failure()).isEqualTo("message_writes_blocked");
		assertThat(placements.get(placementId).getStatus()).isEqualTo(PlacementStatus.PAUSED);
		JsonNode failed = json(get("/api/v1/deliveries").body()).get("failed");
		assertThat(failed).as("admins see who could not be reached, and why").singleElement()
			.satisfies(f -> assertThat(f.get("reason").asString()).isEqualTo("message_writes_blocked"));
		// the prompt's message (the outbox also holds the admins' "installed: reachable now" notice)
		assertThat(mongo.getCollection("outbox").find(new org.bson.Document("kind", "PROMPT")).into(new java.util.ArrayList<>()))
			.singleElement().satisfies(m -> assertThat(m.getBoolean("recipientGone")).isTrue());
		clock.advance(Duration.ofDays(8));
		assertThat(drainOutbox()).isZero();
		assertThat(posted()).hasSize(1);
	}

	@Test
	void aPersonWhoHasNotInstalledTheAppIsNotReachableAndNothingIsSent() {
		String placementId = enrolOnTeams();

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.FAILED);
		assertThat(delivery.failure()).isEqualTo(TeamsMessenger.NOT_REACHABLE);
		assertThat(placements.get(placementId).getStatus()).as("not gone: they may install it yet")
			.isEqualTo(PlacementStatus.ACTIVE);
		assertThat(TeamsStub.server().getAllServeEvents()).isEmpty();
	}

	@Test
	void aPersonWhoRemovedTheAppIsNotReachable() {
		String placementId = enrolOnTeams();
		installed();
		activity(TeamsStub.install(USER, AAD).replace("\"action\":\"add\"", "\"action\":\"remove\""));
		TeamsStub.server().resetRequests();

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.failure()).isEqualTo(TeamsMessenger.NOT_REACHABLE);
		assertThat(posted()).isEmpty();
	}

	@Test
	void theConversationReferenceIsInThePersonsExportAndGoesWithTheirErasure() {
		enrolOnTeams();
		installed();
		// by person id: a bare Entra object id is a UUID, which the people API reads as a person id first
		String personId = people.find(account()).orElseThrow().id().value();

		HttpResponse<String> export = get("/api/v1/people/" + personId + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		JsonNode references = json(export.body()).findValue(TeamsConversation.COLLECTION);
		assertThat(references).isNotNull();
		assertThat(references.toString()).contains(USER, AAD);

		HttpResponse<String> erased = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/people/" + personId))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
		assertThat(erased.statusCode()).isBetween(200, 204);
		assertThat(mongo.getCollection(TeamsConversation.COLLECTION).countDocuments()).isZero();
	}

	private ChatAccount account() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, AAD);
	}

	private void installed() {
		assertThat(activity(TeamsStub.install(USER, AAD)).statusCode()).isEqualTo(200);
		TeamsStub.server().resetRequests();
	}

	/** A placement whose participant is on Teams (by Entra object id) and whose coaches are on Slack. */
	private String enrolOnTeams() {
		HttpResponse<String> response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "timezone": "Europe/Stockholm", "locale": "en",
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "Europe/Stockholm"},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(TeamsStub.TENANT, AAD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	private static List<String> paragraphTexts(ChatMessage message) {
		List<String> texts = message.blocks().stream()
			.filter(ChatMessage.Block.Paragraph.class::isInstance)
			.flatMap(b -> ((ChatMessage.Block.Paragraph) b).spans().stream())
			.map(ChatMessage.Span::text)
			.toList();
		assertThat(texts).as("the prompt has words").isNotEmpty();
		return texts;
	}

	private record LoggedActivity(String url, String authorization, JsonNode body) {
	}

	/** The activities posted to the connector, oldest first. */
	private static List<LoggedActivity> posted() {
		List<LoggedActivity> all = new java.util.ArrayList<>(TeamsStub.requests(ACTIVITIES).stream()
			.map(r -> new LoggedActivity(r.getUrl(), r.getHeader("Authorization"),
					TeamsStub.JSON.readTree(r.getBodyAsString())))
			.toList());
		java.util.Collections.reverse(all);
		return all;
	}

	/** Every Action.Execute's data: actionId → value. */
	private static void collectActions(JsonNode node, Map<String, String> actions) {
		if (node.isObject() && "Action.Execute".equals(node.path("type").asString(""))) {
			JsonNode data = node.get("data");
			assertThat(node.get("verb").asString()).isEqualTo(data.get("actionId").asString());
			assertThat(node.get("fallback").get("type").asString()).isEqualTo("Action.Submit");
			assertThat(node.get("fallback").get("data")).isEqualTo(data);
			actions.put(data.get("actionId").asString(), data.get("value").asString());
		}
		for (JsonNode child : node) {
			collectActions(child, actions);
		}
	}
}
