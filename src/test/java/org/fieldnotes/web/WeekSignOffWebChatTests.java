package org.fieldnotes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.ManagerAskFixture.formKey;
import static org.fieldnotes.support.ManagerAskFixture.last;
import static org.fieldnotes.support.ManagerAskFixture.newestPlacementId;
import static org.fieldnotes.support.ManagerAskFixture.web;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.signoff.Rating;
import org.fieldnotes.signoff.WeekSignOffs;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.TestDemos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Week sign-off in the web chat, through its pages as a browser uses them: the manager's persona gets the week with
 * Green / Amber / Red, a coach's persona presses one and is refused (no form opens), the manager's persona presses
 * one, sends the form, and the participant's persona is told.
 */
@Import(TestDemos.class)
class WeekSignOffWebChatTests extends IntegrationTest {

	@Autowired
	PlacementManagement placements;

	@Autowired
	WeekSignOffs signOffs;

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
	void theManagerSignsOffFromTheWebChatAndACoachIsRefused() {
		browser.page("/");
		assertThat(browser.post("/try", "timeZone", "Europe/Stockholm", "language", "en").statusCode()).isEqualTo(302);
		String placementId = newestPlacementId(mongo);
		Placement placement = placements.get(placementId);
		ChatAccount manager = web(placement.getManager().accounts());
		mongo.getCollection("programs").insertOne(new Document("_id", ProgramSettings.keyOf(placement.getProgram()))
			.append("name", placement.getProgram()).append("hostSignOff", true));
		String week = signOffs.dueWeek(placement).orElseThrow().toString();
		assertThat(signOffs.requestDue()).isGreaterThanOrEqualTo(1);
		drainOutbox();

		// a coach's persona presses the manager's button: refused, no form
		browser.post("/chat/persona", "role", "ACADEMIC_COACH");
		browser.post("/chat/actions", "actionId", "week_signoff_green", "value", placementId + "|" + week);
		assertThat(browser.page("/chat")).contains("Only the placement&#39;s manager can sign off its weeks.");
		assertThat(signOffs.of(placementId)).isEmpty();

		browser.post("/chat/persona", "role", "MANAGER");
		String chat = browser.page("/chat");
		assertThat(chat).contains("Please sign off").contains("data-action=\"week_signoff_green\"")
			.contains("data-action=\"week_signoff_amber\"").contains("data-action=\"week_signoff_red\"");
		browser.post("/chat/actions", "actionId", "week_signoff_red", "value", placementId + "|" + week);
		assertThat(last(sent().formsFor(manager)).id()).isEqualTo("week_signoff");
		browser.post("/chat/forms", "key", formKey(browser.page("/chat")), "f:comment", "Talk on <Monday>");
		assertThat(signOffs.of(placementId)).singleElement().satisfies(s -> {
			assertThat(s.rating()).isEqualTo(Rating.RED);
			assertThat(s.comment()).isEqualTo("Talk on <Monday>");
			assertThat(s.via()).isEqualTo("web");
		});
		drainOutbox();

		browser.post("/chat/persona", "role", "PARTICIPANT");
		assertThat(browser.page("/chat")).contains("signed off week").contains("Talk on &lt;Monday&gt;");
	}
}
