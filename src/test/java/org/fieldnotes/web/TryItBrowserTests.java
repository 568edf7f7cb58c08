package org.fieldnotes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.ResponseButtons;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.ResponseKind;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.support.Browser;
import org.fieldnotes.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The whole loop as a newcomer walks it, in headless Chromium against the application as {@code ./mvnw
 * spring-boot:run} starts it with no settings at all: no chat platform, the embedded store, Quartz and the outbox's
 * background worker running. Open the front page, Try it, get the next prompt, answer it in its form (a message
 * arriving meanwhile does not touch what is being typed), see the entry on the Home, switch to the academic coach,
 * have this week's digest sent, read it (the shared and the confidential entry are in it, the private one is not),
 * acknowledge the answer, switch back and see the acknowledgement as the participant; and on a phone the chat fits
 * the screen. A screenshot of each step is saved under {@code target/screenshots/try-it-*.png} (the README shows
 * some of them).
 */
@BrowserTest
class TryItBrowserTests {

	/** What the newcomer writes: markup and a template expression, to be shown as typed everywhere. */
	private static final String WORDS = "Paired with Lena on the <b>test rig</b> & learnt more than in a week of ${reading}";
	private static final String VISITORS_ZONE = "Europe/Stockholm";
	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	static Path data;

	private static ConfigurableApplicationContext app;
	private static Browser browser;
	private static String base;

	@BeforeAll
	static void startFieldnotesAndABrowser() {
		app = new SpringApplicationBuilder(FieldnotesApplication.class).run("--server.port=0",
				"--fieldnotes.store.uri=", "--fieldnotes.store.data-dir=" + data, "--fieldnotes.slack.bot-token=",
				"--fieldnotes.slack.app-token=", "--fieldnotes.slack.signing-secret=", "--fieldnotes.admin.token=");
		base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
		browser = Browser.start(VISITORS_ZONE);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (app != null) {
			app.close();
		}
	}

