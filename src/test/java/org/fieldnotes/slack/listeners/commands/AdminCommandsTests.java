package org.fieldnotes.slack.listeners.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.bson.Document;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The admin subcommands over /slack/events: enroll (with people looked up through users.info), end, skip, send-now,
 * who-is-quiet, list by programme, programs, stored admins and the audit log.
 */
class AdminCommandsTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";
	private static final String ADA = "UADA";

	@Autowired
	PlacementManagement placements;

	@Autowired
	PromptDispatcher dispatcher;

	/** users.info for one member. */
	static void member(String id, String name, String tz, String locale, boolean deleted) {
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"x\",\"real_name\":\"" + name
						+ "\",\"deleted\":" + deleted + ",\"tz\":\"" + tz + "\",\"locale\":\"" + locale
						+ "\",\"profile\":{\"real_name\":\"" + name + "\",\"email\":\"" + id.toLowerCase()
						+ "@example.org\"}}}")));
	}

	private long stored() {
		return mongo.getCollection("placements").countDocuments();
	}

	private JsonNode onlyPlacement() {
		JsonNode all = json(get("/api/v1/placements").body());
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	// ------------------------------------------------------------------------------------------------------ enroll

	@Test
	void enrollTakesNameTimeZoneAndLanguageFromSlack() {
		member(ADA, "Ada Lindqvist", "America/New_York", "sv-SE", false);
		member("UMAJA", "Maja Berg", "Europe/Stockholm", "en-GB", false);

		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> program:\"KTP 2026\" host:\"Scania CV\" start:2026-12-01 "
				+ "end:2027-05-31 manager:<@UMAJA|maja> business-coach:beata@scania.example");

		assertThat(answer).contains("Enrolled Ada Lindqvist in KTP 2026 at Scania CV, 1 Dec 2026 – 31 May 2027")
			.contains("Fridays at 14:00 (America/New_York), in Swedish");
		JsonNode p = onlyPlacement();
		assertThat(p.get("participant").get("name").asString()).isEqualTo("Ada Lindqvist");
		assertThat(p.get("participant").get("slackUserId").asString()).isEqualTo(ADA);
		assertThat(p.get("participant").get("timezone").asString()).isEqualTo("America/New_York");
		assertThat(p.get("participant").get("locale").asString()).isEqualTo("sv");
		assertThat(p.get("manager").get("name").asString()).isEqualTo("Maja Berg");
		assertThat(p.get("manager").get("locale").asString()).isEqualTo("en");
		assertThat(p.get("businessCoach").get("email").asString()).isEqualTo("beata@scania.example");
		assertThat(p.get("businessCoach").get("slackUserId").isNull()).isTrue();
		assertThat(p.get("academicCoach").isNull()).isTrue();
		assertThat(p.get("program").asString()).isEqualTo("KTP 2026");
		assertThat(mongo.getCollection("audit").find(new Document("action", "enrol")).first().getString("outcome"))
			.isEqualTo("done");
	}

	@Test
	void enrollWithScheduleWorkDaysTimeZoneAndLanguageGiven() {
		member(ADA, "Ada Lindqvist", "Europe/Stockholm", "sv-SE", false);

		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> program:“KTP 2026” host:Scania start:2026-12-01 "
				+ "end:2027-05-31 manager:<@UMAJA|maja> academic-coach:<@UANDERS|anders> schedule:monday@09:30 "
				+ "work-days:mon,wed tz:Europe/London lang:en");

		assertThat(answer).contains("Enrolled Ada Lindqvist");
		JsonNode p = onlyPlacement();
		assertThat(p.get("schedule").get("dayOfWeek").asString()).isEqualTo("MONDAY");
		assertThat(p.get("schedule").get("time").asString()).isEqualTo("09:30");
		assertThat(p.get("workDays").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\"]");
		assertThat(p.get("participant").get("timezone").asString()).isEqualTo("Europe/London");
		assertThat(p.get("participant").get("locale").asString()).isEqualTo("en");
		assertThat(p.get("academicCoach").get("slackUserId").asString()).isEqualTo("UANDERS");
	}

	@Test
	void enrollWithDatesInTheWrongOrderSaysSoWithTheUsageAndStoresNothing() {
		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> program:KTP host:Scania start:2027-06-30 end:2026-09-01 "
				+ "manager:<@UMAJA|maja>");

		assertThat(answer).contains("⚠ The end date (1 Sep 2026) is before the start date (30 Jun 2027).")
			.contains("⚠ The end date (1 Sep 2026) has already passed.")
			.contains("Usage: /fieldnotes enroll @person program:\"…\" host:\"…\" start:YYYY-MM-DD end:YYYY-MM-DD");
		assertThat(stored()).isZero();
		assertThat(mongo.getCollection("audit").find(new Document("action", "enrol")).first().getString("outcome"))
			.isEqualTo("refused");
	}

	@Test
	void enrollOfAnUnknownMemberNamesThem() {
		SlackStub.error("users.info", "user_not_found");

		String answer = commandAnswer(ADMIN, "enroll <@UGHOST|ghost> program:KTP host:Scania start:2026-12-01 "
				+ "end:2027-05-31 manager:<@UMAJA|maja>");

		assertThat(answer).contains("⚠ The participant: I can't find @UGHOST in this workspace.")
			.contains("⚠ The manager: I can't find @UMAJA in this workspace.")
			.contains("Usage: /fieldnotes enroll");
		assertThat(stored()).isZero();
	}

	@Test
	void enrollOfADeactivatedMemberIsRefused() {
		member(ADA, "Ada Lindqvist", "Europe/Stockholm", "sv-SE", true);

		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> program:KTP host:Scania start:2026-12-01 end:2027-05-31 "
				+ "manager:<@UMAJA|maja>");

		assertThat(answer).contains("⚠ The participant: Ada Lindqvist's account is deactivated.");
		assertThat(stored()).isZero();
	}

	@Test
	void enrollWithMissingPartsListsEachOne() {
		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> start:2026-12-01");

		assertThat(answer).contains("⚠ The programme is missing.")
			.contains("⚠ The host organisation is missing.")
			.contains("⚠ The end date is missing.")
			.contains("⚠ The manager is missing.")
			.doesNotContain("start date is missing")
			.contains("Usage: /fieldnotes enroll");
		assertThat(stored()).isZero();
	}

	@Test
	void enrollWithABadPartOrBadValues() {
		assertThat(commandAnswer(ADMIN, "enroll <@UADA|ada> colour:blue")).contains("⚠ I don't know the part \"colour:\"")
			.contains("Usage: /fieldnotes enroll");
		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> program:KTP host:Scania start:1/12/2026 end:2027-05-31 "
				+ "manager:<@UMAJA|maja> day:someday time:25:00 work-days:mon,xyz");
		assertThat(answer).contains("⚠ The start date (\"1/12/2026\") is not a date")
			.contains("⚠ The prompt day \"someday\" is not a day of the week")
			.contains("⚠ The prompt time \"25:00\" is not a time")
			.contains("⚠ The work days \"xyz\" is not a day of the week");
		assertThat(stored()).isZero();
	}

	@Test
	void enrollOfSomeoneInAnOverlappingPlacementIsRefused() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = commandAnswer(ADMIN, "enroll <@UADA|ada> program:KTP host:Volvo start:2027-04-01 end:2027-09-30 "
				+ "manager:<@UMAJA|maja>");

		assertThat(answer).contains(
				"⚠ The participant is already enrolled in an overlapping placement (Scania, 2 Nov 2026 – 30 Apr 2027).");
		assertThat(stored()).isEqualTo(1);
		// after that one, it is fine
		assertThat(commandAnswer(ADMIN, "enroll <@UADA|ada> program:KTP host:Volvo start:2027-05-01 end:2027-09-30 "
				+ "manager:<@UMAJA|maja>")).contains("Enrolled Some One in KTP at Volvo");
	}

	@Test
	void enrollAnswersASwedishAdminInSwedish() {
		enrol(ADA, "2026-11-02", "2027-04-30"); // UANDERS follows it in Swedish
		commandAnswer(ADMIN, "admin add <@UANDERS|anders>");

		String answer = commandAnswer("UANDERS", "enroll <@UBO|bo> program:KTP host:Scania start:2027-06-30 end:2027-01-01");

		assertThat(answer).contains("⚠ Slutdatumet (1 jan. 2027) ligger före startdatumet (30 juni 2027).")
			.contains("⚠ Chefen saknas.")
			.contains("Användning: /fieldnotes enroll");
	}

	@Test
	void enrollByANonAdminIsRefused() {
		assertThat(commandAnswer(ADA, "enroll <@UBO|bo> program:KTP")).contains("only programme coordinators");
		assertThat(stored()).isZero();
	}

	@Test
	void theApiRefusesAnEndDateInThePastAndAnOverlap() {
		HttpResponse<String> past = postJson("/api/v1/placements", placementJson(ADA, "2026-01-05", "2026-11-30"));
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(json(past.body()).get("errors").toString()).contains("endDate").contains("is in the past");

		enrol(ADA, "2026-11-02", "2027-04-30");
		HttpResponse<String> overlap = postJson("/api/v1/placements", placementJson(ADA, "2027-04-30", "2027-08-30"));
		assertThat(overlap.statusCode()).isEqualTo(400);
		assertThat(json(overlap.body()).get("errors").get(0).get("field").asString()).isEqualTo("participant");
		assertThat(stored()).isEqualTo(1);
	}

	// ------------------------------------------------------------------------------------- end, skip, send-now

	@Test
	void endEndsThePlacementForGood() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADMIN, "end <@UADA|ada>")).contains("Ended the placement of Ada Lindqvist at Scania.");

		assertThat(json(get("/api/v1/placements/" + id).body()).get("status").asString()).isEqualTo("ENDED");
		assertThat(commandAnswer(ADMIN, "end <@UADA|ada>")).contains("That person has no current placement.");
		assertThatThrownBy(() -> placements.end(id)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> placements.resume(id)).isInstanceOf(IllegalStateException.class);
		assertThat(commandAnswer(ADMIN, "end")).contains("Mention the person").contains("Usage: /fieldnotes end @person");
	}

	@Test
	void skipClaimsTheNextPromptAsSkippedSoItIsNotSent() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADMIN, "skip <@UADA|ada>")).contains("Skipped the next prompt of Ada Lindqvist (due Friday 4 Dec)");

		Document skipped = mongo.getCollection("prompt_occurrences").find().first();
		assertThat(skipped.getString("status")).isEqualTo("SKIPPED");
		clock.set(Instant.parse("2026-12-04T13:05:00Z")); // Friday 14:05 in Stockholm
		assertThat(dispatcher.catchUp(id)).isEmpty();
		assertThat(SlackStub.messagesTo(ADA)).isEmpty();
		// the week after is skipped next
		assertThat(commandAnswer(ADMIN, "skip <@UADA|ada>")).contains("(due Friday 11 Dec)");
	}

	@Test
	void skipAndSendNowOfAPausedPlacementAreRefused() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		commandAnswer(ADMIN, "pause <@UADA|ada>");

		assertThat(commandAnswer(ADMIN, "skip <@UADA|ada>")).contains("The placement of Ada Lindqvist is paused or ended");
		assertThat(answerAfterAck(ADMIN, "send-now <@UADA|ada>")).contains("The placement of Ada Lindqvist is paused or ended");
		assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero();
	}

	@Test
	void sendNowSendsTheNextPrompt() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(answerAfterAck(ADMIN, "send-now <@UADA|ada>")).contains("Sent Ada Lindqvist their next prompt (the one due Friday 4 Dec)");

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		SlackStub.error("chat.postMessage", "channel_not_found");
		assertThat(answerAfterAck(ADMIN, "send-now <@UADA|ada>")).contains("I couldn't deliver the prompt to Ada Lindqvist (channel_not_found)");
		assertThat(answerAfterAck(ADMIN, "send-now <@UNOBODY|x>")).contains("That person has no current placement.");
	}

	@Test
	void sendNowWhileSlackIsUnreachableSaysThePromptIsQueued() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		SlackStub.status("chat.postMessage", 503);

		assertThat(answerAfterAck(ADMIN, "send-now <@UADA|ada>"))
			.contains("Slack is busy or unreachable: the prompt for Ada Lindqvist (the one due Friday 4 Dec) is queued");

		SlackStub.reset();
		clock.advance(java.time.Duration.ofMinutes(16));
		assertThat(drainOutbox()).isEqualTo(1);
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
	}

	// ------------------------------------------------------------------------------------------ who-is-quiet

	@Test
	void whoIsQuietListsTheLongestSilenceFirst() {
		String never = placementJson("UNEVER", "2026-11-02", "2027-04-30").replace("Ada Lindqvist", "Nils Never");
		assertThat(postJson("/api/v1/placements", never).statusCode()).isEqualTo(201);
		enrol("UOLD", "2026-11-09", "2027-04-30");
		assertThat(postJson("/api/v1/placements", placementJson("UNEW", "2026-11-23", "2027-04-30")
			.replace("Ada Lindqvist", "Nora New")).statusCode()).isEqualTo(201);
		String recent = placementJson("UACTIVE", "2026-11-02", "2027-04-30").replace("Ada Lindqvist", "Rita Recent");
		assertThat(postJson("/api/v1/placements", recent).statusCode()).isEqualTo(201);
		clock.set(Instant.parse("2026-11-10T12:00:00Z"));
		commandAnswer("UOLD", "log early days");
		clock.set(Instant.parse("2026-11-30T12:00:00Z"));
		commandAnswer("UACTIVE", "log still here");
		clock.set(DEFAULT_NOW);

		String quiet = commandAnswer(ADMIN, "who-is-quiet");

		assertThat(quiet).contains("Quiet for two weeks or more (2)")
			.contains("*Nils Never*  Scania · KTP 2026 · no entry yet (started 2 Nov 2026)")
			.contains("*Ada Lindqvist*  Scania · KTP 2026 · last entry 10 Nov 2026 (21 days ago)")
			.doesNotContain("Rita Recent")
			.doesNotContain("Nora New");
		assertThat(quiet.indexOf("Nils Never")).isLessThan(quiet.indexOf("Ada Lindqvist"));
	}

	@Test
	void whoIsQuietWhenNobodyIs() {
		assertThat(commandAnswer(ADMIN, "who-is-quiet")).contains("Everyone in an active placement has written");
	}

	// ---------------------------------------------------------------------------------------- list, programs

	@Test
	void listByProgrammeAndPrograms() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements", placementJson("UBO", "2026-11-02", "2027-04-30")
			.replace("Ada Lindqvist", "Bo Ek").replace("KTP 2026", "Thesis abroad")).statusCode()).isEqualTo(201);
		enrol("UCY", "2026-11-02", "2027-04-30");
		commandAnswer(ADMIN, "pause <@UCY|cy>");
		enrol("UDI", "2026-11-02", "2027-04-30");
		commandAnswer(ADMIN, "end <@UDI|di>");

		String ktp = commandAnswer(ADMIN, "list ktp 2026");
		assertThat(ktp).contains("Placements in ktp 2026 (3)").contains("Ada Lindqvist").doesNotContain("Bo Ek");
		assertThat(commandAnswer(ADMIN, "list \"Thesis abroad\"")).contains("(1)").contains("Bo Ek");
		assertThat(commandAnswer(ADMIN, "list nothing")).contains("No placements in \"nothing\"");
		assertThat(commandAnswer(ADMIN, "list")).contains("Placements (4)");

		String programs = commandAnswer(ADMIN, "programs");
		assertThat(programs).contains("Programmes (2)")
			.contains("*KTP 2026*  1 active · 1 paused · 1 ended")
			.contains("*Thesis abroad*  1 active · 0 paused · 0 ended");
		assertThat(commandAnswer(ADA, "programs")).contains("only programme coordinators");
	}

	// -------------------------------------------------------------------------------------------- admins

	@Test
	void storedAdminsCanBeAddedAndRemovedButConfiguredOnesStay() {
		assertThat(commandAnswer("UBO", "list")).contains("only programme coordinators");
		member("UBO", "Bo Ek", "Europe/Stockholm", "en-GB", false);

		assertThat(commandAnswer(ADMIN, "admin add <@UBO|bo>")).contains("Bo Ek is now an admin.");
		assertThat(commandAnswer("UBO", "list")).contains("Placements (0)");
		assertThat(commandAnswer("UBO", "help")).contains("/fieldnotes enroll");
		assertThat(commandAnswer(ADMIN, "admin add <@UBO|bo>")).contains("Bo Ek is already an admin.");
		assertThat(commandAnswer("UBO", "admin remove <@UADMIN1|admin>"))
			.contains("is an admin through the FIELDNOTES_ADMINS setting, which a command can't change");
		assertThat(commandAnswer("UBO", "admin remove <@UBO|bo>")).contains("You can't remove yourself");

		assertThat(commandAnswer(ADMIN, "admin remove <@UBO|bo>")).contains("Bo Ek is no longer an admin.");
		assertThat(commandAnswer("UBO", "list")).contains("only programme coordinators");
		assertThat(commandAnswer(ADMIN, "admin remove <@UBO|bo>")).contains("isn't an admin added by command");
		assertThat(commandAnswer(ADMIN, "admin")).contains("Say add or remove").contains("Usage: /fieldnotes admin add|remove @person");
		assertThat(commandAnswer(ADA, "admin add <@UADA|ada>")).contains("only programme coordinators");
	}

	@Test
	void addingAnUnknownMemberAsAdminIsRefused() {
		SlackStub.error("users.info", "user_not_found");

		assertThat(commandAnswer(ADMIN, "admin add <@UGHOST|ghost>")).contains("I can't find @UGHOST");
		assertThat(mongo.getCollection("admins").countDocuments()).isZero();
	}

	// ------------------------------------------------------------------------------------------------ audit

	@Test
	void auditListsAdminActionsNewestFirst() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		commandAnswer(ADMIN, "pause <@UADA|ada>");
		clock.set(DEFAULT_NOW.plusSeconds(60));
		commandAnswer(ADMIN, "resume <@UADA|ada>");
		commandAnswer(ADA, "log private words about my week");

		String audit = commandAnswer(ADMIN, "audit");

		assertThat(audit).contains("Latest admin actions (3)")
			.contains("@UADMIN1 · resume · person UADA · placement")
			.contains("API · enrol")
			.doesNotContain("private words");
		assertThat(audit.indexOf("resume")).isLessThan(audit.indexOf("pause"));
		assertThat(audit.indexOf("pause")).isLessThan(audit.indexOf("API · enrol"));
		assertThat(commandAnswer(ADMIN, "audit 1")).contains("(1)").contains("resume").doesNotContain("pause");
		assertThat(commandAnswer(ADMIN, "audit 101")).contains("\"101\" is not a number from 1 to 100")
			.contains("Usage: /fieldnotes audit [n]");
		assertThat(commandAnswer(ADA, "audit")).contains("only programme coordinators");
		for (Document record : mongo.getCollection("audit").find()) {
			assertThat(record.toJson()).doesNotContain("private words");
		}
	}
}
