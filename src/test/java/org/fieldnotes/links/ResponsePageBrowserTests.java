package org.fieldnotes.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.ResponseKind;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.Browser;
import org.fieldnotes.support.BrowserTest;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail digest's response page in a real browser (headless Chromium), as a coach opens it from the link: the
 * entry is shown as written, Acknowledge and a reply work through the page's own forms, the result is shown, and on
 * a phone the page fits the screen. Also the proof that the browser-test harness ({@link Browser}) works.
 */
@BrowserTest
class ResponsePageBrowserTests extends IntegrationTest {

	private static final String PUBLIC_URL = "https://fieldnotes.example.org";
	private static final String WORDS = "Bench test booked <b>for Friday</b> & the rig is ${7*7} ready";

	private static Browser browser;

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> PUBLIC_URL);
		registry.add("fieldnotes.links.secret", () -> ResponseLinksTests.SECRET);
	}

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		browser.close();
	}

	@Autowired
	ResponseLinks links;

	@Autowired
	Logbook logbook;

	@Autowired
	Responses responses;

	@Test
	void theAcademicCoachAcknowledgesAnEntryOnTheDesktop() throws Exception {
		String entryId = adasEntry();
		browser.desktop();

		browser.open(pageFor(entryId, "UANDERS"));

		assertThat(browser.visible(By.id("entry")).getText()).as("shown as written, never as markup").isEqualTo(WORDS);
		assertThat(browser.driver().getTitle()).isEqualTo("Kvittera eller svara");
		Path shown = browser.screenshot("response-page-desktop");
		browser.clickThrough(By.cssSelector("form input[value=acknowledge] ~ button"));

		assertThat(browser.awaitText(By.id("done"), "Kvitterat")).isEqualTo("✓ Kvitterat — Ada Lindqvist har fått veta det.");
		assertThat(responses.to(entryId)).singleElement()
			.satisfies(r -> assertThat(r.kind()).isEqualTo(ResponseKind.ACKNOWLEDGED));
		Path done = browser.screenshot("response-page-acknowledged");
		for (Path png : new Path[] { shown, done }) {
			assertThat(Files.readAllBytes(png)).as(png + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
		}
	}

	@Test
	void theAcademicCoachRepliesOnAPhoneAndThePageFitsTheScreen() {
		String entryId = adasEntry();
		browser.phone();

		browser.open(pageFor(entryId, "UANDERS"));

		assertThat(browser.viewportWidth()).as("a phone's width").isLessThanOrEqualTo(Browser.PHONE.getWidth());
		assertThat(browser.contentWidth()).as("nothing scrolls sideways").isLessThanOrEqualTo(browser.viewportWidth());
		String reply = "Tack! <i>Bra</i> jobbat & lycka till";
		browser.visible(By.id("reply")).sendKeys(reply);
		browser.screenshot("response-page-phone");
		browser.clickThrough(By.cssSelector("form input[value=reply] ~ button"));

		assertThat(browser.awaitText(By.id("done"), "Svaret")).isEqualTo("✓ Svaret är skickat — Ada Lindqvist har fått veta det.");
		assertThat(browser.driver().findElements(By.cssSelector(".sent blockquote")))
			.singleElement().satisfies(sent -> assertThat(sent.getText()).isEqualTo(reply));
		assertThat(responses.to(entryId)).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(ResponseKind.REPLIED);
			assertThat(r.text()).isEqualTo(reply);
		});
		browser.screenshot("response-page-phone-replied");
	}

	/** An entry Ada wrote for her coaches; its id. */
	private String adasEntry() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		return logbook.write(slack("UADA"), WORDS, Visibility.COACHES).id();
	}

	/** The signed link an e-mail digest would carry to this follower, on this test's server. */
	private String pageFor(String entryId, String follower) {
		String link = links.linkFor(entryId, keyOf(follower)).orElseThrow();
		return "http://localhost:" + port + link.substring(PUBLIC_URL.length());
	}
}