	@Test
	void aNewcomerWalksTheWholeLoopInTheBrowser() throws Exception {
		List<Path> shots = new ArrayList<>();
		browser.desktop();

		// 1. the front page says what Fieldnotes is and offers Try it
		browser.open(base + "/");
		assertThat(browser.driver().getTitle()).contains("Fieldnotes");
		assertThat(browser.visible(By.id("timeZone-shown")).getText()).as("the visitor's own zone").isEqualTo(VISITORS_ZONE);
		shots.add(browser.screenshot("try-it-1-front-page"));

		// 2. Try it: a demo placement in the visitor's zone, and the chat as its participant
		browser.clickThrough(By.cssSelector("[data-test=try-it]"));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/chat");
		assertThat(browser.visible(By.cssSelector("[data-test=demo-banner]")).getText()).isNotBlank();
		assertThat(pressed("PARTICIPANT")).isTrue();
		Document placement = mongo().getCollection("placements").find().first();
		assertThat(placement).isNotNull();
		String placementId = placement.get("_id").toString();
		assertThat(mongo().getCollection("demo_placements").countDocuments()).isEqualTo(1);
		assertThat(mongo().getCollection("people").countDocuments(new Document("timezone", VISITORS_ZONE)))
			.as("four people in the browser's time zone").isEqualTo(4);
		shots.add(browser.screenshot("try-it-2-chat"));

		// 3. the next prompt, now, with its buttons
		browser.click(By.cssSelector("[data-demo=prompt]"));
		By write = By.cssSelector("[data-action=" + PromptButtons.WRITE + "]");
		browser.visible(write);
		assertThat(browser.driver().findElements(By.cssSelector("[data-action=" + PromptButtons.SNOOZE + "]"))).isNotEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("[data-action=" + PromptButtons.SKIP + "]"))).isNotEmpty();
		shots.add(browser.screenshot("try-it-3-prompt"));

		// 4. answer it in its form; a message arriving meanwhile redraws the conversation, never what is being typed;
		// the answer is a logbook entry, shown as written on the Home
		browser.click(write);
		By firstQuestion = By.cssSelector("[data-test=form] textarea");
		browser.visible(firstQuestion).sendKeys(WORDS);
		String participant = mongo().getCollection("demo_placements").find().first().getList("accountKeys", String.class)
			.get(0).substring("web:".length());
		app.getBean(Messenger.class).sendDirect(new ChatAccount("web", null, participant),
				ChatMessage.text("A message arriving while you type"));
		browser.awaitText(By.id("conversation"), "A message arriving while you type");
		assertThat(browser.visible(firstQuestion).getDomProperty("value")).as("still as typed").isEqualTo(WORDS);
		shots.add(browser.screenshot("try-it-4-form"));
		browser.click(By.id("form-submit"));
		until(() -> browser.driver().findElements(By.cssSelector("[data-test=form]")).isEmpty());
		LogbookEntry entry = until(() -> entries(placementId).stream().filter(e -> e.text().contains(WORDS)).findFirst()
			.orElse(null));
		String home = browser.awaitText(By.cssSelector("[data-test=home]"), WORDS.substring(0, 30));
		assertThat(home).as("escaped, never markup or a template").contains(WORDS.substring(0, 60));
		shots.add(browser.screenshot("try-it-5-answered"));

		// 5. the academic coach has this week's digest sent and reads it as they would get it
		browser.clickThrough(By.cssSelector("[data-persona=ACADEMIC_COACH]"));
		assertThat(pressed("ACADEMIC_COACH")).isTrue();
		browser.click(By.cssSelector("[data-demo=digest]"));
		String conversation = browser.awaitText(By.id("conversation"), WORDS.substring(0, 30));
		assertThat(conversation).contains(WORDS).contains(demoText("demo.entry.confidential"));
		assertThat(browser.driver().getPageSource()).as("the private entry is in nobody's digest")
			.doesNotContain(demoText("demo.entry.private"));
		shots.add(browser.screenshot("try-it-6-digest"));

		// 6. acknowledge the answer from the digest
		By acknowledge = By.xpath("//form[input[@name='value' and @value='" + entry.id() + "']]/button[@data-action='"
				+ ResponseButtons.ACKNOWLEDGE + "']");
		browser.click(acknowledge);
		until(() -> responses().to(entry.id()).stream().anyMatch(r -> r.kind() == ResponseKind.ACKNOWLEDGED) ? true
				: null);
		browser.awaitText(By.id("conversation"), "✓");
		shots.add(browser.screenshot("try-it-7-acknowledged"));

		// 7. the participant is told that their academic coach read it
		browser.clickThrough(By.cssSelector("[data-persona=PARTICIPANT]"));
		String readBy = app.getBean(MessageSource.class).getMessage("replies.notice.ACKNOWLEDGED.ACADEMIC_COACH",
				new Object[] { "\u0000", "\u0000" }, Locale.ENGLISH).split("\u0000")[0];
		assertThat(readBy).startsWith("Your academic coach");
		browser.awaitText(By.id("conversation"), readBy);
		shots.add(browser.screenshot("try-it-8-participant-told"));

		// 8. on a phone, the chat fits the screen and the Home is a tab away
		browser.phone();
		browser.open(base + "/chat");
		assertThat(browser.contentWidth()).as("no sideways scrolling").isLessThanOrEqualTo(browser.viewportWidth());
		shots.add(browser.screenshot("try-it-9-phone-chat"));
		browser.click(By.cssSelector("label[for=tab-home]"));
		assertThat(browser.visible(By.cssSelector("[data-test=home]")).getText()).contains(WORDS.substring(0, 30));
		shots.add(browser.screenshot("try-it-10-phone-home"));

		for (Path png : shots) {
			assertThat(Files.readAllBytes(png)).as(png + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
		}
	}

	private static boolean pressed(String role) {
		return "true".equals(browser.visible(By.cssSelector("[data-persona=" + role + "]")).getAttribute("aria-pressed"));
	}

	private static MongoTemplate mongo() {
		return app.getBean(MongoTemplate.class);
	}

	private static Responses responses() {
		return app.getBean(Responses.class);
	}

	private static List<LogbookEntry> entries(String placementId) {
		return app.getBean(Logbook.class).entries(placementId, false);
	}

	private static String demoText(String key) {
		return app.getBean(MessageSource.class).getMessage(key, null, Locale.ENGLISH);
	}

	/** Waits until {@code condition} gives something other than {@literal null} or {@code false}; returns it. */
	private static <T> T until(java.util.function.Supplier<T> condition) {
		return new WebDriverWait(browser.driver(), WAIT).until(d -> {
			T value = condition.get();
			return Boolean.FALSE.equals(value) ? null : value;
		});
	}
}
