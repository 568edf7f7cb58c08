package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.digest.CohortDigests;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.MailParts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Reaching Teams people before and after they install the app, through the real outbox, GreenMail as the mail server
 * and WireMock as the connector: invited-not-yet-reachable people get their prompts and digests by e-mail with the
 * link to say hi to the bot; without an address nothing is sent and the admins see why; the install makes them
 * reachable, sends the prompt that waited, and tells the admins once; the admins see who is not reachable in the
 * placements API, in {@code who-is-quiet} and in the cohort digest.
 */
class TeamsReachTests extends TeamsTest {

	private static final String USER = "29:1AdaLindqvistTeamsUserId";
	private static final String AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	private static final String ADA_MAIL = "ada@student.example";
	private static final String COACH_AAD = "3a9d7c10-2b4e-4f6a-8c1d-5e7f9a0b1c2d";
	private static final String COACH_USER = "29:1AndersHolmTeamsUserId";
	private static final String COACH_MAIL = "anders@university.example";
	private static final String ACTIVITIES = "/connector/v3/conversations/[^/]+/activities";
	private static final String SAY_HI = "https://teams.microsoft.com/l/chat/0/0?users=28:" + TeamsStub.APP_ID;
	private static final int SMTP_PORT = MailParts.freePort();

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("fieldnotes.mail.from", () -> "Fieldnotes <digests@fieldnotes.example>");
	}

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PlacementManagement placements;

	@Autowired
	DigestService digests;

	@Autowired
	CohortDigests cohort;

	@Autowired
	org.fieldnotes.prompting.Reminders reminders;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}

	// ------------------------------------------------------------------------------------ until reachable, e-mail

	@Test
	void aPromptToSomeoneWhoHasNotInstalledTheAppGoesByEmailWithTheLinkToSayHi() throws Exception {
		String placementId = enrol(ADA_MAIL, null);

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(TeamsStub.requests(ACTIVITIES)).as("nothing went to Teams").isEmpty();
		MimeMessage mail = onlyMailTo(ADA_MAIL);
		assertThat(mail.getSubject()).isEqualTo("A question about your placement at Scania");
		String text = MailParts.texts(mail).get("text/plain");
		assertThat(text).contains("You answer in Microsoft Teams")
			.contains("Fieldnotes cannot write to you in Microsoft Teams yet")
			.contains("Say hi to Fieldnotes in Microsoft Teams: " + SAY_HI);
		assertThat(MailParts.texts(mail).get("text/html")).contains("href=\"" + SAY_HI + "\"");
		assertThat(mongo.getCollection("prompt_occurrences").find().first().getString("channel")).isEqualTo("email");
	}

	@Test
	void theReminderOfAnEmailedPromptGoesByEmailToo() throws Exception {
		String placementId = enrol(ADA_MAIL, null);
		PromptDelivery emailed = dispatcher.sendNext(placementId);
		greenMail.purgeEmailFromAllMailboxes();
		clock.advance(java.time.Duration.ofHours(25));

		assertThat(reminders.run()).containsExactly(emailed.occurrenceId());

		MimeMessage reminder = onlyMailTo(ADA_MAIL);
		assertThat(MailParts.texts(reminder).get("text/plain")).contains("You answer in Microsoft Teams")
			.doesNotContain("Reply here")
			.contains("Say hi to Fieldnotes in Microsoft Teams: " + SAY_HI);
		assertThat(TeamsStub.requests(ACTIVITIES)).isEmpty();
	}

	@Test
	void inSwedishTheEmailSaysItInSwedish() throws Exception {
		String placementId = enrol(ADA_MAIL, "sv");

		dispatcher.sendNext(placementId);

		String text = MailParts.texts(onlyMailTo(ADA_MAIL)).get("text/plain");
		assertThat(text).contains("Du svarar i Microsoft Teams").contains("Säg hej till Fieldnotes i Microsoft Teams: " + SAY_HI);
	}

	@Test
	void withoutAnAddressNothingIsSentAndAdminsSeeWhyInTheirDeliveries() {
		String placementId = enrol(null, null);

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.FAILED);
		assertThat(delivery.failure()).isEqualTo("teams_not_installed");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		assertThat(TeamsStub.requests(ACTIVITIES)).isEmpty();
		assertThat(placements.get(placementId).getStatus()).isEqualTo(PlacementStatus.ACTIVE);
		JsonNode failed = json(get("/api/v1/deliveries").body()).get("failed");
		assertThat(failed).singleElement()
			.satisfies(f -> assertThat(f.get("reason").asString()).isEqualTo("teams_not_installed"));
	}

	@Test
	void aCoachOnTeamsWhoHasNotInstalledGetsTheDigestByEmailWithLinksAndTheLinkToSayHi() throws Exception {
		enrol(ADA_MAIL, null);
		installed(USER, AAD);

		digests.sendAll();

		MimeMessage mail = onlyMailTo(COACH_MAIL);
		String text = MailParts.texts(mail).get("text/plain");
		assertThat(text).contains("Say hi to Fieldnotes in Microsoft Teams: " + SAY_HI);
		assertThat(sent().messagesTo(coach())).as("nothing to the coach's Teams account").isEmpty();
		assertThat(mongo.getCollection("digests").find(new org.bson.Document("fallback", "not_yet_reachable"))
			.first()).as("the digest record says why it went by e-mail").isNotNull();

		// installed: the next week's digest goes to Teams
		installed(COACH_USER, COACH_AAD);
		clock.advance(java.time.Duration.ofDays(7));
		greenMail.purgeEmailFromAllMailboxes();
		digests.sendAll();
		assertThat(sent().messagesTo(coach())).hasSize(1);
		assertThat(mailsTo(COACH_MAIL)).isEmpty();
	}

	// -------------------------------------------------------------------------------------- installing, reachable

	@Test
	void installingSendsThePromptThatWaitedToTeamsAndTellsTheAdminsOnce() throws Exception {
		String placementId = enrol(ADA_MAIL, null);
		PromptDelivery emailed = dispatcher.sendNext(placementId);
		assertThat(onlyMailTo(ADA_MAIL)).isNotNull();
		ChatAccount admin = new ChatAccount("slack", null, "UADMIN1");

		installed(USER, AAD);
		drainOutbox();

		List<ChatMessage> toAda = sent().messagesTo(participant());
		assertThat(toAda).as("the prompt that waited, in Teams now, with its buttons").singleElement()
			.satisfies(m -> assertThat(m.blocks()).anyMatch(ChatMessage.Block.Actions.class::isInstance));
		assertThat(cardsPosted()).as("the welcome card on install, then the prompt that waited")
			.containsExactly(WELCOME, PROMPT);
		var occurrence = mongo.getCollection("prompt_occurrences").find().first();
		assertThat(occurrence.getString("_id")).isEqualTo(emailed.occurrenceId());
		assertThat(occurrence.getString("channel")).as("answered where it is now: in Teams")
			.isEqualTo("a:conv-" + AAD);
		assertThat(sent().messagesTo(admin).stream().map(ChatMessage::summary))
			.containsExactly("Ada Lindqvist installed Fieldnotes in Microsoft Teams: reachable there now.");

		// Teams repeats installs (an upgrade, a second client): nothing more is sent, nobody is told again
		assertThat(activity(TeamsStub.install(USER, AAD)).statusCode()).isEqualTo(200);
		activity(TeamsStub.install(USER, AAD).replace("\"action\":\"add\"", "\"action\":\"remove\""));
		activity(TeamsStub.install(USER, AAD));
		drainOutbox();
		assertThat(sent().messagesTo(participant())).hasSize(1);
		assertThat(sent().messagesTo(admin)).hasSize(1);
	}

	@Test
	void onceInstalledPromptsGoToTeamsAndNotByEmail() throws Exception {
		String placementId = enrol(ADA_MAIL, null);
		installed(USER, AAD);

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(cardsPosted()).containsExactly(WELCOME, PROMPT);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	// ------------------------------------------------------------------------------------------ what admins see

	@Test
	void thePlacementsApiSaysWhichAccountsAreReachable() {
		String placementId = enrol(ADA_MAIL, null);

		JsonNode before = json(get("/api/v1/placements/" + placementId).body());
		assertThat(before.get("participant").get("accounts").get(0).get("reachable").asBoolean()).isFalse();
		assertThat(before.get("manager").get("accounts").get(0).get("reachable").asBoolean())
			.as("Slack people are reachable").isTrue();

		installed(USER, AAD);

		JsonNode after = json(get("/api/v1/placements").body()).get(0);
		assertThat(after.get("participant").get("accounts").get(0).get("reachable").asBoolean()).isTrue();
		assertThat(after.get("academicCoach").get("accounts").get(0).get("reachable").asBoolean()).isFalse();
	}

	@Test
	void whoIsQuietNamesWhoIsNotReachableAndWhatReachesThem() {
		enrol(null, null);

		String answer = commandAnswer("UADMIN1", "who-is-quiet");

		assertThat(answer).contains("Not reachable in their chat yet")
			.contains("Ada Lindqvist", "Microsoft Teams · no e-mail address: nothing reaches them")
			.contains("Anders Holm", "Microsoft Teams · everything goes to them by e-mail meanwhile");

		installed(USER, AAD);
		installed(COACH_USER, COACH_AAD);
		assertThat(commandAnswer("UADMIN1", "who-is-quiet")).doesNotContain("Not reachable")
			.as("Ada is still quiet: she has written nothing since the start").contains("Ada Lindqvist");
	}

	@Test
	void theCohortDigestHasALineForEachPersonNotReachableYet() {
		enrol(ADA_MAIL, null);
		PersonId admin = new PersonId(personOf("UADMIN1"));

		ChatMessage digest = cohort.preview(admin).orElseThrow();

		Map<String, String> items = items(digest);
		assertThat(items).containsEntry("Ada Lindqvist",
				"Microsoft Teams · everything goes to them by e-mail meanwhile, with a link to say hi");
		assertThat(items).containsKey("Anders Holm");
		assertThat(items).doesNotContainKey("Maja Berg");

		installed(USER, AAD);
		assertThat(items(cohort.preview(admin).orElseThrow())).doesNotContainKey("Ada Lindqvist")
			.containsKey("Anders Holm");
	}

	// ------------------------------------------------------------------------------------------------- helpers

	/** The items of the section "Not reachable in their chat yet" (up to the next divider). */
	private static Map<String, String> items(ChatMessage message) {
		Map<String, String> items = new java.util.LinkedHashMap<>();
		boolean in = false;
		for (ChatMessage.Block block : message.blocks()) {
			if (block instanceof ChatMessage.Block.Heading heading) {
				in = heading.text().equals("Not reachable in their chat yet");
			}
			else if (block instanceof ChatMessage.Block.Divider) {
				in = false;
			}
			else if (in && block instanceof ChatMessage.Block.Items list) {
				list.items().forEach(i -> items.put(i.label(), i.text()));
			}
		}
		return items;
	}

	private MimeMessage onlyMailTo(String address) throws Exception {
		List<MimeMessage> received = mailsTo(address);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private static List<MimeMessage> mailsTo(String address) {
		return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
			try {
				return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static ChatAccount participant() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, AAD);
	}

	private static ChatAccount coach() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, COACH_AAD);
	}

	private void installed(String user, String aad) {
		HttpResponse<String> response = activity(TeamsStub.install(user, aad));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/**
	 * Ada on Teams (with this address, or none), Anders Holm her academic coach on Teams with an address, the
	 * manager and business coach on Slack; in English, or in this language.
	 */
	private String enrol(String email, String locale) {
		HttpResponse<String> response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "timezone": "Europe/Stockholm", "locale": "%s", %s
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "email": "%s", "timezone": "Europe/Stockholm",
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(locale == null ? "en" : locale, email == null ? "" : "\"email\": \"" + email + "\",",
				TeamsStub.TENANT, AAD, COACH_MAIL, TeamsStub.TENANT, COACH_AAD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		TeamsStub.server().resetRequests();
		return json(response.body()).get("id").asString();
	}
	private static final String WELCOME = "welcome card";
	private static final String PROMPT = "prompt card";

	/** What was posted to Teams, oldest first: the welcome card (the Home), a prompt card (its buttons), or else. */
	private static List<String> cardsPosted() {
		return TeamsStub.activitiesSent().stream().map(activity -> {
			String summary = activity.path("summary").asText();
			if (summary.equals("Fieldnotes")) {
				return WELCOME;
			}
			return activity.toString().contains("\"verb\":\"prompt_skip\"") ? PROMPT : "other: " + summary;
		}).toList();
	}

}
