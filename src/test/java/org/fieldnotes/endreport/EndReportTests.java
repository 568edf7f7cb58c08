package org.fieldnotes.endreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.ManagerAskFixture.buttons;
import static org.fieldnotes.support.ManagerAskFixture.ephemeralsTo;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.fieldnotes.chat.Form;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.ManagerAskFixture;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The end-of-placement report from start to end, through the surfaces people use: {@code /fieldnotes report} as
 * Slack sends it (signed), the form drafted from the participant's logbook (nothing private or confidential in it),
 * saved and submitted as Slack submits a modal; the manager's Approve and Return buttons pressed as Slack sends them;
 * a manager without chat deciding from the e-mail GreenMail receives, through its link; the coordinator's JSON and
 * PDF. Everyone else is refused and nothing changes.
 */
class EndReportTests extends MailTest {

	private static final String ADA = "UADA";

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		ManagerAskFixture.signedLinks(registry);
	}

	final ManagerAskFixture asks = new ManagerAskFixture(this, "/e/");

	@Autowired
	EndReports reports;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	PlacementManagement placements;

	@Test
	void theParticipantDraftsFromTheLogbookSubmitsAndTheManagerApprovesFromSlack() {
		String placementId = enrol(ADA, "2026-09-01", "2027-02-26");
		placements.setLearningGoals(slack(ADA), List.of("Welding standards"));
		statusUpdates.submit(slack(ADA), new StatusUpdates.Report(OverallStatus.GREEN, "Rig <built> & tested", null, 4),
				null, "t:1");
		assertThat(directMessage("Ev1", ADA, "1764756000.000100", "Shared lesson: measure twice", null).statusCode())
			.isEqualTo(200);
		assertThat(directMessage("Ev2", ADA, "1764756000.000200", "PRIVATE-worry-never-drafted", null).statusCode())
			.isEqualTo(200);
		awaitAfterAckWork();
		await().atMost(Duration.ofSeconds(5)).until(() -> mongo.getCollection("logbook_entries").countDocuments() == 2);
		mongo.getCollection("logbook_entries").updateOne(new Document("text", "PRIVATE-worry-never-drafted"),
				new Document("$set", new Document("visibility", "PRIVATE")));

		Form form = openReport(ADA);
		assertThat(form.id()).isEqualTo("end_report");
		assertThat(form.metadata()).isEqualTo(placementId + ":0");
		assertThat(form.field("did").orElseThrow().initial()).contains("Week").contains("Rig <built> & tested");
		assertThat(form.field("learnt").orElseThrow().initial()).contains("Shared lesson: measure twice")
			.doesNotContain("PRIVATE-worry");
		assertThat(form.field("goals").orElseThrow().initial()).contains("Welding standards");
		assertThat(reports.find(placementId)).as("opening the form stores nothing").isEmpty();

		// saved as a draft: the manager hears nothing
		submitReport(ADA, placementId + ":0", "I built the <rig>", false);
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.DRAFT);
		drainOutbox();
		assertThat(SlackStub.messagesTo("UMAJA")).isEmpty();

		// submitted over the saved version
		Form again = openReport(ADA);
		assertThat(again.metadata()).isEqualTo(placementId + ":1");
		assertThat(again.field("did").orElseThrow().initial()).isEqualTo("I built the <rig>");
		submitReport(ADA, placementId + ":1", "I built the <rig> and ${7*7}", true);
		EndReport submitted = reports.find(placementId).orElseThrow();
		assertThat(submitted.state()).isEqualTo(EndReportState.SUBMITTED);
		assertThat(submitted.managerId()).isEqualTo(personOf("UMAJA"));
		// a stale form (version 1) changes nothing now
		submitReport(ADA, placementId + ":1", "Overwritten?", false);
		assertThat(reports.find(placementId).orElseThrow().sections().did()).isEqualTo("I built the <rig> and ${7*7}");
		assertThat(commandAnswer(ADA, "report")).isEqualTo(
				"Your report is with Maja Berg for approval. I'll tell you when they have decided.");

		drainOutbox();
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		// a store failure after the report was marked submitted kept its message from the outbox: the participant's
		// next look at it queues the message again, and a message already sent is not sent twice
		mongo.getCollection("outbox").deleteMany(new Document("key", "end-report:" + placementId + ":submitted:2"));
		SlackStub.reset();
		commandAnswer(ADA, "report");
		commandAnswer(ADA, "report");
		drainOutbox();
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		Map<String, String> toMaja = SlackStub.messagesTo("UMAJA").get(0);
		assertThat(toMaja.get("text")).isEqualTo("The end-of-placement report of Ada Lindqvist, for your approval");
		assertThat(SlackStub.blockTexts(toMaja)).contains("I built the &lt;rig&gt; and ${7*7}").contains("What I learnt");
		assertThat(buttons(toMaja, placementId)).containsExactly("end_report_approve", "end_report_return");

		// the coach, the participant: refused, nothing changes
		int adasEphemerals = ephemeralsTo(ADA).size();
		asks.press("UANDERS", "end_report_approve", placementId);
		asks.press(ADA, "end_report_approve", placementId);
		await().atMost(Duration.ofSeconds(5)).until(() -> ephemeralsTo("UANDERS").size() == 1
				&& ephemeralsTo(ADA).size() == adasEphemerals + 1);
		// each in their language: the academic coach reads Swedish
		assertThat(ephemeralsTo("UANDERS")).containsExactly(
				"Bara placeringens chef kan godkänna eller skicka tillbaka rapporten.");
		assertThat(ephemeralsTo(ADA).get(adasEphemerals))
			.isEqualTo("Only the placement's manager can approve or return this report.");
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);

		int toldAda = SlackStub.messagesTo(ADA).size();
		asks.press("UMAJA", "end_report_approve", placementId);
		await().atMost(Duration.ofSeconds(5)).until(() -> ephemeralsTo("UMAJA").size() == 1);
		assertThat(ephemeralsTo("UMAJA").get(0)).isEqualTo("✓ Approved — Ada has been told.");
		EndReport approved = reports.find(placementId).orElseThrow();
		assertThat(approved.state()).isEqualTo(EndReportState.APPROVED);
		assertThat(approved.approvedBy()).isEqualTo(personOf("UMAJA"));
		assertThat(approved.approvedVia()).isEqualTo("slack");
		assertThat(approved.approvedAt()).isEqualTo(clock.instant());
		assertThat(approved.history()).extracting(EndReport.Event::action).containsExactly(EndReport.Action.SAVED,
				EndReport.Action.SUBMITTED, EndReport.Action.APPROVED);
		// pressed again: decided already
		asks.press("UMAJA", "end_report_approve", placementId);
		await().atMost(Duration.ofSeconds(5)).until(() -> ephemeralsTo("UMAJA").size() == 2);
		assertThat(ephemeralsTo("UMAJA").get(1))
			.isEqualTo("The report of Ada was decided already; nothing changed.");
		drainOutbox();
		assertThat(SlackStub.messagesTo(ADA).subList(toldAda, SlackStub.messagesTo(ADA).size()))
			.extracting(m -> m.get("text")).containsExactly("✓ Maja Berg approved your end-of-placement report.");
		assertThat(commandAnswer(ADA, "report")).isEqualTo("Your report was approved by Maja Berg. Nothing more to do.");
		// the programme's coordinators are told too
		assertThat(SlackStub.messagesTo("UADMIN1")).extracting(m -> m.get("text"))
			.contains("The end-of-placement report of Ada Lindqvist (KTP 2026) was approved by Maja Berg.");

		// the coordinator: JSON and a PDF, audited
		JsonNode shown = json(get("/api/v1/placements/" + placementId + "/end-report").body());
		assertThat(shown.get("state").asString()).isEqualTo("approved");
		assertThat(shown.get("approvedBy").asString()).isEqualTo("Maja Berg");
		assertThat(shown.get("approvedVia").asString()).isEqualTo("slack");
		assertThat(shown.get("sections").get("did").asString()).isEqualTo("I built the <rig> and ${7*7}");
		assertThat(shown.get("history")).extracting(step -> step.get("action").asString())
			.containsExactly("saved", "submitted", "approved");
		HttpResponse<byte[]> pdf = sendBytes(HttpRequest.newBuilder(uri("/api/v1/placements/" + placementId
				+ "/end-report")).header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "application/pdf")
			.GET().build());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(mongo.getCollection("audit").find().map(d -> d.getString("action")).into(new ArrayList<>()))
			.contains("end-report-submit", "end-report-approve", "end-report");
	}

	@Test
	void theManagerReturnsItWithACommentAndTheParticipantEditsAndResubmits() {
		String placementId = enrol(ADA, "2026-09-01", "2027-02-26");
		openReport(ADA);
		submitReport(ADA, placementId + ":0", "First try", true);
		drainOutbox();

		asks.press("UMAJA", "end_report_return", placementId);
		await().atMost(Duration.ofSeconds(5)).until(() -> !sent().formsFor(slack("UMAJA")).isEmpty());
		Form comment = sent().formsFor(slack("UMAJA")).get(0);
		assertThat(comment.id()).isEqualTo("end_report_return");
		assertThat(comment.metadata()).isEqualTo(placementId);
		// no comment: the form says what to do, nothing changes
		String empty = submit("UMAJA", "end_report_return", placementId, Map.of("comment", Map.of("c",
				SlackInteractions.text(null))));
		assertThat(empty).contains("Write what should change");
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);
		// the coach cannot return it through the form either
		assertThat(submit("UANDERS", "end_report_return", placementId, Map.of("comment", Map.of("c",
				SlackInteractions.text("Rewrite it"))))).contains("Bara placeringens chef");
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);

		int toldAda = SlackStub.messagesTo(ADA).size();
		submit("UMAJA", "end_report_return", placementId, Map.of("comment", Map.of("c",
				SlackInteractions.text("Say more about the <rig>"))));
		EndReport returned = reports.find(placementId).orElseThrow();
		assertThat(returned.state()).isEqualTo(EndReportState.RETURNED);
		assertThat(returned.returnComment()).isEqualTo("Say more about the <rig>");
		assertThat(returned.history().get(returned.history().size() - 1).comment()).isEqualTo("Say more about the <rig>");
		drainOutbox();
		Map<String, String> told = SlackStub.messagesTo(ADA).get(toldAda);
		assertThat(told.get("text")).isEqualTo("Maja Berg returned your end-of-placement report with a comment.");
		assertThat(SlackStub.blockTexts(told)).contains("Say more about the &lt;rig&gt;");

		Form again = openReport(ADA);
		assertThat(again.metadata()).isEqualTo(placementId + ":1");
		assertThat(again.elements()).anySatisfy(e -> assertThat(e).isInstanceOf(Form.Note.class)
			.extracting(n -> ((Form.Note) n).text()).asString().contains("Say more about the <rig>"));
		submitReport(ADA, placementId + ":1", "Second try, with the rig", true);
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);
		drainOutbox();
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(2);
	}

	@Test
	void aManagerWithoutChatDecidesFromTheEmailsLinkAndOnlyAPostActs() throws Exception {
		String placementId = asks.enrolWithManagerByEmail(ADA, "2026-09-01", "2027-02-26");
		openReport(ADA);
		submitReport(ADA, placementId + ":0", "<script>alert(1)</script> ${7*7} welding", true);
		drainOutbox();

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).contains("maja@host.example");
		assertThat(received[0].getSubject()).isEqualTo("Slutrapporten från Ada Lindqvist, för ditt godkännande");
		String token = asks.linkToken(MailParts.texts(received[0]).get("text/plain"));

		HttpResponse<String> page = asks.page(token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).contains("<html lang=\"sv\"").contains("Slutrapporten från Ada Lindqvist")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} welding").doesNotContain("<script")
			.contains("value=\"approve\"").contains("value=\"return\"");
		assertThat(reports.find(placementId).orElseThrow().state()).as("GET changes nothing")
			.isEqualTo(EndReportState.SUBMITTED);
		assertThat(asks.post(token, "action=return").statusCode()).as("a return needs a comment").isEqualTo(400);
		assertThat(asks.post(token, "action=delete").statusCode()).isEqualTo(303);
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);
		// forged: refused
		assertThat(asks.post(token.substring(0, token.length() - 2) + "xx", "action=approve").statusCode()).isEqualTo(403);
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);

		HttpResponse<String> approved = asks.post(token, "action=approve");
		assertThat(approved.statusCode()).isEqualTo(303);
		assertThat(approved.headers().firstValue("Location")).hasValue(token + "?done=APPROVED");
		EndReport report = reports.find(placementId).orElseThrow();
		assertThat(report.state()).isEqualTo(EndReportState.APPROVED);
		assertThat(report.approvedVia()).isEqualTo("email");
		assertThat(report.approvedBy()).isEqualTo(keyOfAddress("maja@host.example"));
		assertThat(asks.page(token + "?done=APPROVED").body()).contains("✓ Godkänd — Ada Lindqvist har fått veta.")
			.doesNotContain("value=\"approve\"");
		assertThat(asks.post(token, "action=return&comment=" + URLEncoder.encode("Too late", StandardCharsets.UTF_8))
			.statusCode()).as("decided already: nothing changes").isEqualTo(303);
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.APPROVED);
		assertThat(json(get("/api/v1/placements/" + placementId + "/end-report").body()).get("approvedVia").asString())
			.isEqualTo("email");

		clock.advance(Duration.ofDays(15));
		assertThat(asks.page(token).statusCode()).isEqualTo(410);
		assertThat(asks.post(token, "action=approve").statusCode()).isEqualTo(410);
	}

	@Test
	void theApiShowsADraftsStateButNotItsWordsAndNoPdfOfIt() {
		String placementId = enrol(ADA, "2026-09-01", "2027-02-26");
		assertThat(get("/api/v1/placements/" + placementId + "/end-report").statusCode()).isEqualTo(404);
		openReport(ADA);
		submitReport(ADA, placementId + ":0", "Draft words only Ada sees", false);

		HttpResponse<String> draft = get("/api/v1/placements/" + placementId + "/end-report");
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(json(draft.body()).get("state").asString()).isEqualTo("draft");
		assertThat(draft.body()).doesNotContain("Draft words");
		HttpResponse<String> pdf = send(HttpRequest.newBuilder(uri("/api/v1/placements/" + placementId + "/end-report"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "application/pdf").GET().build());
		assertThat(pdf.statusCode()).isEqualTo(409);
		assertThat(pdf.body()).doesNotContain("Draft words");
		assertThat(get("/api/v1/placements/no-such/end-report").statusCode()).isEqualTo(404);
	}

	@Test
	void theReportIsInTheParticipantsExportGoesWithTheirErasureAndAManagersErasurePseudonymisesThem() {
		String placementId = enrol(ADA, "2026-09-01", "2027-02-26");
		openReport(ADA);
		submitReport(ADA, placementId + ":0", "Report words of Ada", false);
		JsonNode draft = json(get("/api/v1/people/" + keyOf(ADA) + "/export").body()).get("end_reports");
		assertThat(draft).hasSize(1);
		assertThat(draft.get(0).has("sections")).as("an admin's export withholds a draft's words").isFalse();

		openReport(ADA);
		submitReport(ADA, placementId + ":1", "Report words of Ada", true);
		asks.press("UMAJA", "end_report_approve", placementId);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> reports.find(placementId).orElseThrow().state() == EndReportState.APPROVED);
		assertThat(get("/api/v1/people/" + keyOf(ADA) + "/export").body()).contains("Report words of Ada");

		String maja = personOf("UMAJA");
		assertThat(asks.erase(keyOf("UMAJA")).statusCode()).isEqualTo(200);
		EndReport kept = reports.find(placementId).orElseThrow();
		assertThat(kept.sections().did()).isEqualTo("Report words of Ada");
		assertThat(kept.managerId()).isNotEqualTo(maja);
		assertThat(kept.approvedBy()).isNotEqualTo(maja);
		assertThat(kept.history()).extracting(EndReport.Event::by).doesNotContain(maja);

		assertThat(asks.erase(keyOf(ADA)).statusCode()).isEqualTo(200);
		assertThat(reports.find(placementId)).isEmpty();
	}

	@Test
	void theRetentionSweepPurgesTheReportWithItsPlacement() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-31");
		openReport(ADA);
		submitReport(ADA, placementId + ":0", "Words kept a year", false);
		clock.set(java.time.Instant.parse("2027-12-30T23:00:00Z"));

		HttpResponse<String> swept = postJson("/api/v1/retention:sweep", "");

		assertThat(swept.statusCode()).isEqualTo(200);
		assertThat(json(swept.body()).get("deleted").get("end_reports").asLong()).isEqualTo(1);
		assertThat(reports.find(placementId)).isEmpty();
	}

	@Test
	void someoneWhoIsNoParticipantGetsNoForm() {
		assertThat(commandAnswer("UMALLORY", "report"))
			.isEqualTo("Only a participant writes an end-of-placement report, and you are not enrolled in a placement.");
		assertThat(sent().formsFor(slack("UMALLORY"))).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private Form openReport(String userId) {
		int before = sent().formsFor(slack(userId)).size();
		assertThat(slashCommand(userId, "report").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> sent().formsFor(slack(userId)).size() > before);
		List<Form> forms = sent().formsFor(slack(userId));
		return forms.get(forms.size() - 1);
	}

	private String submitReport(String userId, String metadata, String did, boolean send) {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("did", Map.of("t", SlackInteractions.text(did)));
		values.put("learnt", Map.of("t", SlackInteractions.text("Measure twice")));
		values.put("goals", Map.of("t", SlackInteractions.text(null)));
		values.put("value", Map.of("t", SlackInteractions.text("A working rig")));
		values.put("next", Map.of("t", SlackInteractions.text(null)));
		ObjectNode box = JSON.createObjectNode().put("type", "checkboxes");
		var options = box.putArray("selected_options");
		if (send) {
			options.addObject().put("value", "submit").putObject("text").put("type", "plain_text").put("text", "Send");
		}
		values.put("send", Map.of("s", box));
		return submit(userId, "end_report", metadata, values);
	}

	private String submit(String userId, String callbackId, String metadata, Map<String, Map<String, JsonNode>> values) {
		HttpResponse<String> ack = slackEvent(SlackInteractions.viewSubmission(userId, "V" + System.nanoTime(),
				callbackId, metadata, values), SlackInteractions.FORM);
		assertThat(ack.statusCode()).isEqualTo(200);
		return ack.body();
	}

	private HttpResponse<byte[]> sendBytes(HttpRequest request) {
		try {
			return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
