package org.fieldnotes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.placement.PlacementManagement;
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

	@Autowired
	PlacementManagement placementManagement;

	@Autowired
	WebPersonalData webPersonalData;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	WebEvents events;

	@Autowired
	org.fieldnotes.logbook.Responses responses;

	@Autowired
	org.fieldnotes.logbook.StatusUpdates statusUpdates;

	@Autowired
	org.fieldnotes.logbook.Blockers blockers;

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

	/** The web account of the demo's person in this role. */
	private ChatAccount account(String placementId, String role) {
		var placement = placementManagement.get(placementId);
		var person = switch (role) {
			case "MANAGER" -> placement.getManager();
			case "ACADEMIC_COACH" -> placement.getAcademicCoach();
			case "BUSINESS_COACH" -> placement.getBusinessCoach();
			default -> placement.getParticipant();
		};
		return person.accounts().stream().filter(a -> a.platform().equals("web")).findFirst().orElseThrow();
	}

	private static List<String> messageIds(String page) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = MESSAGE.matcher(page);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	/** The id of the last kept message that has a button with this action id. */
	private static String messageWith(String page, String actionId) {
		String last = null;
		for (String id : messageIds(page)) {
			int start = page.indexOf("data-message=\"" + id + "\"");
			int end = page.indexOf("</li>", start);
			if (page.substring(start, end).contains("data-action=\"" + actionId + "\"")) {
				last = id;
			}
		}
		assertThat(last).as("a message with a " + actionId + " button").isNotNull();
		return last;
	}

	/** The value of the first button with this action id in the part of the page that starts at {@code from}. */
	private static String buttonValue(String page, String from, String actionId) {
		int start = page.indexOf("data-message=\"" + from + "\"");
		String part = page.substring(start, page.indexOf("</li>", start));
		Matcher matcher = Pattern.compile("name=\"actionId\" value=\"" + Pattern.quote(actionId)
				+ "\">\\s*<input type=\"hidden\" name=\"value\" value=\"([^\"]*)\"").matcher(part);
		assertThat(matcher.find()).as("a " + actionId + " button in " + part).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> press(WebBrowser browser, String actionId, String value, String messageId) {
		return messageId == null ? browser.post("/chat/actions", "actionId", actionId, "value", value)
				: browser.post("/chat/actions", "actionId", actionId, "value", value, "messageId", messageId);
	}

	private static String formKey(String page) {
		Matcher matcher = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("an open form").isTrue();
		return matcher.group(1);
	}

	private List<LogbookEntry> entries(String placementId) {
		return logbook.entries(placementId, false);
	}

	@Test
	void aPromptArrivesWithItsButtonsWhichOpenItsForm() {
		tryIt(browser);
		ChatAccount ada = account(placementOf(browser), "PARTICIPANT");

		assertThat(browser.post("/try/prompt").statusCode()).isEqualTo(302);

		String chat = browser.page("/chat");
		assertThat(sent().messagesTo(ada)).hasSize(1);
		String prompt = messageWith(chat, "prompt_skip");
		assertThat(chat).contains("data-action=\"prompt_snooze\"");
		String primary = chat.contains("data-action=\"prompt_write\"") ? "prompt_write" : "prompt_status";
		press(browser, primary, buttonValue(chat, prompt, primary), prompt);
		Form form = sent().formsFor(ada).get(sent().formsFor(ada).size() - 1);
		chat = browser.page("/chat");
		assertThat(chat).contains("data-test=\"form\"").contains("data-form=\"" + form.id() + "\"");
		for (Form.Field field : form.fields()) {
			assertThat(chat).contains("data-field=\"" + field.id() + "\"");
		}

		browser.post("/chat/forms/cancel", "key", formKey(chat));
		assertThat(browser.page("/chat")).doesNotContain("data-test=\"form\"");
	}

	@Test
	void aFormWithABadFieldShowsTheFieldsMessageAndSavesNothingUntilItIsFilledIn() {
		tryIt(browser);
		String placementId = placementOf(browser);
		ChatAccount ada = account(placementId, "PARTICIPANT");
		press(browser, "home_write", "", null);
		Form form = sent().formsFor(ada).get(sent().formsFor(ada).size() - 1);
		Form.Field text = form.fields().stream().filter(f -> f.kind() == Form.Kind.LONG_TEXT).findFirst().orElseThrow();
		String chat = browser.page("/chat");
		assertThat(chat).contains("data-field=\"" + text.id() + "\"").contains("id=\"form-submit\"");

		// sent empty: the field says what to do, the form stays open, nothing is saved
		String key = formKey(chat);
		browser.post("/chat/forms", "key", key, "f:" + text.id(), "   ");
		chat = browser.page("/chat");
		assertThat(chat).contains("data-error=\"" + text.id() + "\"").contains("Please fill this in.");
		assertThat(entries(placementId)).isEmpty();
		// too long: the handler's own limit, said on the field
		browser.post("/chat/forms", "key", key, "f:" + text.id(), "x".repeat(text.maxLength() + 1));
		assertThat(browser.page("/chat")).contains("data-error=\"" + text.id() + "\"");
		assertThat(entries(placementId)).isEmpty();

		List<String> fields = new ArrayList<>(List.of("key", key));
		for (Form.Field field : form.fields()) {
			fields.add("f:" + field.id());
			fields.add(field.isChoice() ? field.options().get(0).value() : "The line is running again.");
		}
		browser.post("/chat/forms", fields.toArray(String[]::new));

		assertThat(browser.page("/chat")).doesNotContain("data-test=\"form\"");
		assertThat(entries(placementId)).extracting(LogbookEntry::text).containsExactly("The line is running again.");
	}

	@Test
	void aSurveyArrivesWithItsButtonWhichOpensItsFormAndABadAnswerIsNamedUntilItIsRight() {
		tryIt(browser);
		String placementId = placementOf(browser);
		ChatAccount ada = account(placementId, "PARTICIPANT");
		String program = java.net.URLEncoder.encode(placementManagement.get(placementId).getProgram(),
				java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		assertThat(postJson("/api/v1/programs/" + program + "/surveys/mid-check:send", "").statusCode()).isEqualTo(202);
		drainOutbox();

		String chat = browser.page("/chat");
		String survey = messageWith(chat, "survey_open");
		assertThat(chat).contains("Halfway");
		press(browser, "survey_open", buttonValue(chat, survey, "survey_open"), survey);
		Form form = sent().formsFor(ada).get(sent().formsFor(ada).size() - 1);
		assertThat(form.id()).isEqualTo("survey_answer");
		assertThat(form.fields()).extracting(f -> f.id() + " " + f.kind())
			.containsExactly("sq_going RADIO", "sq_support RADIO", "sq_change LONG_TEXT");
		chat = browser.page("/chat");
		String key = formKey(chat);

		// a value the scale does not have, a required one left out: each field says so, nothing is stored
		browser.post("/chat/forms", "key", key, "f:sq_going", "7", "f:sq_change", "More pairing");
		chat = browser.page("/chat");
		assertThat(chat).contains("data-error=\"sq_going\"").contains("data-error=\"sq_support\"");
		assertThat(mongo.getCollection("survey_answers").countDocuments()).isZero();

		browser.post("/chat/forms", "key", key, "f:sq_going", "4", "f:sq_support", "5", "f:sq_change", "More pairing");
		assertThat(browser.page("/chat")).contains("your answers are saved");
		org.bson.Document stored = mongo.getCollection("survey_answers").find().first();
		assertThat(stored.getString("placementId")).isEqualTo(placementId);
		assertThat(stored.getList("answers", org.bson.Document.class))
			.extracting(a -> a.getString("questionId") + "=" + a.get("number") + "/" + a.get("text"))
			.containsExactly("going=4/null", "support=5/null", "change=null/More pairing");
	}

	@Test
	void theMonthsFirstPromptAsksWhichGoalMovedAndABadAnswerIsNamedUntilItIsRight() {
		tryIt(browser);
		String placementId = placementOf(browser);
		ChatAccount ada = account(placementId, "PARTICIPANT");
		placementManagement.setLearningGoals(ada, List.of("Run a design review", "Present to the steering group"));
		browser.post("/try/prompt");

		String chat = browser.page("/chat");
		String prompt = messageWith(chat, "goal_progress");
		assertThat(chat).contains("Which goal moved?");
		press(browser, "goal_progress", buttonValue(chat, prompt, "goal_progress"), prompt);
		Form form = sent().formsFor(ada).get(sent().formsFor(ada).size() - 1);
		assertThat(form.id()).isEqualTo("goal_progress");
		assertThat(form.fields()).extracting(f -> f.id() + " " + f.kind())
			.containsExactly("moved CHECKBOXES", "note_0 LONG_TEXT", "note_1 LONG_TEXT", "visibility SELECT");
		chat = browser.page("/chat");
		String key = formKey(chat);

		// a goal the list does not have: the field says so, nothing is stored
		browser.post("/chat/forms", "key", key, "f:moved", "5", "f:visibility", "coaches");
		chat = browser.page("/chat");
		assertThat(chat).contains("data-error=\"moved\"");
		assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();

		browser.post("/chat/forms", "key", key, "f:moved", "1", "f:note_1", "Presented the pilot", "f:visibility",
				"coaches");
		assertThat(browser.page("/chat")).contains("1 goal moved this month");
		org.bson.Document stored = mongo.getCollection("goal_progress").find().first();
		assertThat(stored.getString("placementId")).isEqualTo(placementId);
		assertThat(stored.getList("goals", org.bson.Document.class))
			.extracting(g -> g.getString("goal") + "=" + g.getBoolean("moved") + "/" + g.getString("note"))
			.containsExactly("Run a design review=false/null", "Present to the steering group=true/Presented the pilot");
	}

	@Test
	void typedTextIsAnEntryMarkedSavedAndTheAnswerToTheOpenPrompt() {
		tryIt(browser);
		String placementId = placementOf(browser);
		browser.post("/try/prompt");

		browser.post("/chat/messages", "text", "Met the welding team today.");

		assertThat(entries(placementId)).singleElement().satisfies(entry -> {
			assertThat(entry.text()).isEqualTo("Met the welding team today.");
			assertThat(entry.occurrenceId()).as("the answer to the open prompt").isNotNull();
		});
		String chat = browser.page("/chat");
		assertThat(chat).contains("Met the welding team today.").contains("data-test=\"saved\"");
		// and the Home shows it, as Slack's App Home would
		assertThat(browser.page("/chat/home")).contains("Met the welding team today.");
	}

	@Test
	void aMessageLongerThanTheTextBoxTakesIsRefusedWithWhatToDoAndNothingIsKept() {
		tryIt(browser);
		String placementId = placementOf(browser);
		String tooLong = "x".repeat(WebChat.MAX_TYPED + 1);

		browser.post("/chat/messages", "text", tooLong);

		String chat = browser.page("/chat");
		assertThat(chat).contains("data-note=").contains("40,001 characters").contains("split it into two messages");
		assertThat(entries(placementId)).isEmpty();
		assertThat(mongo.getCollection("web_messages").countDocuments(new org.bson.Document("from", "person"))).isZero();
		// exactly at the limit it is an entry
		browser.post("/chat/messages", "text", "y".repeat(WebChat.MAX_TYPED));
		assertThat(entries(placementId)).singleElement().satisfies(e -> assertThat(e.text()).hasSize(WebChat.MAX_TYPED));
	}

	@Test
	void skipClosesThePromptAndASecondPressIsToldItIsClosed() {
		tryIt(browser);
		browser.post("/try/prompt");
		String chat = browser.page("/chat");
		String prompt = messageWith(chat, "prompt_skip");
		String occurrence = buttonValue(chat, prompt, "prompt_skip");

		press(browser, "prompt_skip", occurrence, prompt);
		press(browser, "prompt_skip", occurrence, prompt);

		assertThat(browser.page("/chat")).contains("Only you can see this").contains("This prompt is already closed");
	}

	@Test
	void aFieldnotesCommandIsAnsweredToThatPersonOnly() {
		tryIt(browser);

		browser.post("/chat/messages", "text", "/fieldnotes me");

		String chat = browser.page("/chat");
		assertThat(chat).contains("data-note=").contains("Demo Trucks AB");
		assertThat(entries(placementOf(browser))).isEmpty();
		browser.post("/chat/persona", "role", "MANAGER");
		assertThat(browser.page("/chat")).doesNotContain("data-note=");
	}

	@Test
	void theHomeShowsItsButtonsAndItsSelectChangesWhoSeesNewEntries() {
		tryIt(browser);
		String placementId = placementOf(browser);
		String home = browser.page("/chat/home");
		assertThat(home).contains("data-test=\"home\"").contains("data-action=\"home_write\"")
			.contains("data-action=\"home_visibility_default\"");

		press(browser, "home_write", "", null);
		assertThat(browser.page("/chat")).contains("data-test=\"form\"");
		press(browser, "home_visibility_default", "private", null);
		browser.post("/chat/messages", "text", "Only mine.");

		assertThat(entries(placementId)).singleElement()
			.satisfies(e -> assertThat(e.visibility()).isEqualTo(org.fieldnotes.placement.Visibility.PRIVATE));
	}

	@Test
	void anOpenStreamHearsOfANewMessageAndAReconnectIsToldAtOnce() throws Exception {
		tryIt(browser);
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<Stream<String>> stream = browser.client().send(HttpRequest.newBuilder(browser.uri("/chat/stream"))
			.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try {
				stream.body().forEach(lines::add);
			}
			catch (java.io.UncheckedIOException closedAtTheEnd) {
				// the test closes the stream when it has heard enough
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(next(lines, "data:")).isEqualTo("data:open");

			browser.post("/try/prompt");

			assertThat(next(lines, "data:")).isEqualTo("data:message");
		}
		finally {
			stream.body().close();
		}
	}

	private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
		}
		throw new AssertionError("no " + prefix + " line within 10 s");
	}

	@Test
	void whatPeopleWriteIsShownAsTextNeverAsMarkupOrATemplate() {
		tryIt(browser);
		String words = "<script>alert('x')</script> {{7*7}} [[${7*7}]] [(${T(java.lang.System).getenv()})] *bold*";

		browser.post("/chat/messages", "text", words);

		String chat = browser.page("/chat");
		assertThat(chat).doesNotContain("<script>alert").contains("&lt;script&gt;alert(")
			.contains("{{7*7}} [[${7*7}]] [(${T(java.lang.System).getenv()})] *bold*");
		String home = browser.page("/chat/home");
		assertThat(home).doesNotContain("<script>alert").contains("[[${7*7}]]");
		assertThat(entries(placementOf(browser))).extracting(LogbookEntry::text).containsExactly(words);
	}

	/** Sends prompts through the admin API until the next one of {@code promptId}; its occurrence id. */
	private String sendUntil(String placementId, String promptId) {
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> sent = postJson("/api/v1/placements/" + placementId + "/send-prompt", "");
			assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
			if (promptId.equals(json(sent.body()).get("promptId").asString())) {
				return json(sent.body()).get("occurrenceId").asString();
			}
		}
		throw new AssertionError("no " + promptId + " within 20 prompts");
	}

	@Test
	void aQuotedPlanArrivesAsTheParticipantsTextNeverAsMarkupOrATemplate() {
		tryIt(browser);
		String placementId = placementOf(browser);
		ChatAccount ada = account(placementId, "PARTICIPANT");
		String plan = "Try {goals} [[${7*7}]] *first* <!channel> & <b>x</b>";
		String first = sendUntil(placementId, "weekly-rolfe");
		press(browser, "prompt_write", first, null);
		Form form = sent().formsFor(ada).get(sent().formsFor(ada).size() - 1);
		List<String> fields = new ArrayList<>(List.of("key", formKey(browser.page("/chat"))));
		for (Form.Field field : form.fields()) {
			fields.add("f:" + field.id());
			fields.add(switch (field.id()) {
				case "q0" -> "Met the welding team.";
				case "q2" -> plan;
				case "visibility" -> "private";
				default -> "";
			});
		}
		browser.post("/chat/forms", fields.toArray(String[]::new));
		assertThat(entries(placementId)).singleElement().satisfies(entry -> assertThat(entry.text()).endsWith(plan));
		clock.advance(Duration.ofMinutes(5));

		sendUntil(placementId, "weekly-rolfe");

		String chat = browser.page("/chat");
		assertThat(chat).contains("Last time you planned: Try {goals} [[${7*7}]] *first* &lt;!channel&gt; &amp; "
				+ "&lt;b&gt;x&lt;/b&gt;. How did it go").doesNotContain("<b>x</b>");
		// the demo's coaches and manager see none of it
		for (String role : List.of("MANAGER", "ACADEMIC_COACH", "BUSINESS_COACH")) {
			browser.post("/chat/persona", "role", role);
			assertThat(browser.page("/chat")).as(role).doesNotContain("Try {goals}");
		}
	}

	@Test
	void aSessionGivenNobodyOrAskingForSomeoneElseIsRefused() {
		WebBrowser stranger = new WebBrowser(port);
		assertThat(stranger.get("/chat").statusCode()).isEqualTo(403);
		assertThat(stranger.get("/chat/stream").statusCode()).isEqualTo(403);
		assertThat(stranger.get("/chat/conversation").statusCode()).isEqualTo(403);
		assertThat(stranger.post("/chat/messages", "text", "Let me in").statusCode()).isEqualTo(403);
		assertThat(mongo.getCollection("web_messages").countDocuments()).isZero();

		tryIt(browser);
		assertThat(browser.post("/chat/persona", "role", "ADMIN").statusCode()).isEqualTo(403);
		assertThat(browser.post("/chat/persona", "role", "ACADEMIC_COACH").statusCode()).isEqualTo(302);
		assertThat(browser.page("/chat")).contains("Anders Holm");
	}

	@Test
	void anotherSessionCannotReadOrPressOnAConversationOrOpenItsFiles() {
		tryIt(browser);
		ChatAccount ada = account(placementOf(browser), "PARTICIPANT");
		browser.post("/chat/messages", "text", "Words for Ada's eyes.");
		String adasMessage = messageIds(browser.page("/chat")).get(0);
		SentMessage where = new SentMessage(ada, ada.memberId(), adasMessage);
		sent().shareFile(where, "my notes".getBytes(StandardCharsets.UTF_8), "notes.txt", "Notes", "text/plain");
		Matcher file = Pattern.compile("/chat/files/([0-9a-f-]+)").matcher(browser.page("/chat"));
		assertThat(file.find()).isTrue();
		assertThat(browser.get("/chat/files/" + file.group(1)).body()).isEqualTo("my notes");

		WebBrowser other = new WebBrowser(port);
		String theirs = tryIt(other);

		assertThat(theirs).doesNotContain("Words for Ada").doesNotContain(adasMessage);
		assertThat(other.get("/chat/files/" + file.group(1)).statusCode()).isEqualTo(403);
		assertThat(press(other, "visibility_private", "x", adasMessage).statusCode()).isEqualTo(403);
		for (String role : List.of("MANAGER", "ACADEMIC_COACH", "BUSINESS_COACH")) {
			other.post("/chat/persona", "role", role);
			assertThat(other.page("/chat")).doesNotContain("Words for Ada");
		}
	}

	@Test
	void aPrivateEntryIsNeverOnAnotherPersonsPageWhileASharedOneReachesTheCoachWhoAcknowledgesIt() {
		tryIt(browser);
		String placementId = placementOf(browser);
		browser.post("/chat/messages", "text", "Shared: the prototype passed its test.");
		press(browser, "home_visibility_default", "private", null);
		browser.post("/chat/messages", "text", "Private: I am worried about my contract.");
		assertThat(entries(placementId)).hasSize(2);

		clock.advance(Duration.ofHours(1));
		browser.post("/try/digest");

		for (String role : List.of("MANAGER", "ACADEMIC_COACH", "BUSINESS_COACH")) {
			browser.post("/chat/persona", "role", role);
			assertThat(browser.page("/chat")).as(role).doesNotContain("worried about my contract");
			assertThat(browser.page("/chat/home")).as(role).doesNotContain("worried about my contract");
		}
		browser.post("/chat/persona", "role", "ACADEMIC_COACH");
		String chat = browser.page("/chat");
		assertThat(chat).contains("the prototype passed its test");
		String digest = messageWith(chat, "entry_acknowledge");
		press(browser, "entry_acknowledge", buttonValue(chat, digest, "entry_acknowledge"), digest);
		chat = browser.page("/chat");
		assertThat(chat).contains("✓ Acknowledged");

		browser.post("/chat/persona", "role", "PARTICIPANT");
		assertThat(browser.page("/chat")).contains("worried about my contract").contains("Your academic coach read");
	}

	@Test
	void aCoachAcknowledgesAndResolvesABlockerFromTheDigestAndTheParticipantIsTold() {
		tryIt(browser);
		String placementId = placementOf(browser);
		org.fieldnotes.chat.ChatAccount participant = placementManagement.get(placementId).getParticipant().chatAccount();
		statusUpdates.submit(participant, new org.fieldnotes.logbook.StatusUpdates.Report(
				org.fieldnotes.logbook.OverallStatus.AMBER, "Bench test planned", "Waiting for the <rig> key", 3),
				null, "web-test:1");
		String blockerId = blockers.of(placementId).get(0).id();
		clock.advance(Duration.ofHours(1));
		browser.post("/try/digest");

		browser.post("/chat/persona", "role", "BUSINESS_COACH");
		String chat = browser.page("/chat");
		assertThat(chat).contains("Waiting for the &lt;rig&gt; key");
		String digest = messageWith(chat, "blocker_acknowledge");
		assertThat(buttonValue(chat, digest, "blocker_acknowledge")).isEqualTo(blockerId);
		assertThat(buttonValue(chat, digest, "blocker_resolve")).isEqualTo(blockerId);
		press(browser, "blocker_acknowledge", blockerId, digest);
		assertThat(browser.page("/chat")).contains("✓ Blocker acknowledged — ");
		assertThat(blockers.find(blockerId).orElseThrow().state())
			.isEqualTo(org.fieldnotes.logbook.BlockerState.ACKNOWLEDGED);

		// the manager may not read a blocker shared with the coaches: refused, nothing changes
		browser.post("/chat/persona", "role", "MANAGER");
		assertThat(browser.page("/chat")).doesNotContain("&lt;rig&gt;");
		press(browser, "blocker_resolve", blockerId, null);
		assertThat(browser.page("/chat")).contains("You can act only on blockers of placements you follow");
		assertThat(blockers.find(blockerId).orElseThrow().state())
			.isEqualTo(org.fieldnotes.logbook.BlockerState.ACKNOWLEDGED);

		browser.post("/chat/persona", "role", "BUSINESS_COACH");
		press(browser, "blocker_resolve", blockerId, digest);
		assertThat(blockers.find(blockerId).orElseThrow().state()).isEqualTo(org.fieldnotes.logbook.BlockerState.RESOLVED);

		browser.post("/chat/persona", "role", "PARTICIPANT");
		assertThat(browser.page("/chat")).contains("Your business coach acknowledged your blocker from")
			.contains("Your business coach marked your blocker from");
	}

	@Test
	void theBusinessCoachRepliesFromTheDigestAndTheParticipantReadsTheReplyAsWritten() {
		tryIt(browser);
		String placementId = placementOf(browser);
		browser.post("/chat/messages", "text", "Shared: the line trial slipped a week.");
		clock.advance(Duration.ofHours(1));
		browser.post("/try/digest");
		browser.post("/chat/persona", "role", "BUSINESS_COACH");
		String chat = browser.page("/chat");
		String digest = messageWith(chat, "entry_reply");
		String entryId = buttonValue(chat, digest, "entry_reply");
		assertThat(entries(placementId)).extracting(LogbookEntry::id).contains(entryId);

		press(browser, "entry_reply", entryId, digest);
		String withForm = browser.page("/chat");
		assertThat(withForm).contains("data-form=\"" + org.fieldnotes.logbook.ReplyForms.ID + "\"");
		// an empty reply is refused in the form, and nothing is sent
		browser.post("/chat/forms", "key", formKey(withForm), "f:" + org.fieldnotes.logbook.ReplyForms.REPLY, " ");
		assertThat(browser.page("/chat")).contains("data-error=\"" + org.fieldnotes.logbook.ReplyForms.REPLY + "\"");
		String reply = "Talk to <b>Sven</b> about the ${slot} on Monday & keep me posted";
		browser.post("/chat/forms", "key", formKey(browser.page("/chat")), "f:" + org.fieldnotes.logbook.ReplyForms.REPLY,
				reply);
		// as on Slack, the form turns into its confirmation, which the coach closes
		String sent = browser.page("/chat");
		assertThat(sent).contains("data-form=\"" + org.fieldnotes.logbook.ReplyForms.SENT + "\"").contains("✓ Sent");
		browser.post("/chat/forms/cancel", "key", formKey(sent));
		assertThat(browser.page("/chat")).doesNotContain("data-test=\"form\"");

		browser.post("/chat/persona", "role", "PARTICIPANT");
		String participants = browser.page("/chat");
		assertThat(participants).contains("Your business coach replied to")
			.contains("Talk to &lt;b&gt;Sven&lt;/b&gt; about the ${slot} on Monday &amp; keep me posted");
		assertThat(responses.to(entryId)).singleElement()
			.satisfies(r -> assertThat(r.kind()).isEqualTo(org.fieldnotes.logbook.ResponseKind.REPLIED));
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedWhileSlackAndTheApiSeeNoChange() {
		tryIt(browser);
		HttpResponse<String> forged = browser.postRaw("/chat/messages", WebBrowser.form("text", "Forged"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.postRaw("/try/prompt", WebBrowser.form()).statusCode()).isEqualTo(403);
		assertThat(entries(placementOf(browser))).isEmpty();
		assertThat(browser.page("/chat")).doesNotContain("Forged");
		assertThat(browser.get("/chat").headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'self'").contains("frame-ancestors 'none'");

		HttpResponse<String> slack = directMessage("Ev1WEB", "UNOBODY", "1764669600.000100", "hello", null);
		assertThat(slack.statusCode()).isEqualTo(200);
		assertThat(slack.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(slack.headers().firstValue("Content-Security-Policy")).isEmpty();
		HttpResponse<String> api = get("/api/v1/placements");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(api.headers().firstValue("X-Frame-Options")).isEmpty();
		HttpResponse<String> health = browser.get("/actuator/health");
		assertThat(health.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(health.headers().firstValue("Content-Security-Policy")).isEmpty();
		// nobody signs in: no user store, so no generated password either
		assertThat(context.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class))
			.isEmpty();
	}

	@Test
	void withTheDemoOffTheFrontPageSaysWhatFieldnotesIsAndTryItIsNotFound() {
		TestDemos.ENABLED.set(false);

		HttpResponse<String> landing = browser.get("/");
		assertThat(landing.statusCode()).isEqualTo(200);
		assertThat(landing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(landing.body()).contains("Fieldnotes").contains("Connect Slack").contains("data-test=\"demo-off\"")
			.doesNotContain("data-test=\"try-it\"");
		assertThat(browser.post("/try", "timeZone", "UTC", "language", "en").statusCode()).isEqualTo(404);
		assertThat(placements()).isEmpty();
	}

	@Test
	void tryItInSwedishWithABadTimeZoneIsToldWhatToDo() {
		browser.page("/");
		HttpResponse<String> bad = browser.post("/try", "timeZone", "Mars/Olympus", "language", "sv");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(placements()).isEmpty();

		HttpResponse<String> tried = browser.post("/try", "timeZone", "", "language", "sv");
		assertThat(tried.statusCode()).isEqualTo(302);
		assertThat(browser.page("/chat")).contains("Du är:").contains("Deltagare");
	}

	@Test
	void thePagesScriptsAndStylesComeFromTheJarUnderTheContentSecurityPolicy() {
		String chat = tryIt(browser);
		Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(chat);
		List<String> sources = new ArrayList<>();
		while (scripts.find()) {
			sources.add(scripts.group(1));
		}
		assertThat(sources).hasSize(3).allMatch(src -> src.startsWith("/"));
		for (String path : List.of(sources.get(0), sources.get(1), sources.get(2), "/css/fieldnotes.css", "/js/landing.js")) {
			HttpResponse<String> asset = browser.get(path);
			assertThat(asset.statusCode()).as(path).isEqualTo(200);
			assertThat(asset.body()).as(path).isNotBlank();
		}
		assertThat(browser.get(sources.get(0)).body()).contains("htmx");
		assertThat(chat).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain("onclick");
	}

	@Test
	void theConversationIsTheParticipantsInTheirExportWithheldFromAnAdminsAndGoneWhenTheyAreErasedOrSwept() {
		tryIt(browser);
		String placementId = placementOf(browser);
		ChatAccount ada = account(placementId, "PARTICIPANT");
		ChatAccount anders = account(placementId, "ACADEMIC_COACH");
		press(browser, "home_visibility_default", "private", null);
		browser.post("/chat/messages", "text", "Private: thinking of quitting.");
		sent().sendDirect(anders, org.fieldnotes.chat.ChatMessage.text("For Anders"));
		String adaId = people.find(ada).orElseThrow().id().value();

		HttpResponse<String> export = get("/api/v1/people/" + adaId + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.body()).doesNotContain("thinking of quitting").contains("\"web_messages\"");
		assertThat(json(export.body()).get("withheld").get("web_messages").get("conversation").asLong()).isPositive();

		webPersonalData.purge(placementId);
		assertThat(mongo.getCollection("web_messages").countDocuments(new org.bson.Document("memberId", ada.memberId())))
			.isZero();
		assertThat(mongo.getCollection("web_messages").countDocuments(new org.bson.Document("memberId", anders.memberId())))
			.isEqualTo(1);

		browser.post("/chat/messages", "text", "Written again.");
		HttpRequest erase = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/people/" + adaId))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build();
		assertThat(browser.send(erase).statusCode()).isEqualTo(200);
		assertThat(mongo.getCollection("web_messages").countDocuments(new org.bson.Document("memberId", ada.memberId())))
			.isZero();
	}

	@Test
	void theFrontPageSpeaksTheBrowsersLanguageAndTryItDefaultsToIt() {
		HttpResponse<String> swedish = browser.send(HttpRequest.newBuilder(browser.uri("/"))
			.header("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.8").GET().build());

		assertThat(swedish.statusCode()).isEqualTo(200);
		assertThat(swedish.body()).contains("<html lang=\"sv\">").contains("Prova i webbläsaren")
			.containsPattern("<option value=\"sv\" selected");
		assertThat(browser.page("/")).contains("<html lang=\"en\">").containsPattern("<option value=\"en\" selected");
	}

	@Test
	void openStreamsEndBeforeTheServerShutsDownSoAnOpenPageDoesNotHoldTheShutdownUp() throws Exception {
		tryIt(browser);
		HttpResponse<Stream<String>> stream = browser.client().send(HttpRequest.newBuilder(browser.uri("/chat/stream"))
			.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
		java.util.concurrent.CompletableFuture<Long> ended = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> stream.body().count());

		events.stop();
		try {
			assertThat(ended.get(10, TimeUnit.SECONDS)).as("lines before the stream ended").isPositive();
		}
		finally {
			events.start();
		}
	}
}
