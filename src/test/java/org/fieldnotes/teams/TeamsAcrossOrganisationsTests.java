package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.logbook.ResponseButtons;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;

/**
 * One placement across two organisations, end to end over HTTP, as if its people shared one tool: the participant in
 * the host company's Slack (WireMock as Slack, signed {@code /slack/events}), the academic coach in the university's
 * Teams (WireMock as the connector, tokens as the Bot Framework signs them), the business coach by e-mail (GreenMail,
 * with signed links); and the mirror image, the participant on Teams and the coaches on Slack. Each platform is
 * checked for exactly what its reader may see: a private entry reaches nobody, a confidential one only the academic
 * coach.
 */
class TeamsAcrossOrganisationsTests extends TeamsTest {

	private static final String ANDERS = "29:1AndersHolmTeamsUserId";
	private static final String ANDERS_AAD = "3c9e5a7b-1d2f-4e6a-8b0c-9d8e7f6a5b4c";
	private static final String ADA = "29:1AdaLindqvistTeamsUserId";
	private static final String ADA_AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	private static final String SHARED = "Shared: the rig runs again";
	private static final String PRIVATE = "Private: I felt lost on Monday";
	private static final String CONFIDENTIAL = "Confidential: my back is bad again";
	private static final Pattern LINK = Pattern.compile("https://fieldnotes\\.example\\.org/r/([A-Za-z0-9_.\\-]+)");
	private static final int SMTP_PORT = MailParts.freePort();

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailAndLinks(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("fieldnotes.mail.from", () -> "Fieldnotes <digests@fieldnotes.example>");
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=");
	}

	@BeforeEach
	void emptyMailboxes() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void aSlackParticipantATeamsAcademicCoachAndABusinessCoachByEmail() throws Exception {
		String placementId = enrol(placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\",",
					"\"academicCoach\": {\"name\": \"Anders Holm\", " + teamsAccount(ANDERS_AAD) + ",")
			.replace("\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
					"\"businessCoach\": {\"name\": \"Beata Ek\", \"email\": \"beata.ek@biz.example\", \"locale\": \"en\"}"));
		installed(ANDERS, ANDERS_AAD);

		// the prompt reaches Ada in Slack; her reply there is the entry
		assertThat(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(SlackStub.messagesTo("UADA")).hasSize(1);
		assertThat(directMessage("Ev1", "UADA", "1764669600.000100", SHARED, null).statusCode()).isEqualTo(200);
		assertThat(entries(placementId)).singleElement()
			.satisfies(e -> assertThat(e.get("source").asString()).isEqualTo("PROMPT_REPLY"));
		writeFromSlack("private", "1764669600.000200", PRIVATE);
		writeFromSlack("confidential", "1764669600.000300", CONFIDENTIAL);
		String shared = entryId(placementId, SHARED);
		String privateEntry = entryId(placementId, PRIVATE);
		String confidential = entryId(placementId, CONFIDENTIAL);

		clock.advance(Duration.ofDays(1));
		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);
		drainOutbox();

