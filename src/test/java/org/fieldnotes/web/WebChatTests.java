package org.fieldnotes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.TestDemos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The web chat at the chat port, through its pages as a browser uses them (real HTTP, a session cookie, the CSRF
 * token of the page): Try it, prompts and their buttons, typed text, commands, forms, the Home, and who may see what.
 */
@Import(TestDemos.class)
class WebChatTests extends IntegrationTest {

	private static final Pattern MESSAGE = Pattern.compile("data-message=\"([0-9a-f]+)\"");

	@Autowired
	Logbook logbook;

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

	/** Tries the demo in {@code browser}: the chat page as the participant. */
	private String tryIt(WebBrowser browser) {
		String landing = browser.page("/");
		assertThat(landing).contains("data-test=\"try-it\"");
		HttpResponse<String> tried = browser.post("/try", "timeZone", "Europe/Stockholm", "language", "en");
		assertThat(tried.statusCode()).as(tried.body()).isEqualTo(302);
		assertThat(tried.headers().firstValue("Location").orElseThrow()).endsWith("/chat");
		return browser.page("/chat");
	}

	private String placementOf(WebBrowser browser) {
		return placements().get(placements().size() - 1);
	}

	private List<String> placements() {
		return mongo.findAll(org.bson.Document.class, "placements").stream().map(d -> d.get("_id").toString()).toList();
	}

	@Test
	void tryItGivesTheSessionTheFourPeopleAndOpensTheChatAsTheParticipant() {
		String chat = tryIt(browser);

		assertThat(chat).contains("data-persona=\"PARTICIPANT\"", "data-persona=\"MANAGER\"",
				"data-persona=\"ACADEMIC_COACH\"", "data-persona=\"BUSINESS_COACH\"");
		assertThat(chat).contains("Ada Lindqvist").contains("data-test=\"demo-banner\"")
			.contains("data-demo=\"prompt\"").contains("data-demo=\"digest\"").contains("data-test=\"home\"")
			.contains("id=\"text\"").contains("id=\"send\"");
		assertThat(chat).contains("/webjars/htmx.org/").contains("/webjars/htmx-ext-sse/");
	}
}
