package org.fieldnotes.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.links.ResponseLinks;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * For every {@link Operation}, its real handler, driven the way Slack or an HTTP client drives it (signed Slack
 * requests, bearer tokens, signed links), by someone its rule does not let through, refuses: the policy logs the
 * refusal under that operation (so the handler asked it, with that operation), the actor is told, and nothing
 * changes. {@link AccessMatrixTests} shows what the policy decides; this shows that each handler asks it.
 *
 * <p>The actors: a participant other than the prompt's addressee (Bruno), someone other than an entry's author,
 * a follower the entry is not shared with (the manager, on an entry for the coaches), a member who is no admin, a
 * read-only API token for what writes, and a token limited to another programme ("Other") for what belongs to Ada's
 * (KTP 2026) or to every programme. An operation open to anyone, about their own things, cannot be refused to
 * anyone; it is listed in {@link #NOBODY_DENIED} with the reason. A new operation in neither list fails
 * {@link #everyOperationHasADeniedActorCaseOrAReasonWhyNobodyCanBeDenied()}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeniedActorTests extends MailTest {

	private static final String ADA = "UADA";
	private static final String BRUNO = "UBRUNO";
	private static final String ADMIN_ONLY =
			"Sorry, only programme coordinators (admins) can do that. Ask yours if you need it done.";
	private static final String NOT_YOURS = "This prompt isn't yours, so I can't do anything with it.";
	private static final String REFUSED =
			"You can respond only to entries of placements you follow, and only to those shared with you.";
	private static final String BUTTON_RESPONSE_URL = "/api/response/T1/1/x";
	private static final String END_REPORT_REFUSED = "Bara placeringens chef kan godkänna eller skicka tillbaka rapporten.";
	private static final String BLOCKER_REFUSED =
			"You can act only on blockers of placements you follow, and only on those shared with you.";

	private static final String WEB_CHAT = "the session's current persona's own conversation, Home and form; a session "
			+ "given nobody, a persona not given or someone else's message or file gets 403 (WebChatTests)";

	/** Operations open to anyone, about their own things: nobody can be refused them. Why, for each. */
	static final Map<Operation, String> NOBODY_DENIED = new EnumMap<>(Map.ofEntries(
			Map.entry(Operation.SLASH_COMMAND, "anyone in the workspace may type /fieldnotes; each subcommand has its own rule"),
			Map.entry(Operation.COMMAND_HELP, "lists only what the asker may run"),
			Map.entry(Operation.COMMAND_LOG, "writes the asker's own entry (not enrolled: the feature says so)"),
			Map.entry(Operation.COMMAND_STATUS, "opens the asker's own status form"),
			Map.entry(Operation.COMMAND_ME, "shows the asker's own placement"),
			Map.entry(Operation.COMMAND_GOALS, "the asker's own learning goals"),
			Map.entry(Operation.COMMAND_HOURS, "logs and shows the asker's own hours; someone who is no participant is "
					+ "told so and nothing is stored (HoursTests)"),
			Map.entry(Operation.COMMAND_AWAY, "the asker's own absence"),
			Map.entry(Operation.COMMAND_REMINDERS, "the asker's own reminders"),
			Map.entry(Operation.COMMAND_LANGUAGE, "the asker's own language"),
			Map.entry(Operation.COMMAND_VISIBILITY, "the asker's own default visibility"),
			Map.entry(Operation.COMMAND_DIGEST, "the asker's own digest (someone else's is COMMAND_DIGEST_PREVIEW_OF)"),
			Map.entry(Operation.COMMAND_MY_DATA, "the asker's own data, sent to the asker only"),
			Map.entry(Operation.COMMAND_PORTFOLIO, "the asker's own logbook, sent to the asker only; no one else's can be "
					+ "named (PortfolioTests)"),
			Map.entry(Operation.COMMAND_BRIEF, "answers only for a placement the asker follows (an admin: any), with the "
					+ "entries READ_ITEM lets them read; anyone else is told they follow no such placement (BriefTests)"),
			Map.entry(Operation.COMMAND_REPORT, "opens the asker's own end-of-placement report; someone who is no "
					+ "participant is told so and gets no form (EndReportTests); the form itself is END_REPORT_FORM"),
			Map.entry(Operation.COMMAND_MEETING, "schedules only for a placement the asker coaches or coordinates; anyone "
					+ "else is told they coach no such placement and nothing is stored (MeetingBriefTests)"),
			Map.entry(Operation.HOME_WRITE_BUTTON, "opens a form for the presser's own new entry"),
			Map.entry(Operation.HOME_STATUS_BUTTON, "opens a form for the presser's own status update"),
			Map.entry(Operation.HOME_DEFAULT_VISIBILITY_SELECT, "sets the presser's own default visibility"),
			Map.entry(Operation.ERASE_CANCEL_BUTTON, "changes nothing"),
			Map.entry(Operation.ENTRY_WRITE_FORM, "stores the submitter's own new entry"),
			Map.entry(Operation.DIGEST_SETTINGS_FORM, "the submitter's own digest settings"),
			Map.entry(Operation.SAVE_TO_LOGBOOK_SHORTCUT, "saves into the presser's own logbook"),
			Map.entry(Operation.DIRECT_MESSAGE, "the sender's own message to the bot"),
			Map.entry(Operation.DIRECT_MESSAGE_WITH_FILE, "the sender's own message to the bot"),
			Map.entry(Operation.DIRECT_MESSAGE_THREAD_BROADCAST, "the sender's own message to the bot"),
			Map.entry(Operation.DIRECT_MESSAGE_CHANGED, "Slack sends it only for the sender's own message"),
			Map.entry(Operation.DIRECT_MESSAGE_DELETED, "Slack sends it only for a message in the sender's own DM"),
			Map.entry(Operation.BOT_MESSAGE, "ignored"),
			Map.entry(Operation.APP_HOME_OPENED, "shows the opener their own Home"),
			Map.entry(Operation.MEMBER_CHANGED, "Slack's own news about a member; pauses only their own placement"),
			Map.entry(Operation.EMAIL_CONFIRM_SHOW, "the signed, single-use link is the permission and names the person; "
					+ "a forged, used or expired one is refused before anything is shown (AddressConfirmationTests)"),
			Map.entry(Operation.EMAIL_CONFIRM, "the signed, single-use link is the permission and names the person; "
					+ "a forged, used or expired one changes nothing (AddressConfirmationTests)"),
			Map.entry(Operation.WEB_FRONT_PAGE, "says what Fieldnotes is"),
			Map.entry(Operation.WEB_TRY, "starts a demo of made-up people for this browser session only"),
			Map.entry(Operation.WEB_TRY_PROMPT, "the session's own demo placement; a session without one gets 403 (WebChatTests)"),
			Map.entry(Operation.WEB_TRY_DIGEST, "the session's own demo placement; a session without one gets 403 (WebChatTests)"),
			Map.entry(Operation.WEB_CHAT_PAGE, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_CONVERSATION, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_HOME, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_DIALOG, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_STREAM, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_FILE, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_MESSAGE, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_ACTION, WEB_CHAT + "; the button's own operation is decided as on Slack"),
			Map.entry(Operation.WEB_CHAT_FORM, WEB_CHAT + "; the form's own operation is decided as on Slack"),
			Map.entry(Operation.WEB_CHAT_FORM_CANCEL, WEB_CHAT),
			Map.entry(Operation.WEB_CHAT_PERSONA, WEB_CHAT),
			Map.entry(Operation.PORTAL_SIGN_IN_PAGE, "asks anyone for an address; nobody is signed in yet"),
			Map.entry(Operation.PORTAL_SIGN_IN_REQUEST, "mails a link only to a person's confirmed address, and answers "
					+ "every address alike (PortalSignInTests)"),
			Map.entry(Operation.PORTAL_SIGN_IN_LINK, "shows a Sign in button and changes nothing; the signed, single-use "
					+ "token is the permission (PortalSignInTests)"),
			Map.entry(Operation.PORTAL_SIGN_IN, "signs in only with a good token for a person Fieldnotes knows; a used, "
					+ "expired, altered or missing one signs nobody in (PortalSignInTests)"),
			Map.entry(Operation.PORTAL_SEARCH, "finds only what the signed-in person may read: every item asks READ_ITEM "
					+ "(PortalSearchTests, SearchTests)"),
			Map.entry(Operation.PORTAL_MY_PLACEMENTS, "lists only the signed-in person's own placement and those they "
					+ "follow; someone not signed in is sent to sign in (PortalPagesTests)")));

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=");
	}

	@Autowired
	ApiTokens tokens;

	@Autowired
	ResponseLinks links;

	@Autowired
	org.fieldnotes.links.BlockerLinks blockerLinks;

	@Autowired
	org.fieldnotes.endreport.EndReportLinks endReportLinks;

	@Autowired
	org.fieldnotes.signoff.WeekSignOffLinks weekSignOffLinks;

	private CapturedOutput output;
	private String adas;

	@FunctionalInterface
	interface Case {
		void run() throws Exception;
	}

	@BeforeEach
	void stubButtonResponses() {
		SlackStub.server().stubFor(post(urlEqualTo(BUTTON_RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
	}

	@Test
	void everyOperationHasADeniedActorCaseOrAReasonWhyNobodyCanBeDenied() {
		Map<Operation, Case> cases = cases();
		for (Operation operation : Operation.values()) {
			assertThat(cases.containsKey(operation) || NOBODY_DENIED.containsKey(operation))
				.as(operation + " needs a denied-actor case here, or a reason in NOBODY_DENIED").isTrue();
			assertThat(cases.containsKey(operation) && NOBODY_DENIED.containsKey(operation))
				.as(operation + " is in both lists").isFalse();
		}
		// only what anyone may do can be exempt: an admin's, an author's or a follower's operation always has a case
		NOBODY_DENIED.keySet().forEach(operation ->
				assertThat(AccessPolicy.rule(operation)).as(operation.name()).containsExactly(Who.ANYONE));
		cases.keySet().forEach(operation ->
				assertThat(AccessPolicy.rule(operation)).as(operation.name()).doesNotContain(Who.ANYONE));
	}

	/** Every operation someone can be denied (the rest are in {@link #NOBODY_DENIED}, which the test above checks). */
	static Stream<Operation> deniable() {
		return Arrays.stream(Operation.values()).filter(operation -> !NOBODY_DENIED.containsKey(operation));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deniable")
	void itsHandlerRefusesWhoItsRuleDenies(Operation operation, CapturedOutput output) throws Exception {
		this.output = output;
		cases().get(operation).run();
	}

	// ------------------------------------------------------------------------------------------------ the cases

	private Map<Operation, Case> cases() {
		Map<Operation, Case> cases = new EnumMap<>(Operation.class);
		// ----------------------------------------------------------------- admin commands, by a member who is none
		cases.put(Operation.COMMAND_DIGEST_PREVIEW_OF, () -> {
			ada();
			assertThat(refusedCommand("UBEATA", "digest preview <@UADA|ada>")).isEqualTo(ADMIN_ONLY);
			logged(Operation.COMMAND_DIGEST_PREVIEW_OF, "member");
		});
		cases.put(Operation.COMMAND_ENROLL, () -> {
			assertThat(refusedCommand("UBEATA", "enroll")).as("no form for a non-admin").isEqualTo(ADMIN_ONLY);
			assertThat(SlackStub.calls("views.open")).isEmpty();
			assertThat(refusedCommand("UBEATA", "enroll <@UNEW|n> program:\"KTP 2026\" host:\"Scania\" "
					+ "start:2026-12-07 end:2027-05-31 manager:<@UMAJA|m>")).isEqualTo(ADMIN_ONLY);
			assertThat(mongo.getCollection("placements").countDocuments()).isZero();
			logged(Operation.COMMAND_ENROLL, "member");
		});
		cases.put(Operation.COMMAND_LIST, () -> adminCommand(Operation.COMMAND_LIST, "list", () -> {
		}));
		cases.put(Operation.COMMAND_PAUSE, () -> adminCommand(Operation.COMMAND_PAUSE, "pause <@UADA|ada>",
				() -> assertThat(placementStatus()).isEqualTo("ACTIVE")));
		cases.put(Operation.COMMAND_RESUME, () -> {
			ada();
			mongo.getCollection("placements").updateOne(new Document("_id", adas),
					new Document("$set", new Document("status", "PAUSED")));
			adminCommand(Operation.COMMAND_RESUME, "resume <@UADA|ada>",
					() -> assertThat(placementStatus()).isEqualTo("PAUSED"));
		});
		cases.put(Operation.COMMAND_CHANGE, () -> adminCommand(Operation.COMMAND_CHANGE,
				"change <@UADA|ada> host:Volvo", () -> assertThat(mongo.getCollection("placements").find().first()
					.getString("hostOrganisation")).isNotEqualTo("Volvo")));
		cases.put(Operation.COMMAND_END, () -> adminCommand(Operation.COMMAND_END, "end <@UADA|ada>",
				() -> assertThat(placementStatus()).isEqualTo("ACTIVE")));
		cases.put(Operation.COMMAND_SEND_NOW, () -> adminCommand(Operation.COMMAND_SEND_NOW, "send-now <@UADA|ada>", () -> {
			assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero();
			assertThat(SlackStub.messagesTo(ADA)).isEmpty();
			assertThat(SlackStub.commandResponses()).as("refused in the ack, nothing after it").isEmpty();
		}));
		cases.put(Operation.COMMAND_SKIP, () -> adminCommand(Operation.COMMAND_SKIP, "skip <@UADA|ada>",
				() -> assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero()));
		cases.put(Operation.COMMAND_WHO_IS_QUIET, () -> adminCommand(Operation.COMMAND_WHO_IS_QUIET, "who-is-quiet", () -> {
		}));
		cases.put(Operation.COMMAND_PROGRAMS, () -> adminCommand(Operation.COMMAND_PROGRAMS, "programs", () -> {
		}));
		cases.put(Operation.COMMAND_ADMIN, () -> adminCommand(Operation.COMMAND_ADMIN, "admin add <@UMALLORY|m>",
				() -> assertThat(mongo.getCollection("admins").countDocuments()).isZero()));
		cases.put(Operation.COMMAND_AUDIT, () -> adminCommand(Operation.COMMAND_AUDIT, "audit", () -> {
		}));
		cases.put(Operation.COMMAND_ERASE, () -> adminCommand(Operation.COMMAND_ERASE, "erase <@UADA|ada>",
				() -> assertThat(adasPlacement()).isNotNull()));
		cases.put(Operation.COMMAND_DEMO, () -> adminCommand(Operation.COMMAND_DEMO, "demo remove", () -> {
			assertThat(adasPlacement()).isNotNull();
			assertThat(mongo.getCollection("demo_placements").countDocuments()).isEqualTo(1);
			assertThat(SlackStub.commandResponses()).as("refused in the ack, nothing after it").isEmpty();
		}));
		cases.put(Operation.ERASE_CONFIRM_BUTTON, () -> {
			ada();
			press("UBEATA", "privacy_erase_confirm", ADA);
			await().atMost(Duration.ofSeconds(10)).until(() -> !buttonResponses().isEmpty());
			assertThat(buttonResponses().get(0).get("text").asString()).isEqualTo(ADMIN_ONLY);
			assertThat(adasPlacement()).isNotNull();
			logged(Operation.ERASE_CONFIRM_BUTTON, "member");
		});
		cases.put(Operation.ENROLMENT_FORM, () -> {
			JsonNode ack = json(submit("UBEATA", "fieldnotes_enrol", "", Map.of()));
			assertThat(ack.get("errors").get("participant").asString()).isEqualTo(ADMIN_ONLY);
			assertThat(mongo.getCollection("placements").countDocuments()).isZero();
			logged(Operation.ENROLMENT_FORM, "member");
		});

		cases.put(Operation.CHANGE_FORM, () -> {
			ada();
			Document before = adasPlacement();
			JsonNode ack = json(submit("UBEATA", "fieldnotes_change", adas + ":" + before.getLong("version"),
					Map.of("host", Map.of("text", SlackInteractions.text("Volvo")))));
			assertThat(ack.get("errors").get("program").asString()).isEqualTo(ADMIN_ONLY);
			assertThat(adasPlacement()).isEqualTo(before);
			logged(Operation.CHANGE_FORM, "member");
		});

		// ----------------------------------------------------------------- a prompt, by a participant it was not sent to
		cases.put(Operation.PROMPT_WRITE_BUTTON, () -> promptButton(Operation.PROMPT_WRITE_BUTTON, "prompt_write"));
		cases.put(Operation.PROMPT_STATUS_BUTTON, () -> promptButton(Operation.PROMPT_STATUS_BUTTON, "prompt_status"));
		cases.put(Operation.PROMPT_SNOOZE_BUTTON, () -> promptButton(Operation.PROMPT_SNOOZE_BUTTON, "prompt_snooze"));
		cases.put(Operation.PROMPT_SKIP_BUTTON, () -> promptButton(Operation.PROMPT_SKIP_BUTTON, "prompt_skip"));
		cases.put(Operation.PROMPT_ANSWER_FORM, () -> {
			String occurrence = adasPrompt();
			JsonNode ack = json(submit(BRUNO, "prompt_answer", occurrence,
					Map.of("q0", Map.of("text", SlackInteractions.text("Not my prompt")))));
			assertThat(ack.get("errors").get("q0").asString()).isEqualTo(NOT_YOURS);
			assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
			logged(Operation.PROMPT_ANSWER_FORM, "member");
		});
		cases.put(Operation.STATUS_UPDATE_FORM, () -> {
			String occurrence = adasPrompt();
			JsonNode ack = json(submit(BRUNO, "status_update", occurrence, statusValues()));
			assertThat(ack.get("errors").get("status").asString()).isEqualTo(NOT_YOURS);
			assertThat(mongo.getCollection("status_updates").countDocuments()).isZero();
			logged(Operation.STATUS_UPDATE_FORM, "member");
		});

		// ----------------------------------------------------------------- an entry or update, by someone who did not write it
		cases.put(Operation.VISIBILITY_BUTTON, () -> {
			String entry = adasEntry("PRIVATE");
			press("UANDERS", "visibility_placement", "entry:" + entry + ":placement");
			awaitLogged(Operation.VISIBILITY_BUTTON, "member");
			assertThat(entryField(entry, "visibility")).isEqualTo("PRIVATE");
		});
		cases.put(Operation.HOME_ENTRY_MENU, () -> {
			String entry = adasEntry("COACHES");
			int published = SlackStub.calls("views.publish").size();
			menu("UMALLORY", "home_entry_menu", "edit:" + entry);
			menu("UMALLORY", "home_entry_menu", "visibility:placement:" + entry);
			await().atMost(Duration.ofSeconds(10)).until(() -> SlackStub.calls("views.publish").size() == published + 2);
			assertThat(SlackStub.calls("views.open")).as("no edit form for someone else's entry").isEmpty();
			assertThat(entryField(entry, "visibility")).isEqualTo("COACHES");
			logged(Operation.HOME_ENTRY_MENU, "member");
		});
		cases.put(Operation.HOME_UPDATE_MENU, () -> {
			String update = adasStatusUpdate();
			menu("UMAJA", "home_update_menu", "visibility:placement:" + update);
			awaitLogged(Operation.HOME_UPDATE_MENU, "member");
			assertThat(mongo.getCollection("status_updates").find(new Document("_id", update)).first()
				.getString("visibility")).isEqualTo("COACHES");
		});
		cases.put(Operation.ENTRY_EDIT_FORM, () -> {
			String entry = adasEntry("COACHES");
			JsonNode ack = json(submit("UMALLORY", "entry_edit", entry,
					Map.of("entry", Map.of("text", SlackInteractions.text("Rewritten by someone else")))));
			assertThat(ack.get("errors").get("entry").asString())
				.isEqualTo("This entry can't be changed any more: it was deleted, or it isn't yours.");
			assertThat(entryField(entry, "text")).isEqualTo("Ada's own words");
			logged(Operation.ENTRY_EDIT_FORM, "member");
		});
		cases.put(Operation.ENTRY_DELETE_FORM, () -> {
			String entry = adasEntry("COACHES");
			assertThat(submit("UMALLORY", "entry_delete", entry, Map.of())).isEmpty();
			assertThat(mongo.getCollection("logbook_entries").find(new Document("_id", entry)).first().get("deletedAt"))
				.isNull();
			logged(Operation.ENTRY_DELETE_FORM, "member");
		});

		// ----------------------------------------------------------------- responding, by a follower it is not shared with
		cases.put(Operation.ENTRY_ACKNOWLEDGE_BUTTON, () -> {
			String entry = adasEntry("COACHES");
			press("UMAJA", "entry_acknowledge", entry);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UMAJA").isEmpty());
			assertThat(ephemeralsTo("UMAJA")).containsExactly(REFUSED);
			assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
			logged(Operation.ENTRY_ACKNOWLEDGE_BUTTON, "member");
		});
		cases.put(Operation.ENTRY_REPLY_BUTTON, () -> {
			String entry = adasEntry("COACHES");
			press("UMAJA", "entry_reply", entry);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UMAJA").isEmpty());
			assertThat(ephemeralsTo("UMAJA")).containsExactly(REFUSED);
			assertThat(SlackStub.calls("views.open")).isEmpty();
			logged(Operation.ENTRY_REPLY_BUTTON, "member");
		});
		cases.put(Operation.ENTRY_REPLY_FORM, () -> {
			String entry = adasEntry("COACHES");
			JsonNode ack = json(submit("UMAJA", "entry_reply", entry,
					Map.of("reply", Map.of("text", SlackInteractions.text("Not shared with me")))));
			assertThat(ack.get("errors").get("reply").asString()).isEqualTo(REFUSED);
			assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
			logged(Operation.ENTRY_REPLY_FORM, "member");
		});
		cases.put(Operation.RESPONSE_PAGE_SHOW, () -> {
			String entry = adasEntry("COACHES");
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri(responsePath(entry, "UMAJA"))).GET().build());
			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(page.body()).contains("You cannot respond to this entry").doesNotContain("Ada's own words");
			logged(Operation.RESPONSE_PAGE_SHOW, "email_link");
		});
		cases.put(Operation.RESPONSE_PAGE_RESPOND, () -> {
			String entry = adasEntry("COACHES");
			String path = responsePath(entry, "UMAJA");
			assertThat(form(path, "action=acknowledge").statusCode()).isEqualTo(403);
			assertThat(form(path, "action=reply&submission=s1&text="
					+ URLEncoder.encode("Not shared with me", StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
			assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
			logged(Operation.RESPONSE_PAGE_RESPOND, "email_link");
		});
		// ----------------------------------------------------------------- the portal, by a person who follows nothing
		cases.put(Operation.PORTAL_PLACEMENT_TIMELINE, () -> {
			adasEntry("COACHES");
			// Carl coaches Bruno's placement, not Ada's; he signs in to the portal with the address on his record
			mongo.getCollection("people").updateOne(new Document("_id", personOf("UCARL")),
					new Document("$set", new Document("emails", List.of("carl@uni.example"))));
			org.fieldnotes.support.PortalClient carl = new org.fieldnotes.support.PortalClient(port);
			carl.page("/portal/sign-in");
			carl.post("/portal/sign-in", "address", "carl@uni.example");
			drainOutbox();
			String mail = org.fieldnotes.support.MailParts.texts(greenMail.getReceivedMessages()[0]).get("text/plain");
			java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/sign-in/link\\?token=([A-Za-z0-9_.\\-]+)")
				.matcher(mail);
			assertThat(link.find()).isTrue();
			assertThat(org.fieldnotes.support.PortalClient.location(carl.signInWith(link.group(1)))).isEqualTo("/portal");
			HttpResponse<String> page = carl.get("/portal/placements/" + adas);
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).doesNotContain("Ada's own words").doesNotContain("Ada Lindqvist");
			logged(Operation.PORTAL_PLACEMENT_TIMELINE, "session");
		});
		// the portal's Acknowledge and Reply, by the manager, with whom an entry for the coaches is not shared
		cases.put(Operation.PORTAL_ACKNOWLEDGE, () -> {
			String entry = adasEntry("COACHES");
			org.fieldnotes.support.PortalClient maja = portalAs("UMAJA", "maja@scania.example");
			maja.page("/portal");
			assertThat(maja.post("/portal/entries/" + entry + "/acknowledge").statusCode()).isEqualTo(404);
			assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
			logged(Operation.PORTAL_ACKNOWLEDGE, "session");
		});
		cases.put(Operation.PORTAL_REPLY, () -> {
			String entry = adasEntry("COACHES");
			org.fieldnotes.support.PortalClient maja = portalAs("UMAJA", "maja@scania.example");
			maja.page("/portal");
			assertThat(maja.post("/portal/entries/" + entry + "/reply", "text", "Not shared with me", "submission", "s1")
				.statusCode()).isEqualTo(404);
			// an empty reply to it tells her nothing more
			assertThat(maja.post("/portal/entries/" + entry + "/reply", "text", "", "submission", "s2").statusCode())
				.isEqualTo(404);
			assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
			logged(Operation.PORTAL_REPLY, "session");
		});
		// ----------------------------------------------------------------- blockers, by a follower they are not shared with
		cases.put(Operation.BLOCKER_ACKNOWLEDGE_BUTTON, () -> {
			String blocker = adasBlocker("COACHES");
			press("UMAJA", "blocker_acknowledge", blocker);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UMAJA").isEmpty());
			assertThat(ephemeralsTo("UMAJA")).containsExactly(BLOCKER_REFUSED);
			assertThat(blockerState(blocker)).isEqualTo("OPEN");
			logged(Operation.BLOCKER_ACKNOWLEDGE_BUTTON, "member");
		});
		cases.put(Operation.BLOCKER_RESOLVE_BUTTON, () -> {
			String blocker = adasBlocker("COACHES");
			press("UMAJA", "blocker_resolve", blocker);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UMAJA").isEmpty());
			assertThat(ephemeralsTo("UMAJA")).containsExactly(BLOCKER_REFUSED);
			assertThat(blockerState(blocker)).isEqualTo("OPEN");
			logged(Operation.BLOCKER_RESOLVE_BUTTON, "member");
		});
		cases.put(Operation.BLOCKER_PAGE_SHOW, () -> {
			String blocker = adasBlocker("COACHES");
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri(blockerPath(blocker, "UMAJA"))).GET().build());
			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(page.body()).contains("You cannot act on this blocker").doesNotContain("Ada's blocker words");
			logged(Operation.BLOCKER_PAGE_SHOW, "email_link");
		});
		cases.put(Operation.BLOCKER_PAGE_ACT, () -> {
			String blocker = adasBlocker("COACHES");
			String path = blockerPath(blocker, "UMAJA");
			assertThat(form(path, "action=acknowledge").statusCode()).isEqualTo(403);
			assertThat(form(path, "action=resolve").statusCode()).isEqualTo(403);
			assertThat(blockerState(blocker)).isEqualTo("OPEN");
			logged(Operation.BLOCKER_PAGE_ACT, "email_link");
		});
		cases.put(Operation.API_PLACEMENT_BLOCKERS, () -> otherProgrammesPlacement(Operation.API_PLACEMENT_BLOCKERS,
				"GET", "/blockers"));
		cases.put(Operation.API_SHOW_BLOCKER_SETTINGS, () -> {
			ada();
			assertThat(http(otherProgramme(), "GET", "/api/v1/programs/KTP%202026/blockers", null).statusCode())
				.isEqualTo(404);
			logged(Operation.API_SHOW_BLOCKER_SETTINGS, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_UPDATE_BLOCKER_SETTINGS, () -> {
			ada();
			String body = "{\"escalateAfter\": \"P3D\"}";
			readOnlyRefused(Operation.API_UPDATE_BLOCKER_SETTINGS,
					http(readOnly(), "PUT", "/api/v1/programs/KTP%202026/blockers", body));
			assertThat(http(otherProgramme(), "PUT", "/api/v1/programs/ktp%202026/blockers", body).statusCode())
				.isEqualTo(404);
			assertThat(mongo.getCollection("blocker_settings").countDocuments()).isZero();
			logged(Operation.API_UPDATE_BLOCKER_SETTINGS, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.READ_ITEM, () -> {
			adasEntry("CONFIDENTIAL");
			adasEntry("PRIVATE");
			String shared = adasEntry("COACHES");
			// an admin is not the academic coach: what is confidential or private is not read to it
			JsonNode listed = json(get("/api/v1/placements/" + adas + "/entries").body());
			assertThat(listed).extracting(e -> e.get("id").asString()).containsExactly(shared);
		});

		// ----------------------------------------------------------------- the admin API: a read-only token, another programme's
		cases.put(Operation.API_ENROL_PLACEMENT, () -> {
			String body = placementJson(ADA, "2026-11-02", "2027-04-30");
			readOnlyRefused(Operation.API_ENROL_PLACEMENT, http(readOnly(), "POST", "/api/v1/placements", body));
			HttpResponse<String> other = http(otherProgramme(), "POST", "/api/v1/placements", body);
			assertThat(other.statusCode()).isEqualTo(403);
			assertThat(json(other.body()).get("errors").get(0).get("field").asString()).isEqualTo("program");
			assertThat(mongo.getCollection("placements").countDocuments()).isZero();
			logged(Operation.API_ENROL_PLACEMENT, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_LIST_PLACEMENTS, () -> {
			ada();
			HttpResponse<String> listed = http(otherProgramme(), "GET", "/api/v1/placements", null);
			assertThat(listed.statusCode()).isEqualTo(200);
			assertThat(json(listed.body())).as("Ada's placement is KTP 2026's").isEmpty();
		});
		cases.put(Operation.API_SHOW_PLACEMENT, () -> otherProgrammesPlacement(Operation.API_SHOW_PLACEMENT, "GET", ""));
		cases.put(Operation.API_PLACEMENT_ENTRIES, () -> otherProgrammesPlacement(Operation.API_PLACEMENT_ENTRIES, "GET",
				"/entries"));
		cases.put(Operation.API_PLACEMENT_STATUS_UPDATES, () -> otherProgrammesPlacement(
				Operation.API_PLACEMENT_STATUS_UPDATES, "GET", "/status-updates"));
		cases.put(Operation.API_SEND_PROMPT, () -> {
			ada();
			readOnlyRefused(Operation.API_SEND_PROMPT, http(readOnly(), "POST", "/api/v1/placements/" + adas + "/send-prompt", null));
			otherProgrammesPlacement(Operation.API_SEND_PROMPT, "POST", "/send-prompt");
			assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero();
		});
		cases.put(Operation.API_CHANGE_PLACEMENT, () -> {
			ada();
			readOnlyRefused(Operation.API_CHANGE_PLACEMENT, http(readOnly(), "PATCH", "/api/v1/placements/" + adas,
					"{\"hostOrganisation\": \"Volvo\"}"));
			otherProgrammesPlacement(Operation.API_CHANGE_PLACEMENT, "PATCH", "");
			assertThat(mongo.getCollection("placements").find().first().getString("hostOrganisation"))
				.isNotEqualTo("Volvo");
		});
		cases.put(Operation.API_PAUSE_PLACEMENTS, () -> {
			ada();
			readOnlyRefused(Operation.API_PAUSE_PLACEMENTS, http(readOnly(), "POST", "/api/v1/placements:pause", "{}"));
			HttpResponse<String> other = http(otherProgramme(), "POST", "/api/v1/placements:pause",
					"{\"program\": \"KTP 2026\"}");
			assertThat(other.statusCode()).isEqualTo(403);
			assertThat(json(other.body()).get("errors").get(0).get("field").asString()).isEqualTo("program");
			assertThat(mongo.getCollection("closures").countDocuments()).isZero();
			logged(Operation.API_PAUSE_PLACEMENTS, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_RESUME_PLACEMENTS, () -> {
			ada();
			assertThat(postJson("/api/v1/placements:pause", "{\"program\": \"KTP 2026\"}").statusCode()).isEqualTo(201);
			readOnlyRefused(Operation.API_RESUME_PLACEMENTS, http(readOnly(), "POST", "/api/v1/placements:resume", "{}"));
			HttpResponse<String> other = http(otherProgramme(), "POST", "/api/v1/placements:resume",
					"{\"program\": \"KTP 2026\"}");
			assertThat(other.statusCode()).isEqualTo(403);
			assertThat(mongo.getCollection("closures").find().first().get("to")).isNull();
			assertThat(mongo.getCollection("closures").find().first().getBoolean("cancelled")).isFalse();
			logged(Operation.API_RESUME_PLACEMENTS, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_IMPORT_PLACEMENTS, () -> {
			String csv = "participant_name,participant_slack_id,participant_timezone,program,host_organisation,"
					+ "start_date,end_date,manager_name,manager_slack_id\n"
					+ "Ed Ek,UED,Europe/Stockholm,KTP 2026,Volvo,2026-12-01,2027-03-31,Maja Berg,UMAJA\n";
			readOnlyRefused(Operation.API_IMPORT_PLACEMENTS, csv(readOnly(), csv));
			JsonNode other = json(csv(otherProgramme(), csv).body());
			assertThat(other.get("rows").get(0).get("status").asString()).isEqualTo("refused");
			assertThat(other.get("rows").get(0).get("errors").get(0).get("field").asString()).isEqualTo("program");
			assertThat(mongo.getCollection("placements").countDocuments()).isZero();
			logged(Operation.API_IMPORT_PLACEMENTS, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_PROGRAM_EVALUATION_CSV, () -> {
			ada();
			assertThat(http(otherProgramme(), "GET", "/api/v1/programs/KTP%202026/evaluation.csv", null).statusCode())
				.isEqualTo(404);
			logged(Operation.API_PROGRAM_EVALUATION_CSV, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_PROGRAM_EVALUATION_PDF, () -> {
			ada();
			assertThat(http(otherProgramme(), "GET", "/api/v1/programs/KTP%202026/evaluation.pdf", null).statusCode())
				.isEqualTo(404);
			logged(Operation.API_PROGRAM_EVALUATION_PDF, "api_token: OTHER_PROGRAM");
		});
		// ----------------------------------------------------------------- the end-of-placement report
		cases.put(Operation.END_REPORT_FORM, () -> {
			ada();
			String answer = submit(BRUNO, "end_report", adas + ":0", Map.of("did", Map.of("t",
					SlackInteractions.text("Bruno writes Ada's report"))));
			assertThat(answer).contains("This report is not yours");
			assertThat(mongo.getCollection("end_reports").countDocuments()).isZero();
			logged(Operation.END_REPORT_FORM, "member");
		});
		cases.put(Operation.END_REPORT_APPROVE_BUTTON, () -> {
			adasSubmittedReport();
			press("UANDERS", "end_report_approve", adas);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UANDERS").isEmpty());
			assertThat(ephemeralsTo("UANDERS")).containsExactly(END_REPORT_REFUSED);
			assertThat(endReportState()).isEqualTo("SUBMITTED");
			logged(Operation.END_REPORT_APPROVE_BUTTON, "member");
		});
		cases.put(Operation.END_REPORT_RETURN_BUTTON, () -> {
			adasSubmittedReport();
			press("UBEATA", "end_report_return", adas);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UBEATA").isEmpty());
			assertThat(ephemeralsTo("UBEATA")).containsExactly("Only the placement's manager can approve or return this report.");
			assertThat(SlackStub.calls("views.open")).as("no comment form for anyone but the manager").isEmpty();
			logged(Operation.END_REPORT_RETURN_BUTTON, "member");
		});
		cases.put(Operation.END_REPORT_RETURN_FORM, () -> {
			adasSubmittedReport();
			assertThat(submit("UBEATA", "end_report_return", adas, Map.of("comment", Map.of("c",
					SlackInteractions.text("Rewrite it"))))).contains("Only the placement\\u0027s manager");
			assertThat(endReportState()).isEqualTo("SUBMITTED");
			logged(Operation.END_REPORT_RETURN_FORM, "member");
		});
		cases.put(Operation.END_REPORT_PAGE_SHOW, () -> {
			adasSubmittedReport();
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri(endReportPath("UANDERS"))).GET().build());
			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(page.body()).doesNotContain("Ada's report words");
			logged(Operation.END_REPORT_PAGE_SHOW, "email_link");
		});
		cases.put(Operation.END_REPORT_PAGE_ACT, () -> {
			adasSubmittedReport();
			assertThat(form(endReportPath("UANDERS"), "action=approve").statusCode()).isEqualTo(403);
			assertThat(form(endReportPath("UANDERS"), "action=return&comment=No").statusCode()).isEqualTo(403);
			assertThat(endReportState()).isEqualTo("SUBMITTED");
			logged(Operation.END_REPORT_PAGE_ACT, "email_link");
		});
		cases.put(Operation.WEEK_SIGNOFF_BUTTON, () -> {
			adasWeekToSignOff();
			press("UANDERS", "week_signoff_green", adas + "|2026-11-23");
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo("UANDERS").isEmpty());
			assertThat(ephemeralsTo("UANDERS")).containsExactly("Bara placeringens chef kan skriva under dess veckor.");
			assertThat(SlackStub.calls("views.open")).as("no sign-off form for anyone but the manager").isEmpty();
			assertThat(mongo.getCollection("week_signoffs").countDocuments()).isZero();
			logged(Operation.WEEK_SIGNOFF_BUTTON, "member");
		});
		cases.put(Operation.WEEK_SIGNOFF_FORM, () -> {
			adasWeekToSignOff();
			assertThat(submit("UBEATA", "week_signoff", adas + "|2026-11-23|GREEN", Map.of("comment", Map.of("c",
					SlackInteractions.text("Fine"))))).contains("Only the placement\\u0027s manager");
			assertThat(mongo.getCollection("week_signoffs").countDocuments()).isZero();
			logged(Operation.WEEK_SIGNOFF_FORM, "member");
		});
		cases.put(Operation.WEEK_SIGNOFF_PAGE_SHOW, () -> {
			adasWeekToSignOff();
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri(weekSignOffPath("UANDERS"))).GET().build());
			assertThat(page.statusCode()).isEqualTo(403);
			logged(Operation.WEEK_SIGNOFF_PAGE_SHOW, "email_link");
		});
		cases.put(Operation.WEEK_SIGNOFF_PAGE_ACT, () -> {
			adasWeekToSignOff();
			assertThat(form(weekSignOffPath("UANDERS"), "rating=green").statusCode()).isEqualTo(403);
			assertThat(mongo.getCollection("week_signoffs").countDocuments()).isZero();
			logged(Operation.WEEK_SIGNOFF_PAGE_ACT, "email_link");
		});
		cases.put(Operation.API_PLACEMENT_SIGNOFFS, () -> otherProgrammesPlacement(Operation.API_PLACEMENT_SIGNOFFS,
				"GET", "/signoffs"));
		cases.put(Operation.API_PLACEMENT_HOURS, () -> otherProgrammesPlacement(Operation.API_PLACEMENT_HOURS, "GET",
				"/hours"));
		cases.put(Operation.API_PLACEMENT_END_REPORT, () -> {
			adasSubmittedReport();
			otherProgrammesPlacement(Operation.API_PLACEMENT_END_REPORT, "GET", "/end-report");
		});
		cases.put(Operation.API_SCHEDULE_MEETING, () -> {
			ada();
			readOnlyRefused(Operation.API_SCHEDULE_MEETING, http(readOnly(), "POST",
					"/api/v1/placements/" + adas + "/meetings", "{\"date\": \"2027-01-14\"}"));
			otherProgrammesPlacement(Operation.API_SCHEDULE_MEETING, "POST", "/meetings");
			assertThat(mongo.getCollection("meetings").countDocuments()).isZero();
		});
		cases.put(Operation.API_LIST_MEETINGS, () -> otherProgrammesPlacement(Operation.API_LIST_MEETINGS, "GET",
				"/meetings"));
		cases.put(Operation.API_CANCEL_MEETING, () -> {
			ada();
			readOnlyRefused(Operation.API_CANCEL_MEETING, http(readOnly(), "DELETE",
					"/api/v1/placements/" + adas + "/meetings/m1", null));
			otherProgrammesPlacement(Operation.API_CANCEL_MEETING, "DELETE", "/meetings/m1");
		});
		cases.put(Operation.API_PLACEMENT_BRIEF, () -> {
			otherProgrammesPlacement(Operation.API_PLACEMENT_BRIEF, "GET", "/brief");
			assertThat(mongo.getCollection("briefs").countDocuments()).isZero();
		});
		cases.put(Operation.API_SHOW_PROGRAM, () -> {
			ada();
			assertThat(http(otherProgramme(), "GET", "/api/v1/programs/KTP%202026", null).statusCode()).isEqualTo(404);
			logged(Operation.API_SHOW_PROGRAM, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_UPDATE_PROGRAM, () -> {
			ada();
			String body = "{\"defaultVisibility\": \"placement\"}";
			readOnlyRefused(Operation.API_UPDATE_PROGRAM, http(readOnly(), "PUT", "/api/v1/programs/KTP%202026", body));
			assertThat(http(otherProgramme(), "PUT", "/api/v1/programs/ktp%202026", body).statusCode()).isEqualTo(404);
			assertThat(mongo.getCollection("programs").countDocuments()).isZero();
			logged(Operation.API_UPDATE_PROGRAM, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_SEND_DIGESTS, () -> {
			ada();
			installationWide(Operation.API_SEND_DIGESTS, "POST", "/api/v1/digests/send", null, true);
			assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		});
		cases.put(Operation.API_SHOW_DIGEST_RUN, () -> {
			ada();
			String location = postJson("/api/v1/digests/send", "").headers().firstValue("Location").orElseThrow();
			installationWide(Operation.API_SHOW_DIGEST_RUN, "GET", location, null, false);
		});
		cases.put(Operation.API_RETENTION_SWEEP, () -> installationWide(Operation.API_RETENTION_SWEEP, "POST",
				"/api/v1/retention:sweep", null, true));
		cases.put(Operation.API_CREATE_TOKEN, () -> {
			installationWide(Operation.API_CREATE_TOKEN, "POST", "/api/v1/tokens", "{\"name\": \"sneaky\"}", true);
			assertThat(mongo.getCollection("api_tokens").countDocuments(new Document("name", "sneaky"))).isZero();
		});
		cases.put(Operation.API_LIST_TOKENS, () -> installationWide(Operation.API_LIST_TOKENS, "GET", "/api/v1/tokens",
				null, false));
		cases.put(Operation.API_REVOKE_TOKEN, () -> {
			tokens.create("ops", "test");
			installationWide(Operation.API_REVOKE_TOKEN, "DELETE", "/api/v1/tokens/ops", null, true);
			assertThat(mongo.getCollection("api_tokens").find(new Document("name", "ops")).first().get("revokedAt"))
				.isNull();
		});
		cases.put(Operation.API_EXPORT_PERSON, () -> {
			ada();
			installationWide(Operation.API_EXPORT_PERSON, "GET", "/api/v1/people/UADA/export", null, false);
		});
		cases.put(Operation.API_ERASE_PERSON, () -> {
			ada();
			installationWide(Operation.API_ERASE_PERSON, "DELETE", "/api/v1/people/UADA", null, true);
			assertThat(adasPlacement()).isNotNull();
		});
		cases.put(Operation.API_SHOW_DEMO, () -> installationWide(Operation.API_SHOW_DEMO, "GET", "/api/v1/demo", null,
				false));
		cases.put(Operation.API_REMOVE_DEMO, () -> {
			ada();
			installationWide(Operation.API_REMOVE_DEMO, "DELETE", "/api/v1/demo", null, true);
			assertThat(mongo.getCollection("demo_placements").countDocuments()).isEqualTo(1);
		});
		cases.put(Operation.API_LIST_DELIVERIES, () -> installationWide(Operation.API_LIST_DELIVERIES, "GET",
				"/api/v1/deliveries", null, false));
		// ----------------------------------------------------------------- surveys (issue 14)
		cases.put(Operation.COMMAND_SURVEY, () -> adminCommand(Operation.COMMAND_SURVEY,
				"survey end-satisfaction program:\"KTP 2026\"", () -> {
					assertThat(mongo.getCollection("survey_sends").countDocuments()).isZero();
					assertThat(mongo.getCollection("audit").countDocuments(new Document("action", "survey-send"))).isZero();
				}));
		cases.put(Operation.SURVEY_OPEN_BUTTON, () -> {
			String sent = adasSurvey();
			press(BRUNO, "survey_open", sent);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo(BRUNO).isEmpty());
			assertThat(ephemeralsTo(BRUNO)).containsExactly("This survey is not yours to answer, or it no longer exists.");
			assertThat(SlackStub.calls("views.open")).isEmpty();
			logged(Operation.SURVEY_OPEN_BUTTON, "member");
		});
		cases.put(Operation.SURVEY_ANSWER_FORM, () -> {
			String sent = adasSurvey();
			JsonNode ack = json(submit(BRUNO, "survey_answer", sent,
					Map.of("sq_satisfied", Map.of("a", SlackInteractions.selected("radio_buttons", "5")))));
			assertThat(ack.get("errors").get("sq_satisfied").asString())
				.isEqualTo("This survey is not yours to answer, or it no longer exists.");
			assertThat(mongo.getCollection("survey_answers").countDocuments()).isZero();
			logged(Operation.SURVEY_ANSWER_FORM, "member");
		});
		// ----------------------------------------------------------------- goal progress (issue 14)
		cases.put(Operation.GOAL_PROGRESS_BUTTON, () -> {
			String asked = adasGoalQuestion();
			press(BRUNO, "goal_progress", asked);
			await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo(BRUNO).isEmpty());
			assertThat(ephemeralsTo(BRUNO))
				.containsExactly("This question about learning goals is not yours to answer, or it no longer applies.");
			assertThat(SlackStub.calls("views.open")).isEmpty();
			logged(Operation.GOAL_PROGRESS_BUTTON, "member");
		});
		cases.put(Operation.GOAL_PROGRESS_FORM, () -> {
			String asked = adasGoalQuestion();
			JsonNode ack = json(submit(BRUNO, "goal_progress", asked,
					Map.of("moved", Map.of("a", SlackInteractions.text("0")))));
			assertThat(ack.get("errors").get("moved").asString())
				.isEqualTo("This question about learning goals is not yours to answer, or it no longer applies.");
			assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();
			logged(Operation.GOAL_PROGRESS_FORM, "member");
		});
		cases.put(Operation.API_SEND_SURVEY, () -> {
			ada();
			String path = "/api/v1/programs/KTP%202026/surveys/end-satisfaction:send";
			readOnlyRefused(Operation.API_SEND_SURVEY, http(readOnly(), "POST", path, null));
			assertThat(http(otherProgramme(), "POST", path, null).statusCode()).isEqualTo(404);
			assertThat(mongo.getCollection("survey_sends").countDocuments()).isZero();
			logged(Operation.API_SEND_SURVEY, "api_token: OTHER_PROGRAM");
		});
		cases.put(Operation.API_PROGRAM_SURVEY_ANSWERS_CSV, () -> {
			ada();
			assertThat(http(otherProgramme(), "GET", "/api/v1/programs/KTP%202026/survey-answers.csv", null)
				.statusCode()).isEqualTo(404);
			logged(Operation.API_PROGRAM_SURVEY_ANSWERS_CSV, "api_token: OTHER_PROGRAM");
		});
		return cases;
	}

	/** The end survey sent now to Ada's placement (and delivered): its send id, the button's value. */
	/** Ada's placement with two goals; the value of this month's "Which goal moved?" button. */
	private String adasGoalQuestion() {
		ada();
		HttpRequest patch = HttpRequest.newBuilder(uri("/api/v1/placements/" + adas))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"learningGoals\": [\"Run a review\", \"Present\"]}"))
			.build();
		assertThat(send(patch).statusCode()).isEqualTo(200);
		return adas + "/2026-12";
	}

	private String adasSurvey() {
		ada();
		assertThat(postJson("/api/v1/programs/KTP%202026/surveys/end-satisfaction:send", "").statusCode()).isEqualTo(202);
		drainOutbox();
		return mongo.getCollection("survey_sends").find().first().getString("_id");
	}

	// ---------------------------------------------------------------------------------------------- case helpers

	/** A non-admin runs an admin command: refused in the ack, in their words, logged, and nothing changes. */
	private void adminCommand(Operation operation, String text, Runnable unchanged) {
		ada();
		assertThat(refusedCommand("UBEATA", text)).isEqualTo(ADMIN_ONLY);
		unchanged.run();
		logged(operation, "member");
	}

	/** Bruno presses a button of Ada's prompt: told it is not his, and the prompt is as it was. */
	private void promptButton(Operation operation, String actionId) {
		String occurrence = adasPrompt();
		Document before = mongo.getCollection("prompt_occurrences").find(new Document("_id", occurrence)).first();
		press(BRUNO, actionId, occurrence);
		await().atMost(Duration.ofSeconds(10)).until(() -> !ephemeralsTo(BRUNO).isEmpty());
		assertThat(ephemeralsTo(BRUNO)).containsExactly(NOT_YOURS);
		assertThat(SlackStub.calls("views.open")).isEmpty();
		assertThat(mongo.getCollection("prompt_occurrences").find(new Document("_id", occurrence)).first())
			.isEqualTo(before);
		logged(operation, "member");
	}

	/** A token limited to programme "Other" asks about Ada's placement (KTP 2026): the 404 of one that is not there. */
	private void otherProgrammesPlacement(Operation operation, String method, String rest) {
		ada();
		HttpResponse<String> response = http(otherProgramme(), method, "/api/v1/placements/" + adas + rest, null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response.body()).get("detail").asString()).isEqualTo("No placement with id " + adas);
		logged(operation, "api_token: OTHER_PROGRAM");
	}

	/** Something for every programme: refused to a programme's token, and (when it writes) to a read-only one. */
	private void installationWide(Operation operation, String method, String path, String body, boolean writes) {
		HttpResponse<String> other = http(otherProgramme(), method, path, body);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(json(other.body()).get("detail").asString()).startsWith("This token is limited to programme 'Other'");
		logged(operation, "api_token: PROGRAM_TOKEN");
		if (writes) {
			readOnlyRefused(operation, http(readOnly(), method, path, body));
		}
	}

	private void readOnlyRefused(Operation operation, HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(response.body()).get("requiredScope").asString()).isEqualTo("admin");
		logged(operation, "api_token: READ_ONLY_TOKEN");
	}

	private String refusedCommand(String userId, String text) {
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response.body()).get("text").asString();
	}

	/** A portal session of the person with this Slack member id, signed in through a link mailed to the address. */
	private org.fieldnotes.support.PortalClient portalAs(String memberId, String address) {
		mongo.getCollection("people").updateOne(new Document("_id", personOf(memberId)),
				new Document("$set", new Document("emails", List.of(address))));
		org.fieldnotes.support.PortalClient client = new org.fieldnotes.support.PortalClient(port);
		client.page("/portal/sign-in");
		client.post("/portal/sign-in", "address", address);
		drainOutbox();
		String mail = org.fieldnotes.support.MailParts.texts(greenMail.getReceivedMessages()[
				greenMail.getReceivedMessages().length - 1]).get("text/plain");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/sign-in/link\\?token=([A-Za-z0-9_.\\-]+)")
			.matcher(mail);
		assertThat(link.find()).isTrue();
		assertThat(org.fieldnotes.support.PortalClient.location(client.signInWith(link.group(1)))).isEqualTo("/portal");
		return client;
	}

	private void logged(Operation operation, String to) {
		assertThat(output.getAll()).contains("Denied " + operation.name() + " to a " + to);
	}

	private void awaitLogged(Operation operation, String to) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getAll().contains("Denied " + operation.name() + " to a " + to));
	}

	// ---------------------------------------------------------------------------------------------- fixtures

	/** Ada's placement (programme KTP 2026; manager UMAJA, coaches UANDERS and UBEATA), and Bruno's, elsewhere. */
	private void ada() {
		if (adas != null) {
			return;
		}
		adas = enrol(ADA, "2026-11-02", "2027-04-30");
		// a demo mark (as the demo writes it before enrolling), which a refused removal must leave
		mongo.getCollection("demo_placements").insertOne(new Document("_id", "demo-1")
			.append("accountKeys", List.of("web:w-0123456789abcdef0123456789abcdef")).append("personIds", List.of()));
		assertThat(postJson("/api/v1/placements", placementJson(BRUNO, "2026-11-02", "2027-04-30")
			.replace("KTP 2026", "Thesis").replace("UANDERS", "UCARL").replace("UBEATA", "UCECILIA")
			.replace("UMAJA", "UMIKA")).statusCode()).isEqualTo(201);
	}

	private Document adasPlacement() {
		return mongo.getCollection("placements").find(new Document("_id", adas)).first();
	}

	private String placementStatus() {
		return mongo.getCollection("placements").find(new Document("_id", adas)).first().getString("status");
	}

	/** Ada's next prompt, sent now; its occurrence id. */
	private String adasPrompt() {
		ada();
		HttpResponse<String> sent = postJson("/api/v1/placements/" + adas + "/send-prompt", "");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
		return json(sent.body()).get("occurrenceId").asString();
	}

	private int entries;

	/** An entry Ada wrote, with this visibility; its id. */
	private String adasEntry(String visibility) {
		ada();
		String ts = "1764669600.00010" + (++entries);
		directMessage("Ev" + entries, ADA, ts, "Ada's own words", null);
		String id = mongo.getCollection("logbook_entries").find(new Document("ts", ts)).first().getString("_id");
		mongo.getCollection("logbook_entries")
			.updateOne(new Document("_id", id), new Document("$set", new Document("visibility", visibility)));
		return id;
	}

	/** A blocker of Ada's, as a status update of hers naming one makes it, shared as {@code visibility} says. */
	private String adasBlocker(String visibility) {
		ada();
		String id = "blocker-" + (++entries);
		mongo.getCollection("blockers").insertOne(new Document("_id", id).append("placementId", adas)
			.append("authorId", personOf(ADA)).append("naturalKey", "status:" + id).append("text", "Ada's blocker words")
			.append("owner", "PARTICIPANT").append("state", "OPEN").append("visibility", visibility)
			.append("createdAt", java.util.Date.from(clock.instant())));
		return id;
	}

	/** Ada's end-of-placement report, submitted to her manager Maja. */
	private void adasSubmittedReport() {
		ada();
		mongo.getCollection("end_reports").insertOne(new Document("_id", adas).append("participantId", personOf(ADA))
			.append("managerId", personOf("UMAJA")).append("program", "KTP 2026").append("state", "SUBMITTED")
			.append("sections", new Document("did", "Ada's report words")).append("version", 1L)
			.append("history", List.of()));
	}

	private String endReportState() {
		return mongo.getCollection("end_reports").find(new Document("_id", adas)).first().getString("state");
	}

	/** Ada's programme asks for host sign-off; her week 4 (from Mon 23 Nov 2026) is over. */
	private void adasWeekToSignOff() {
		ada();
		mongo.getCollection("programs").insertOne(new Document("_id", "ktp 2026").append("name", "KTP 2026")
			.append("hostSignOff", true));
	}

	private String weekSignOffPath(String memberId) {
		String link = weekSignOffLinks.linkFor(adas, java.time.LocalDate.parse("2026-11-23"), personOf(memberId))
			.orElseThrow();
		return link.substring("https://fieldnotes.example.org".length());
	}

	private String endReportPath(String memberId) {
		String link = endReportLinks.linkFor(adas, personOf(memberId)).orElseThrow();
		return link.substring("https://fieldnotes.example.org".length());
	}

	private String blockerState(String blockerId) {
		return mongo.getCollection("blockers").find(new Document("_id", blockerId)).first().getString("state");
	}

	private String blockerPath(String blockerId, String recipientMember) {
		String link = blockerLinks.linkFor(blockerId, personOf(recipientMember)).orElseThrow();
		return link.substring("https://fieldnotes.example.org".length());
	}

	private String entryField(String entryId, String field) {
		return mongo.getCollection("logbook_entries").find(new Document("_id", entryId)).first().getString(field);
	}

	/** A status update Ada gave, shared with her coaches; its id. */
	private String adasStatusUpdate() {
		ada();
		assertThat(submit(ADA, "status_update", "", statusValues())).isEmpty();
		Document update = mongo.getCollection("status_updates").find().first();
		assertThat(update.getString("visibility")).isEqualTo("COACHES");
		return update.getString("_id");
	}

	private static Map<String, Map<String, JsonNode>> statusValues() {
		Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
		values.put("status", Map.of("choice", SlackInteractions.selected("radio_buttons", "GREEN")));
		values.put("progress", Map.of("text", SlackInteractions.text("All well")));
		values.put("mood", Map.of("choice", SlackInteractions.selected("static_select", "4")));
		return values;
	}

	private String readOnly() {
		return tokens.create("reporting", TokenScope.READ_ONLY, null, "test").token();
	}

	private String otherProgramme() {
		return tokens.create("other-" + System.nanoTime(), TokenScope.ADMIN, "Other", "test").token();
	}

	private String responsePath(String entryId, String recipientKey) {
		String link = links.linkFor(entryId, recipientKey).orElseThrow();
		return link.substring("https://fieldnotes.example.org".length());
	}

	// ---------------------------------------------------------------------------------------------- requests

	private void press(String userId, String actionId, String value) {
		assertThat(slackEvent(SlackInteractions.buttonPress(userId, actionId, value, "D" + userId, "1764756000.000200"),
				SlackInteractions.FORM).statusCode()).isEqualTo(200);
	}

	private void menu(String userId, String actionId, String choice) {
		assertThat(slackEvent(SlackInteractions.overflowChoice(userId, actionId, choice), SlackInteractions.FORM)
			.statusCode()).isEqualTo(200);
	}

	private String submit(String userId, String callbackId, String metadata, Map<String, Map<String, JsonNode>> values) {
		HttpResponse<String> ack = slackEvent(SlackInteractions.viewSubmission(userId, "V" + callbackId, callbackId,
				metadata, values), SlackInteractions.FORM);
		assertThat(ack.statusCode()).isEqualTo(200);
		return ack.body();
	}

	private static List<String> ephemeralsTo(String userId) {
		return SlackStub.calls("chat.postEphemeral").stream().filter(m -> userId.equals(m.get("user")))
			.map(m -> m.get("text")).toList();
	}

	private static List<JsonNode> buttonResponses() {
		return SlackStub.server().findAll(postRequestedFor(urlEqualTo(BUTTON_RESPONSE_URL))).stream()
			.map(r -> JSON.readTree(r.getBodyAsString())).toList();
	}

	private HttpResponse<String> http(String token, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json)).build());
	}

	private HttpResponse<String> csv(String token, String csv) {
		return send(HttpRequest.newBuilder(uri("/api/v1/placements:import")).header("Authorization", "Bearer " + token)
			.header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
	}

	private HttpResponse<String> form(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}
}