		// Teams: the academic coach's card has the shared and the confidential entry, with their buttons
		JsonNode card = TeamsChatTests.lastCard();
		String onTeams = everythingSentToTeams();
		assertThat(onTeams).contains(SHARED, CONFIDENTIAL).doesNotContain(PRIVATE);
		assertThat(TeamsChatTests.allButtons(card)).contains(Map.entry(ResponseButtons.ACKNOWLEDGE, shared),
				Map.entry(ResponseButtons.REPLY, shared), Map.entry(ResponseButtons.ACKNOWLEDGE, confidential))
			.extracting(Map.Entry::getValue)
			.doesNotContain(privateEntry);
		// e-mail: the business coach has the shared entry only, with its link
		MimeMessage[] mails = greenMail.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).contains("<beata.ek@biz.example>");
		String mail = String.join("\n", MailParts.texts(mails[0]).values());
		assertThat(mail).contains(SHARED).doesNotContain(CONFIDENTIAL).doesNotContain(PRIVATE);
		// Slack: the manager has neither (the entries are the coaches'), and nobody but Ada sees any of the words
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(slackTo(not("UADA"))).doesNotContain(SHARED, CONFIDENTIAL, PRIVATE);

		// the Teams coach acknowledges and replies from the card; Ada is told in Slack, in English
		int told = SlackStub.messagesTo("UADA").size();
		JsonNode acknowledged = press(ANDERS, ANDERS_AAD, ResponseButtons.ACKNOWLEDGE, shared);
		assertThat(acknowledged.get("value").asString()).startsWith("✓ Kvitterat");
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("UADA").size() == told + 1);
		assertThat(SlackStub.messagesTo("UADA").get(told).get("text")).contains("Your academic coach read your");
		JsonNode refused = press(ANDERS, ANDERS_AAD, ResponseButtons.ACKNOWLEDGE, privateEntry);
		assertThat(refused.get("value").asString()).as("a private entry is nobody's to acknowledge")
			.doesNotStartWith("✓");
		press(ANDERS, ANDERS_AAD, ResponseButtons.REPLY, shared);
		awaitTeams();
		String key = TeamsChatTests.buttons(TeamsChatTests.lastCard()).get(TeamsCards.FORM_SUBMIT);
		JsonNode sent = pressWith(ANDERS, ANDERS_AAD,
				Map.of("actionId", TeamsCards.FORM_SUBMIT, "value", key, "f_reply", "Snyggt jobbat med riggen!"));
		assertThat(sent.get("type").asString()).isEqualTo(TeamsCards.CARD);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("UADA").size() == told + 2);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UADA").get(told + 1))).contains("Snyggt jobbat med riggen!");

		// the business coach acknowledges by the e-mail's link; Ada is told in Slack
		Matcher link = LINK.matcher(MailParts.texts(mails[0]).get("text/plain"));
		assertThat(link.find()).isTrue();
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/r/" + link.group(1)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("action=" + URLEncoder.encode("acknowledge", StandardCharsets.UTF_8)))
			.build());
		assertThat(page.statusCode()).isEqualTo(303);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("UADA").size() == told + 3);
		assertThat(SlackStub.messagesTo("UADA").get(told + 2).get("text")).contains("business coach");
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isEqualTo(3);
		assertThat(everythingSentToTeams()).as("still nothing private on Teams").doesNotContain(PRIVATE);
	}

	@Test
	void theMirrorImageATeamsParticipantAndCoachesOnSlack() {
		String placementId = enrol(placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"participant\": {\"name\": \"Ada Lindqvist\", \"slackUserId\": \"UADA\",",
					"\"participant\": {\"name\": \"Ada Lindqvist\", " + teamsAccount(ADA_AAD) + ","));
		installed(ADA, ADA_AAD);

		// the prompt reaches Ada in Teams; her reply to its card is the entry
		assertThat(postJson("/api/v1/placements/" + placementId + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(TeamsStub.activitiesSent()).as("the prompt card").hasSize(1);
		say("1700000000100", SHARED, TeamsChatTests.CARD_ID);
		assertThat(entries(placementId)).singleElement()
			.satisfies(e -> assertThat(e.get("source").asString()).isEqualTo("PROMPT_REPLY"));
		say("1700000000101", "visibility private", null);
		awaitTeams();
		say("1700000000102", PRIVATE, null);
		say("1700000000103", "/fieldnotes visibility confidential", null);
		awaitTeams();
		say("1700000000104", CONFIDENTIAL, null);
		awaitTeams();
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isEqualTo(3);
		assertThat(entries(placementId).toString()).as("the API lists no private entry").doesNotContain(PRIVATE);
		entryId(placementId, PRIVATE);
		entryId(placementId, CONFIDENTIAL);
		String shared = entryId(placementId, SHARED);

		clock.advance(Duration.ofDays(1));
		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);
		drainOutbox();

		String anders = String.join("\n", SlackStub.messagesTo("UANDERS").stream().map(SlackStub::blockTexts).toList());
		assertThat(anders).contains(SHARED, CONFIDENTIAL).doesNotContain(PRIVATE);
		String beata = String.join("\n", SlackStub.messagesTo("UBEATA").stream().map(SlackStub::blockTexts).toList());
		assertThat(beata).contains(SHARED).doesNotContain(CONFIDENTIAL).doesNotContain(PRIVATE);
		assertThat(slackTo(not("UANDERS"))).doesNotContain(CONFIDENTIAL, PRIVATE);
		assertThat(slackTo(u -> true)).doesNotContain(PRIVATE);

		// the Slack coach acknowledges and replies; Ada is told on Teams
		int before = TeamsStub.activitiesSent().size();
		assertThat(slackEvent(SlackInteractions.buttonPress("UANDERS", ResponseButtons.ACKNOWLEDGE, shared, "DUANDERS",
				"1764756000.000200"), SlackInteractions.FORM).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> TeamsStub.activitiesSent().size() > before);
		assertThat(runsOf(TeamsStub.activitiesSent().get(before))).contains("Your academic coach read your");
		assertThat(slackEvent(SlackInteractions.buttonPress("UANDERS", ResponseButtons.REPLY, shared, "DUANDERS",
				"1764756000.000200"), SlackInteractions.FORM).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> !SlackStub.calls("views.open").isEmpty());
		assertThat(slackEvent(SlackInteractions.viewSubmission("UANDERS", "V1", ResponseButtons.REPLY, shared,
				Map.of("reply", Map.of("text", SlackInteractions.text("Snyggt jobbat!")))), SlackInteractions.FORM)
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> TeamsStub.activitiesSent().size() > before + 1);
		assertThat(runsOf(TeamsStub.activitiesSent().get(before + 1))).contains("Snyggt jobbat!");
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isEqualTo(2);
	}

	// --- helpers

	private static String teamsAccount(String aad) {
		return "\"accounts\": [{\"platform\": \"teams\", \"workspace\": \"" + TeamsStub.TENANT + "\", \"memberId\": \""
				+ aad + "\"}]";
	}

	private String enrol(String json) {
		HttpResponse<String> response = postJson("/api/v1/placements", json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	private void installed(String user, String aad) {
		assertThat(activity(TeamsStub.install(user, aad)).statusCode()).isEqualTo(200);
		TeamsStub.server().resetRequests();
	}

	private void writeFromSlack(String visibility, String ts, String text) {
		assertThat(slashCommand("UADA", "visibility " + visibility).statusCode()).isEqualTo(200);
		assertThat(directMessage("Ev" + ts, "UADA", ts, text, null).statusCode()).isEqualTo(200);
	}

	private void say(String id, String text, String replyTo) {
		assertThat(activity(TeamsStub.message(ADA, ADA_AAD, id, text, replyTo)).statusCode()).isEqualTo(200);
	}

	private JsonNode press(String user, String aad, String action, String value) {
		return pressWith(user, aad, Map.of("actionId", action, "value", value));
	}

	private JsonNode pressWith(String user, String aad, Map<String, String> data) {
		HttpResponse<String> response = activity(TeamsStub.execute(user, aad, TeamsChatTests.CARD_ID, data));
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response.body());
	}

	private JsonNode entries(String placementId) {
		return json(get("/api/v1/placements/" + placementId + "/entries").body());
	}

	/** The id of the entry with these words (from the store: the API lists no private entry, rightly). */
	private String entryId(String placementId, String text) {
		org.bson.Document entry = mongo.getCollection("logbook_entries")
			.find(new org.bson.Document("placementId", placementId).append("text", text)).first();
		assertThat(entry).as("an entry " + text).isNotNull();
		return entry.get("_id").toString();
	}

	/** Every text run of every card posted or updated on the connector. */
	private static String everythingSentToTeams() {
		List<String> all = new ArrayList<>();
		TeamsStub.requests("/connector/.*").forEach(r -> all.add(String.join("\n",
				BotConnectorTests.textRuns(TeamsStub.JSON.readTree(r.getBodyAsString())))));
		return String.join("\n", all);
	}

	private static String runsOf(JsonNode activity) {
		return String.join("\n", BotConnectorTests.textRuns(activity));
	}

	private static java.util.function.Predicate<String> not(String user) {
		return u -> !user.equals(u);
	}

	/** Everything Slack was asked to show people the predicate accepts (messages, notes, updates, Homes, modals). */
	private static String slackTo(java.util.function.Predicate<String> who) {
		StringBuilder all = new StringBuilder();
		SlackStub.server().getAllServeEvents().forEach(e -> {
			String body = java.net.URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8);
			Matcher to = Pattern.compile("\"?(?:channel|user|user_id)\"?[=:]\"?([UD][A-Z0-9]+)").matcher(body);
			String user = to.find() ? to.group(1).replaceFirst("^D", "") : "";
			if (who.test(user)) {
				all.append(body).append('\n');
			}
		});
		return all.toString();
	}
}
