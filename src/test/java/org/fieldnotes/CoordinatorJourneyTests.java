package org.fieldnotes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.Due;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptCalendar;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.prompting.PromptOccurrence;
import org.fieldnotes.prompting.PromptPhase;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The coordinators' guide (docs/admins.md, "A programme from start to end, step by step") walked through end to end,
 * in one story, through the surfaces a coordinator uses: the admin API with an admin's and a programme's token, and
 * signed slash commands. Two programmes with different rhythms: KTP 2026 (fortnightly, a review every quarter,
 * coordinated by Cora) and Mobility 2027 (the defaults: weekly, one midpoint, run through a token of its own).
 * The steps: set the rhythms, name the coordinators, enrol, change, close for the summer, schedule a steering
 * meeting whose briefs reach each reader, run a survey and read its answers, count hours against a programme's
 * total, collect an end report the manager
 * approves, export the evaluation. Each step asserts what the coordinator sees and what the participants and
 * followers get, and that the other programme's coordinator is refused.
 */
class CoordinatorJourneyTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";
	private static final String CORA = "UCORA";
	private static final String ADA = "UADA";
	private static final String BO = "UBO";

	@Autowired
	PlacementManagement placements;

	@Autowired
	PromptCalendar calendar;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	org.fieldnotes.report.MeetingBriefs meetingBriefs;

	@Test
	void aCoordinatorRunsTwoProgrammesFromSetUpToTheEvaluation() throws Exception {
		member(CORA, "Cora Lund");
		member("UEVA", "Eva Berg");

		// 1. Each programme's rhythm: KTP fortnightly with quarterly reviews; Mobility keeps the defaults.
		HttpResponse<String> rhythm = put("/api/v1/programs/KTP%202026", ADMIN_TOKEN,
				"{\"cadence\": \"fortnightly\", \"reviewEvery\": \"P3M\"}");
		assertThat(rhythm.statusCode()).as(rhythm.body()).isEqualTo(200);
		assertThat(json(rhythm.body()).get("cadence").asString()).isEqualTo("fortnightly");

		// 2. A coordinator for each: Cora in Slack for KTP 2026; Mobility 2027 through a token limited to it.
		assertThat(commandAnswer(ADMIN, "admin add <@UCORA|cora> program:\"KTP 2026\""))
			.contains("Cora Lund is now an admin of KTP 2026");
		HttpResponse<String> token = postJson("/api/v1/tokens", "{\"name\":\"mobility-office\",\"program\":\"Mobility 2027\"}");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
		String mobility = json(token.body()).get("token").asString();

		// 3. Enrol: Cora enrols Ada in KTP 2026 by command (and may not enrol into Mobility); the mobility office
		// enrols Bo through the API with its token.
		assertThat(commandAnswer(CORA, "enroll <@UEVA|eva> program:\"Mobility 2027\" host:Volvo start:2026-12-07 "
				+ "end:2027-05-31 manager:<@UMAJA|maja>")).contains("isn't one of the programmes you coordinate");
		String enrolled = commandAnswer(CORA, "enroll <@UADA|ada> program:\"KTP 2026\" host:Scania start:2026-11-02 "
				+ "end:2028-10-31 manager:<@UMAJA|maja> academic-coach:<@UANDERS|anders> "
				+ "business-coach:<@UBEATA|beata> schedule:THURSDAY@14:00");
		assertThat(enrolled).as(enrolled).contains("✅ Enrolled");
		Placement ada = only("KTP 2026");
		HttpResponse<String> bo = postAs("/api/v1/placements", mobility, placementJson(BO, "2026-11-02", "2027-04-30")
			.replace("Ada Lindqvist", "Bo Ek").replace("KTP 2026", "Mobility 2027").replace("FRIDAY", "THURSDAY"));
		assertThat(bo.statusCode()).as(bo.body()).isEqualTo(201);
		Placement boPlacement = only("Mobility 2027");
		assertThat(postAs("/api/v1/placements", mobility, placementJson("UEVE", "2026-11-02", "2027-04-30"))
			.statusCode()).as("the mobility token cannot enrol into KTP 2026").isEqualTo(403);

		// ... and the two rhythms differ: KTP every second week with reviews every three months, Mobility weekly
		// with one midpoint.
		List<Due> ktp = calendar.dues(ada).stream().filter(d -> d.skipReason() == null).toList();
		List<Due> mob = calendar.dues(boPlacement).stream().filter(d -> d.skipReason() == null).toList();
		assertThat(ChronoUnit.DAYS.between(ktp.get(1).date(), ktp.get(2).date())).isEqualTo(14);
		assertThat(ChronoUnit.DAYS.between(mob.get(1).date(), mob.get(2).date())).isEqualTo(7);
		assertThat(ktp).filteredOn(d -> d.phase() == PromptPhase.REVIEW).hasSizeGreaterThanOrEqualTo(6);
		assertThat(ktp).noneMatch(d -> d.phase() == PromptPhase.MIDPOINT);
		assertThat(mob).filteredOn(d -> d.phase() == PromptPhase.MIDPOINT).hasSize(1);

		// 4. A placement changes: Bo's end moves and his business coach is swapped (by the mobility office, PATCH);
		// Cora moves Ada's end by command. The schedule follows; the coach who joins is told.
		HttpResponse<String> patched = send(HttpRequest.newBuilder(uri("/api/v1/placements/" + boPlacement.getId()))
			.header("Authorization", "Bearer " + mobility).header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(
					"{\"endDate\": \"2027-08-31\", \"businessCoach\": {\"name\": \"Ola Nord\", \"slackUserId\": \"UOLA\"}}"))
			.build());
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		assertThat(placements.get(boPlacement.getId()).getEndDate()).isEqualTo(LocalDate.parse("2027-08-31"));
		drainOutbox();
		assertThat(sent().messagesTo(slack("UOLA")))
			.anySatisfy(m -> assertThat(words(m)).contains("You now follow the placement of Bo Ek"));
		assertThat(commandAnswer(CORA, "change <@UADA|ada> end:2028-12-22")).contains("Changed the placement of");
		assertThat(commandAnswer(CORA, "change <@UBO|bo> end:2027-09-30"))
			.as("Bo is not in Cora's programme").doesNotContain("Changed the placement of");
		assertThat(placements.get(boPlacement.getId()).getEndDate()).isEqualTo(LocalDate.parse("2027-08-31"));

		// 5. The summer closure of KTP 2026: no prompts inside, Mobility unaffected (both on Thursdays).
		assertThat(commandAnswer(CORA, "pause program:\"KTP 2026\" from:2027-07-06 to:2027-07-31 "
				+ "reason:\"summer closure\"")).contains("KTP 2026");
		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).anySatisfy(m -> assertThat(words(m))
			.contains("Your placement now runs from 2 Nov 2026 to 22 Dec 2028."));
		assertThat(sent().messagesTo(slack(ADA))).anySatisfy(m -> assertThat(words(m))
			.contains("Your programme (KTP 2026) is closed from 6 Jul 2027 to 31 Jul 2027"));
		assertThat(sent().messagesTo(slack(BO))).noneSatisfy(m -> assertThat(words(m)).contains("closed"));
		sent().reset();
		clock.set(java.time.Instant.parse("2027-07-15T12:00:00Z"));
		dispatcher.catchUp(ada.getId());
		dispatcher.catchUp(boPlacement.getId());
		drainOutbox();
		assertThat(occurrence(ada.getId(), "2027-07-15").getSkipReason()).isEqualTo("closed");
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
		assertThat(occurrence(boPlacement.getId(), "2027-07-15").getStatus()).isEqualTo(OccurrenceStatus.SENT);
		assertThat(sent().messagesTo(slack(BO))).hasSize(1);

		// 7. A steering meeting from its brief: Ada writes; Cora schedules the quarterly steering meeting; two work
		// days before, each reader gets the brief as their role may read it (the entry is shared with the coaches).
		directMessage("EvJ1", ADA, "1764669600.000100", "Mapped the supplier network with the purchasing team", null);
		awaitAfterAckWork();
		assertThat(commandAnswer(CORA, "meeting <@UADA|ada> date:2027-07-22 title:\"Quarterly steering\""))
			.contains("on 22 Jul 2027 scheduled").contains("gets the brief on 20 Jul 2027");
		assertThat(commandAnswer(CORA, "meeting <@UBO|bo> date:2027-07-22")).as("not her programme")
			.doesNotContain("scheduled");
		sent().reset();
		clock.set(java.time.Instant.parse("2027-07-20T06:00:00Z"));
		assertThat(meetingBriefs.run()).isOne();
		drainOutbox();
		for (String coach : List.of("UANDERS", "UBEATA")) {
			assertThat(sent().messagesTo(slack(coach))).as(coach).anySatisfy(m -> assertThat(words(m))
				.contains("Mapped the supplier network"));
		}
		assertThat(sent().messagesTo(slack("UMAJA"))).as("the manager's brief has no entry shared with the coaches only")
			.isNotEmpty()
			.noneSatisfy(m -> assertThat(words(m)).contains("Mapped the supplier network"));
		assertThat(commandAnswer("UANDERS", "brief <@UADA|ada> since:2026-11-01"))
			.contains("Mapped the supplier network");
		assertThat(commandAnswer(CORA, "brief <@UBO|bo>")).as("not her programme")
			.doesNotContain("Bo Ek");

		// 9. A survey, after the summer: Cora sends the mid check now; Ada answers it in its form.
		clock.set(java.time.Instant.parse("2027-08-05T09:00:00Z"));
		SlackStub.reset();
		assertThat(commandAnswer(CORA, "survey mid-check program:\"KTP 2026\"")).contains("KTP 2026");
		assertThat(commandAnswer(CORA, "survey mid-check program:\"Mobility 2027\""))
			.as("not her programme").doesNotContain("sent to");
		drainOutbox();
		assertThat(SlackStub.messagesTo(BO)).as("Bo is in Mobility 2027").isEmpty();
		String sendId = buttonValue(SlackStub.messagesTo(ADA).get(SlackStub.messagesTo(ADA).size() - 1),
				"survey_open");
		java.util.Map<String, java.util.Map<String, tools.jackson.databind.JsonNode>> answers = new java.util.LinkedHashMap<>();
		answers.put("sq_going", java.util.Map.of("a_going", SlackInteractions.selected("radio_buttons", "4")));
		answers.put("sq_support", java.util.Map.of("a_support", SlackInteractions.selected("radio_buttons", "5")));
		assertThat(slackEvent(SlackInteractions.viewSubmission(ADA, "VJ1", "survey_answer", sendId, answers),
				SlackInteractions.FORM).statusCode()).isEqualTo(200);
		HttpResponse<String> surveyCsv = get("/api/v1/programs/KTP%202026/survey-answers.csv");
		assertThat(surveyCsv.statusCode()).as(surveyCsv.body()).isEqualTo(200);
		assertThat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(surveyCsv.body())).getRecords())
			.extracting(r -> r.get("survey") + " " + r.get("question") + " " + r.get("value"))
			.containsExactly("mid-check going 4", "mid-check support 5");

		// 10b. Hours against a total: the mobility office makes Mobility 2027 count 600 hours (and may not set KTP's);
		// Bo logs two days and sees how far he is; the office reads the figures, never his note.
		HttpResponse<String> hours = put("/api/v1/programs/Mobility%202027", mobility, "{\"requiredHours\": 600}");
		assertThat(hours.statusCode()).as(hours.body()).isEqualTo(200);
		assertThat(put("/api/v1/programs/KTP%202026", mobility, "{\"requiredHours\": 600}").statusCode())
			.isEqualTo(404);
		assertThat(commandAnswer(BO, "hours 8 date:yesterday Line visit")).contains("✅ 8 h logged for");
		assertThat(commandAnswer(BO, "hours 7.5")).contains("You've logged 15.5 of 600 hours (2 %); 584.5 to go.");
		tools.jackson.databind.JsonNode boHours = json(get("/api/v1/placements/" + boPlacement.getId() + "/hours",
				mobility).body());
		assertThat(boHours.get("loggedHours").decimalValue()).isEqualByComparingTo("15.5");
		assertThat(boHours.toString()).doesNotContain("Line visit");
		assertThat(get("/api/v1/placements/" + ada.getId() + "/hours", mobility).statusCode()).isEqualTo(404);

		// 11. A signed-off end report: Bo drafts his from his logbook and sends it; his manager approves it in Slack;
		// the mobility office fetches it.
		clock.set(java.time.Instant.parse("2027-08-23T09:00:00Z"));
		assertThat(slashCommand(BO, "report").statusCode()).isEqualTo(200);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
			.until(() -> !sent().formsFor(slack(BO)).isEmpty());
		org.fieldnotes.chat.Form draft = sent().formsFor(slack(BO)).get(sent().formsFor(slack(BO)).size() - 1);
		assertThat(draft.id()).isEqualTo("end_report");
		java.util.Map<String, java.util.Map<String, tools.jackson.databind.JsonNode>> report = new java.util.LinkedHashMap<>();
		report.put("did", java.util.Map.of("t", SlackInteractions.text("Ran the exchange with the Volvo line")));
		report.put("learnt", java.util.Map.of("t", SlackInteractions.text("Ask early")));
		report.put("goals", java.util.Map.of("t", SlackInteractions.text(null)));
		report.put("value", java.util.Map.of("t", SlackInteractions.text("A checklist the team kept")));
		report.put("next", java.util.Map.of("t", SlackInteractions.text(null)));
		tools.jackson.databind.node.ObjectNode send = JSON.createObjectNode().put("type", "checkboxes");
		send.putArray("selected_options").addObject().put("value", "submit").putObject("text")
			.put("type", "plain_text").put("text", "Send");
		report.put("send", java.util.Map.of("s", send));
		assertThat(slackEvent(SlackInteractions.viewSubmission(BO, "VJ2", "end_report", draft.metadata(), report),
				SlackInteractions.FORM).statusCode()).isEqualTo(200);
		drainOutbox();
		assertThat(slackEvent(SlackInteractions.buttonPress("UMAJA", "end_report_approve", boPlacement.getId(),
				"DUMAJA", "1764756000.000300"), SlackInteractions.FORM).statusCode()).isEqualTo(200);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> "approved".equals(
				json(get("/api/v1/placements/" + boPlacement.getId() + "/end-report", mobility).body())
					.path("state").asString()));
		tools.jackson.databind.JsonNode approved = json(get("/api/v1/placements/" + boPlacement.getId() + "/end-report",
				mobility).body());
		assertThat(approved.get("approvedBy").asString()).isEqualTo("Maja Berg");
		assertThat(approved.get("sections").get("did").asString()).isEqualTo("Ran the exchange with the Volvo line");
		drainOutbox();
		assertThat(sent().messagesTo(slack(BO))).anySatisfy(m -> assertThat(words(m))
			.contains("Maja Berg approved your end-of-placement report"));
		assertThat(get("/api/v1/placements/" + boPlacement.getId() + "/end-report", mobility).statusCode())
			.isEqualTo(200);

		// 12. The evaluation export of each programme, for each coordinator's own programme only.
		HttpResponse<String> csv = get("/api/v1/programs/KTP%202026/evaluation.csv");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv.body())).getRecords();
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("placement_id")).isEqualTo(ada.getId()));
		assertThat(csv.body()).doesNotContain("Ada Lindqvist").doesNotContain("Mapped the supplier network");
		// another programme is answered as one that does not exist
		assertThat(get("/api/v1/programs/KTP%202026/evaluation.csv", mobility).statusCode()).isEqualTo(404);
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(uri("/api/v1/programs/Mobility%202027/evaluation.pdf"))
			.header("Authorization", "Bearer " + mobility)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// Bo's hours, week by week, sum to what he logged
		List<CSVRecord> mobilityRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(get("/api/v1/programs/Mobility%202027/evaluation.csv", mobility).body()))
			.getRecords();
		assertThat(mobilityRows.stream().map(r -> new java.math.BigDecimal(r.get("hours")))
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("15.5");
	}

	// -------------------------------------------------------------------------------------------- helpers

	private Placement only(String program) {
		List<Placement> found = placements.all().stream().filter(p -> program.equals(p.getProgram())).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static String buttonValue(java.util.Map<String, String> message, String actionId) {
		for (tools.jackson.databind.JsonNode block : JSON.readTree(message.get("blocks"))) {
			if ("actions".equals(block.get("type").asString())) {
				for (tools.jackson.databind.JsonNode element : block.get("elements")) {
					if (actionId.equals(element.get("action_id").asString())) {
						return element.get("value").asString();
					}
				}
			}
		}
		throw new AssertionError("no " + actionId + " button in " + message.get("blocks"));
	}

	private PromptOccurrence occurrence(String placementId, String dueDate) {
		return mongo.findOne(Query.query(Criteria.where("placementId").is(placementId).and("dueDate")
			.is(LocalDate.parse(dueDate))), PromptOccurrence.class);
	}

	private HttpResponse<String> put(String path, String token, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private HttpResponse<String> postAs(String path, String token, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
	}

	private static void member(String id, String name) {
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"x\",\"real_name\":\"" + name
						+ "\",\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"en-GB\""
						+ ",\"profile\":{\"real_name\":\"" + name + "\",\"email\":\"" + id.toLowerCase()
						+ "@example.org\"}}}")));
	}

}
