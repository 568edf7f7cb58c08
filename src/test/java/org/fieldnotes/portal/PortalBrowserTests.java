package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fieldnotes.support.Browser;
import org.fieldnotes.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The portal in a real browser (headless Chromium): the business coach opens the portal, is sent to sign in, asks
 * for a link, opens the one mailed to her (read from GreenMail), presses Sign in, is back on My placements with her
 * placement and not another's, opens its timeline, and reads the entry shared with her coaches, not Ada's private
 * or confidential one, acknowledges the shared entry there, then searches from the header and finds the shared words marked, never the confidential
 * ones. The pages' own style sheet loads under the strict Content-Security-Policy. Screenshots go to
 * {@code target/screenshots/portal-*.png}.
 */
@BrowserTest
class PortalBrowserTests extends PortalTest {

	private static Browser browser;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		browser.close();
	}

	@Test
	void aCoachSignsInThroughTheMailedLinkAndReadsOnlyWhatIsSharedWithHer() throws Exception {
		placements();
		browser.desktop();

		browser.open(local("/portal"));
		assertThat(browser.driver().getCurrentUrl()).as("sent to sign in").isEqualTo(local(SignInController.PAGE));
		browser.visible(By.id("address")).sendKeys(BEATA);
		browser.clickThrough(By.cssSelector("form.sign-in button[type=submit]"));
		assertThat(browser.visible(By.cssSelector("[data-test=notice]")).getText())
			.startsWith("If that address belongs to someone in Fieldnotes");

		String token = token(mailsTo(BEATA).get(0));
		browser.open(local(SignInController.LINK + "?token=" + token));
		Path link = browser.screenshot("portal-sign-in-link");
		browser.clickThrough(By.id("sign-in"));

		assertThat(browser.driver().getCurrentUrl()).startsWith(local(PortalController.HOME));
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Mina placeringar");
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr[data-placement]"));
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.getAttribute("data-placement")).isEqualTo(p);
			assertThat(row.getText()).contains("Ada Lindqvist").contains("handledare på företaget");
		});
		assertThat(browser.driver().getPageSource()).doesNotContain("Bruno").doesNotContain(p2);
		assertThat(browser.script("return getComputedStyle(document.querySelector('table.placements')).borderCollapse"))
			.as("portal.css loaded under the Content-Security-Policy").isEqualTo("collapse");
		Path placements = browser.screenshot("portal-my-placements");

		browser.clickThrough(By.cssSelector("a[data-test=placement-link]"));
		List<String> words = browser.driver().findElements(By.cssSelector("li.item .words")).stream()
			.map(WebElement::getText).toList();
		assertThat(words).contains(SHARED, PROGRESS).doesNotContain(PRIVATE, CONFIDENTIAL);
		assertThat(browser.driver().getPageSource()).doesNotContain("Private:").doesNotContain("Confidential:");
		Path timeline = browser.screenshot("portal-timeline");

		// acknowledge the shared entry from the timeline: back on it, told it is done, her acknowledgement under it
		String shared = mongo.getCollection("logbook_entries").find(new org.bson.Document("text", SHARED)).first()
			.getString("_id");
		browser.clickThrough(By.cssSelector("li[data-id='" + shared + "'] button[data-test=acknowledge]"));
		assertThat(browser.visible(By.cssSelector("li[data-id='" + shared + "'] [data-test=done]")).getText())
			.startsWith("✓ Klart");
		assertThat(browser.visible(By.cssSelector("li[data-id='" + shared + "'] ul.responses")).getText())
			.isEqualTo("✓ Läst av handledare på företaget");
		assertThat(mongo.getCollection("entry_responses").countDocuments(new org.bson.Document("entryId", shared)))
			.isEqualTo(1);

		// search from the header: the words marked, nothing she may not read
		browser.clickThrough(By.cssSelector("a[data-test=search-link]"));
		browser.visible(By.id("q")).sendKeys("bänk rig");
		browser.clickThrough(By.cssSelector("form.search button[type=submit]"));
		assertThat(browser.visible(By.cssSelector("[data-test=results] h2")).getText()).isEqualTo("Inget hittades");
		browser.visible(By.id("q")).clear();
		browser.visible(By.id("q")).sendKeys("RIG");
		browser.clickThrough(By.cssSelector("form.search button[type=submit]"));
		assertThat(browser.driver().findElements(By.cssSelector("[data-test=results] mark")).stream()
			.map(WebElement::getText).toList()).containsExactlyInAnyOrder("rig", "Rig");
		browser.visible(By.id("q")).clear();
		browser.visible(By.id("q")).sendKeys("sleeping");
		browser.clickThrough(By.cssSelector("form.search button[type=submit]"));
		assertThat(browser.visible(By.cssSelector("[data-test=results] h2")).getText()).isEqualTo("Inget hittades");
		assertThat(browser.driver().findElements(By.cssSelector("li.item"))).isEmpty();
		browser.visible(By.id("q")).clear();
		browser.visible(By.id("q")).sendKeys("bench");
		browser.clickThrough(By.cssSelector("form.search button[type=submit]"));
		assertThat(browser.visible(By.cssSelector("li.item .words")).getText()).isEqualTo(SHARED);
		Path search = browser.screenshot("portal-search");

		for (Path png : new Path[] { link, placements, timeline, search }) {
			assertThat(Files.readAllBytes(png)).as(png + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
		}
	}

	private String local(String path) {
		return "http://localhost:" + port + path;
	}
}
