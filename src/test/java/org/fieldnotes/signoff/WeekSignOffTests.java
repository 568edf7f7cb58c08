package org.fieldnotes.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.ManagerAskFixture.buttons;
import static org.fieldnotes.support.ManagerAskFixture.ephemeralsTo;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.fieldnotes.chat.Form;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.ManagerAskFixture;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Host sign-off of weeks from start to end, through the surfaces people use: the programme setting by the admin API
 * and by {@code /fieldnotes programs … sign-off} as Slack sends it; the manager asked once a week is over, with only
 * what they may read (no private entry, no status update for the coaches only); Green / Amber / Red pressed and the comment form submitted as Slack sends them; a manager
 * without chat signing off from the e-mail GreenMail receives, through its link; the participant told and shown it in
 * {@code /fieldnotes me}; the coordinator's API. Everyone but the manager is refused and nothing is stored.
 */
class WeekSignOffTests extends MailTest {

	private static final String ADA = "UADA";
	/** Mon 23 Nov 2026: week 4 of a placement from Mon 2 Nov, over by the test clock's Wed 2 Dec. */
	private static final LocalDate WEEK_4 = LocalDate.parse("2026-11-23");

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		ManagerAskFixture.signedLinks(registry);
	}

	final ManagerAskFixture asks = new ManagerAskFixture(this, "/w/");

	@Autowired
	WeekSignOffs signOffs;

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Scheduler quartz;

	@Test
	void theManagerSignsOffAWeekFromSlackOnceAndOnlyTheManager() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		writeWeek4();
		assertThat(signOffs.requestDue()).as("the programme does not ask for sign-off").isZero();
		drainOutbox();
		assertThat(SlackStub.messagesTo("UMAJA")).isEmpty();

		HttpResponse<String> set = putProgram("{\"hostSignOff\":true}");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(json(set.body()).get("hostSignOff").asBoolean()).isTrue();
		assertThat(audit("program-signoff")).extracting(a -> a.getString("detail")).containsExactly("KTP 2026: on");

		assertThat(signOffs.requestDue()).isEqualTo(1);
		assertThat(signOffs.requestDue()).as("asked again: the outbox sends once").isEqualTo(1);
		drainOutbox();
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		Map<String, String> toMaja = SlackStub.messagesTo("UMAJA").get(0);
		assertThat(toMaja.get("text")).isEqualTo("Please sign off Ada Lindqvist's week 4");
		assertThat(SlackStub.blockTexts(toMaja)).contains("Rig &lt;built&gt; &amp; tested").contains("Status: green")
			.doesNotContain("PRIVATE-worry").doesNotContain("Status: red");
		String value = placementId + "|" + WEEK_4;
		assertThat(buttons(toMaja, value)).containsExactly("week_signoff_green", "week_signoff_amber",
				"week_signoff_red");

		// the coach and the participant: refused, each in their language, and no form opens
		asks.press("UANDERS", "week_signoff_green", value);
		asks.press(ADA, "week_signoff_green", value);
		await().atMost(Duration.ofSeconds(5)).until(() -> ephemeralsTo("UANDERS").size() == 1
				&& ephemeralsTo(ADA).size() == 1);
		assertThat(ephemeralsTo("UANDERS")).containsExactly("Bara placeringens chef kan skriva under dess veckor.");
		assertThat(ephemeralsTo(ADA)).containsExactly("Only the placement's manager can sign off its weeks.");
		assertThat(sent().formsFor(slack("UANDERS"))).isEmpty();

		asks.press("UMAJA", "week_signoff_amber", value);
		await().atMost(Duration.ofSeconds(5)).until(() -> !sent().formsFor(slack("UMAJA")).isEmpty());
		Form form = sent().formsFor(slack("UMAJA")).get(0);
		assertThat(form.id()).isEqualTo("week_signoff");
		assertThat(form.metadata()).isEqualTo(value + "|AMBER");

		// the coach cannot sign off through the form either
		assertThat(submit("UANDERS", value + "|GREEN", "Fine")).contains("Bara placeringens chef");
		assertThat(signOffs.of(placementId)).isEmpty();

		int toldAda = SlackStub.messagesTo(ADA).size();
		submit("UMAJA", value + "|AMBER", "More <tests> next week");
		assertThat(signOffs.of(placementId)).singleElement().satisfies(s -> {
			assertThat(s.rating()).isEqualTo(Rating.AMBER);
			assertThat(s.week()).isEqualTo(4);
			assertThat(s.weekStart()).isEqualTo(WEEK_4);
			assertThat(s.comment()).isEqualTo("More <tests> next week");
			assertThat(s.by()).isEqualTo(personOf("UMAJA"));
			assertThat(s.via()).isEqualTo("slack");
		});
		// once per week: a second sign-off changes nothing
		assertThat(submit("UMAJA", value + "|GREEN", "Changed my mind")).contains("is signed off already");
		assertThat(signOffs.of(placementId)).singleElement().extracting(WeekSignOff::rating).isEqualTo(Rating.AMBER);
		assertThat(signOffs.requestDue()).as("a signed-off week is not asked for again").isZero();

		drainOutbox();
		Map<String, String> told = SlackStub.messagesTo(ADA).get(toldAda);
		assertThat(told.get("text")).isEqualTo("Maja Berg signed off week 4: Amber — More &lt;tests&gt; next week");
		assertThat(SlackStub.blockTexts(told)).contains("More &lt;tests&gt; next week");
		assertThat(commandAnswer(ADA, "me"))
			.contains("1 week signed off by your manager; the latest, week 4: Amber.");

		JsonNode api = json(get("/api/v1/placements/" + placementId + "/signoffs").body());
		assertThat(api.get("hostSignOff").asBoolean()).isTrue();
		assertThat(api.get("signOffs")).singleElement().satisfies(s -> {
			assertThat(s.get("week").asInt()).isEqualTo(4);
			assertThat(s.get("weekStart").asString()).isEqualTo("2026-11-23");
			assertThat(s.get("rating").asString()).isEqualTo("amber");
			assertThat(s.get("comment").asString()).isEqualTo("More <tests> next week");
			assertThat(s.get("by").asString()).isEqualTo("Maja Berg");
			assertThat(s.get("via").asString()).isEqualTo("slack");
		});
		assertThat(audit("week-signoff")).extracting(a -> a.getString("outcome"), a -> a.getString("detail"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("refused", "not the manager"),
					org.assertj.core.groups.Tuple.tuple("refused", "not the manager"),
					org.assertj.core.groups.Tuple.tuple("refused", "not the manager"),
					org.assertj.core.groups.Tuple.tuple("done", "week 4: amber via slack"));
		assertThat(get("/api/v1/placements/no-such/signoffs").statusCode()).isEqualTo(404);

		// the evaluation export: the rating on week 4's row, never the comment
		String csv = get("/api/v1/programs/KTP%202026/evaluation.csv").body();
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",signoff,hours");
		assertThat(csv.lines().filter(l -> l.contains(",2026-11-23,"))).singleElement().asString().endsWith(",amber,");
		assertThat(csv.lines().filter(l -> l.endsWith(",amber,"))).hasSize(1);
		assertThat(csv).doesNotContain("More <tests>").doesNotContain("next week");

		// the coordinators' cohort digest line: the latest sign-off's rating, never the comment
		String cohort = json(slashCommand("UADMIN1", "digest preview").body()).toString();
		assertThat(cohort).contains("Your cohort this week").contains("week 4 signed off by the host")
			.contains("amber").doesNotContain("More &lt;tests&gt;").doesNotContain("More <tests>");
	}

	@Test
	void aManagerWithoutChatSignsOffFromTheEmailsLinkAndOnlyAPostActs() throws Exception {
		String placementId = asks.enrolWithManagerByEmail(ADA, "2026-11-02", "2027-04-30");
		writeWeek4();
		// the setting from chat, as Slack sends the command
		assertThat(commandAnswer("UADMIN1", "programs KTP 2026 sign-off maybe"))
			.contains("“maybe” isn't on or off.");
		assertThat(commandAnswer("UADMIN1", "programs KTP 2026 sign-off on"))
			.contains("✅ KTP 2026: from now on each placement's manager is asked to sign off every past week.");
		assertThat(commandAnswer("UADMIN1", "programs KTP 2026 sign-off"))
			.contains("KTP 2026: each placement's manager is asked to sign off every past week");

		assertThat(signOffs.requestDue()).isEqualTo(1);
		drainOutbox();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).contains("maja@host.example");
		assertThat(received[0].getSubject()).isEqualTo("Skriv under Ada Lindqvists vecka 4");
		String mail = MailParts.texts(received[0]).get("text/plain");
		assertThat(mail).contains("Rig <built> & tested").doesNotContain("PRIVATE-worry");
		String token = asks.linkToken(mail);

		HttpResponse<String> page = asks.page(token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Rig &lt;built&gt; &amp; tested").doesNotContain("PRIVATE-worry")
			.contains("name=\"rating\"");
		assertThat(asks.post(token, "rating=purple").statusCode()).as("not a rating").isEqualTo(400);
		assertThat(asks.post(token.substring(0, token.length() - 2) + "xx", "rating=green").statusCode()).isEqualTo(403);
		assertThat(signOffs.of(placementId)).as("a GET and bad posts store nothing").isEmpty();

		HttpResponse<String> signed = asks.post(token, "rating=green&comment=Great+%3Cweek%3E");
		assertThat(signed.statusCode()).isEqualTo(303);
		assertThat(signed.headers().firstValue("Location")).hasValue(token + "?done=signed");
		assertThat(asks.post(token, "rating=red").statusCode()).as("signed off already: shown again").isEqualTo(303);
		assertThat(signOffs.of(placementId)).singleElement().satisfies(s -> {
			assertThat(s.rating()).isEqualTo(Rating.GREEN);
			assertThat(s.comment()).isEqualTo("Great <week>");
			assertThat(s.via()).isEqualTo("email");
		});
		HttpResponse<String> after = asks.page(token + "?done=signed");
		assertThat(after.body()).contains("Underskriven").contains("Great &lt;week&gt;").doesNotContain("name=\"rating\"");

		// the programme stops asking: the link no longer acts
		assertThat(commandAnswer("UADMIN1", "programs KTP 2026 sign-off off")).contains("no longer asked");
		assertThat(asks.post(token, "rating=red").statusCode()).isEqualTo(410);
		clock.set(Instant.parse("2027-02-01T10:00:00Z"));
		assertThat(asks.post(token, "rating=red").statusCode()).as("expired").isEqualTo(410);
	}

	@Test
	void aNonAdminCannotTurnSignOffOnAndABadApiValueIsRefusedNamingTheField() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(commandAnswer(ADA, "programs KTP 2026 sign-off on")).contains("only programme coordinators");
		HttpResponse<String> bad = putProgram("{\"hostSignOff\":\"perhaps\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("hostSignOff");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
	}

	@Test
	void theRequestJobRunsEveryHour() throws Exception {
		assertThat(quartz.getTrigger(TriggerKey.triggerKey("week-signoff-hourly", "signoff"))).isNotNull();
	}

	@Test
	void signOffsAreInTheParticipantsExportGoWithTheirErasureAndTheManagersErasureTakesTheirComment() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		putProgram("{\"hostSignOff\":true}");
		signOffs.requestDue();
		drainOutbox();
		asks.press("UMAJA", "week_signoff_red", placementId + "|" + WEEK_4);
		await().atMost(Duration.ofSeconds(5)).until(() -> !sent().formsFor(slack("UMAJA")).isEmpty());
		submit("UMAJA", placementId + "|" + WEEK_4 + "|RED", "Manager words");
		assertThat(get("/api/v1/people/" + keyOf(ADA) + "/export").body()).contains("week_signoffs")
			.contains("Manager words");

		String majaId = personOf("UMAJA");
		assertThat(asks.erase(keyOf("UMAJA")).statusCode()).isEqualTo(200);
		assertThat(signOffs.of(placementId)).singleElement().satisfies(s -> {
			assertThat(s.by()).isNotEqualTo(majaId);
			assertThat(s.comment()).isNull();
			assertThat(s.rating()).isEqualTo(Rating.RED);
		});
		assertThat(asks.erase(keyOf(ADA)).statusCode()).isEqualTo(200);
		assertThat(signOffs.of(placementId)).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** Week 4: a shared entry and a status update, and a private entry the manager must never see. */
	private void writeWeek4() {
		clock.set(Instant.parse("2026-11-25T09:00:00Z"));
		logbook.write(slack(ADA), "Shared: Rig <built> & tested", Visibility.PLACEMENT);
		logbook.write(slack(ADA), "PRIVATE-worry", Visibility.PRIVATE);
		statusUpdates.submit(slack(ADA), new StatusUpdates.Report(OverallStatus.GREEN, "Rig <built> & tested", null, 4),
				null, "t:1", Visibility.PLACEMENT);
		// for the coaches only (the participant's default): never shown to the manager
		statusUpdates.submit(slack(ADA), new StatusUpdates.Report(OverallStatus.RED, "Coaches-only status", null, 2),
				null, "t:2");
		clock.set(DEFAULT_NOW);
	}

	private HttpResponse<String> putProgram(String json) {
		return send(HttpRequest.newBuilder(uri("/api/v1/programs/KTP%202026"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private List<Document> audit(String action) {
		return mongo.getCollection("audit").find(new Document("action", action))
			.sort(new Document("_id", 1)).into(new ArrayList<>());
	}

	private String submit(String userId, String metadata, String comment) {
		HttpResponse<String> ack = slackEvent(SlackInteractions.viewSubmission(userId, "V" + System.nanoTime(),
				"week_signoff", metadata, Map.of("comment", Map.of("c", SlackInteractions.text(comment)))),
				SlackInteractions.FORM);
		assertThat(ack.statusCode()).isEqualTo(200);
		return ack.body();
	}
}
