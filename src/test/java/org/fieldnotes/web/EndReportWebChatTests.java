package org.fieldnotes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.ManagerAskFixture.formKey;
import static org.fieldnotes.support.ManagerAskFixture.last;
import static org.fieldnotes.support.ManagerAskFixture.newestPlacementId;
import static org.fieldnotes.support.ManagerAskFixture.web;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.endreport.EndReport;
import org.fieldnotes.endreport.EndReportState;
import org.fieldnotes.endreport.EndReports;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.TestDemos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The end-of-placement report in the web chat, through its pages as a browser uses them: the participant types
 * {@code /fieldnotes report}, fills in the form and sends it; the manager's persona returns it with a comment from its
 * button and form; the participant reads the comment, sends it again, and the manager approves it. The coaches'
 * personas press the same button and are refused.
 */
@Import(TestDemos.class)
class EndReportWebChatTests extends IntegrationTest {

	@Autowired
	PlacementManagement placements;

	@Autowired
	EndReports reports;

	WebBrowser browser;

	@BeforeEach
	void aBrowser() {
		TestDemos.ENABLED.set(true);
		browser = new WebBrowser(port);
	}

	@AfterEach
	void demoBackOn() {
		TestDemos.ENABLED.set(true);
	}

	@Test
	void theParticipantSendsItTheManagerReturnsItThenApprovesItAndCoachesAreRefused() {
		browser.page("/");
		assertThat(browser.post("/try", "timeZone", "Europe/Stockholm", "language", "en").statusCode()).isEqualTo(302);
		String placementId = newestPlacementId(mongo);
		ChatAccount participant = web(placements.get(placementId).getParticipant().accounts());
		ChatAccount manager = web(placements.get(placementId).getManager().accounts());

		browser.post("/chat/messages", "text", "/fieldnotes report");
		Form form = last(sent().formsFor(participant));
		assertThat(form.id()).isEqualTo("end_report");
		String chat = browser.page("/chat");
		assertThat(chat).contains("data-form=\"end_report\"").contains("data-field=\"did\"").contains("data-field=\"send\"");
		browser.post("/chat/forms", "key", formKey(chat), "f:did", "Built the <rig>", "f:learnt", "Measure twice",
				"f:send", "submit");
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);
		drainOutbox();

		// a coach's persona presses the manager's button: refused, nothing changes
		browser.post("/chat/persona", "role", "ACADEMIC_COACH");
		browser.post("/chat/actions", "actionId", "end_report_approve", "value", placementId);
		assertThat(browser.page("/chat")).contains("Only the placement&#39;s manager can approve or return this report.");
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.SUBMITTED);

		browser.post("/chat/persona", "role", "MANAGER");
		chat = browser.page("/chat");
		assertThat(chat).contains("for your approval").contains("Built the &lt;rig&gt;")
			.contains("data-action=\"end_report_approve\"").contains("data-action=\"end_report_return\"");
		browser.post("/chat/actions", "actionId", "end_report_return", "value", placementId);
		assertThat(last(sent().formsFor(manager)).id()).isEqualTo("end_report_return");
		browser.post("/chat/forms", "key", formKey(browser.page("/chat")), "f:comment", "Say what the rig is for");
		assertThat(reports.find(placementId).orElseThrow().state()).isEqualTo(EndReportState.RETURNED);
		drainOutbox();

		browser.post("/chat/persona", "role", "PARTICIPANT");
		assertThat(browser.page("/chat")).contains("returned your end-of-placement report with a comment")
			.contains("Say what the rig is for");
		browser.post("/chat/messages", "text", "/fieldnotes report");
		chat = browser.page("/chat");
		assertThat(last(sent().formsFor(participant)).metadata()).isEqualTo(placementId + ":1");
		browser.post("/chat/forms", "key", formKey(chat), "f:did", "Built the rig for the welding line", "f:send",
				"submit");
		drainOutbox();

		browser.post("/chat/persona", "role", "MANAGER");
		browser.post("/chat/actions", "actionId", "end_report_approve", "value", placementId);
		assertThat(browser.page("/chat")).contains("✓ Approved — ");
		EndReport approved = reports.find(placementId).orElseThrow();
		assertThat(approved.state()).isEqualTo(EndReportState.APPROVED);
		assertThat(approved.approvedVia()).isEqualTo("web");
		assertThat(approved.sections().did()).isEqualTo("Built the rig for the welding line");
		drainOutbox();
		browser.post("/chat/persona", "role", "PARTICIPANT");
		assertThat(browser.page("/chat")).contains("approved your end-of-placement report");
	}
}
