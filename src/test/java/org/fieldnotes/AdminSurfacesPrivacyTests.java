package org.fieldnotes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Surface;
import org.fieldnotes.access.Who;
import org.fieldnotes.commands.EraseCommand;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.PortalClient;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Private means private on every admin surface. Ada's placement holds a private and a confidential entry and
 * status update, and her academic coach's reply to the confidential entry; a digest quoting that entry waits in the
 * outbox for the coach. Every surface an admin can reach — each operation whose rule lets an admin through, and the
 * cohort digest — is called, in turn, and none of those words may appear in its answer. A shared entry is the
 * control: it shows where admins may read it, so a surface that shows nothing at all cannot pass by accident.
 * <p>
 * The admin's portal is one of those surfaces, so this test runs with a mail server and signed links (an admin signs
 * in there through a mailed link).
 * <p>
 * The table is checked against the access policy: an operation open to admins without a row here (or a reason it
 * shows nothing of anyone's logbook) fails {@link #everyAdminOperationIsInTheTable()}.
 */
class AdminSurfacesPrivacyTests extends MailTest {

	private static final String PRIVATE_ENTRY = "Private entry quokka";
	private static final String CONFIDENTIAL_ENTRY = "Confidential entry numbat";
	private static final String PRIVATE_PROGRESS = "Private progress axolotl";
	private static final String PRIVATE_BLOCKER = "Private blocker axolotl";
	private static final String CONFIDENTIAL_PROGRESS = "Confidential progress pangolin";
	private static final String CONFIDENTIAL_BLOCKER = "Confidential blocker pangolin";
	private static final String REPLY_TO_CONFIDENTIAL = "Reply to confidential tuatara";
	/** The note of a day's hours: the participant's alone. */
	private static final String PRIVATE_HOURS_NOTE = "Hours note kakapo";
	/** What no admin may ever read. */
	private static final List<String> NEVER = List.of(PRIVATE_ENTRY, CONFIDENTIAL_ENTRY, PRIVATE_PROGRESS,
			PRIVATE_BLOCKER, CONFIDENTIAL_PROGRESS, CONFIDENTIAL_BLOCKER, REPLY_TO_CONFIDENTIAL, "quokka", "numbat",
			"axolotl", "pangolin", "tuatara", PRIVATE_HOURS_NOTE);
	/** The control: shared with the coaches, so admins may read it. */
	private static final String SHARED_ENTRY = "Shared entry wombat";
	private static final String SHARED_PROGRESS = "Shared progress heron";
	private static final String SHARED_BLOCKER = "Shared blocker egret";
	private static final String RESPONSE_URL = "/api/response/T1/1/x";

	/**
	 * Operations open to admins that show nothing of what anyone wrote, and why they are not in the table: the
	 * enrolment form answers with the placement it creates (its twin, the enroll command, is in the table).
	 */
	private static final Set<Operation> NOT_IN_THE_TABLE = EnumSet.of(Operation.ENROLMENT_FORM);

	@org.springframework.test.context.DynamicPropertySource
	static void links(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=");
	}

	@Autowired
	Logbook logbook;

	@Autowired
	org.fieldnotes.endreport.EndReports endReports;

	@Autowired
	org.fieldnotes.placement.PlacementManagement placements;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Responses responses;

	@Autowired
	DigestService digests;

	private String ada;

	/** A surface an admin reaches, by its operation, and what it answers (the raw body, every word of it). */
	private record AdminSurface(String name, Operation operation, Supplier<String> answer, List<String> mustShow) {
	}

	private void adaWritesForEveryVisibility() {
		SlackStub.server().stubFor(post(urlEqualTo(RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
		ada = enrol("UADA", "2026-11-02", "2027-04-30");
		enrol("UBRUNO", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), SHARED_ENTRY, Visibility.COACHES);
		logbook.write(slack("UADA"), PRIVATE_ENTRY, Visibility.PRIVATE);
		LogbookEntry confidential = logbook.write(slack("UADA"), CONFIDENTIAL_ENTRY, Visibility.CONFIDENTIAL);
		statusUpdates.submit(slack("UADA"), new StatusUpdates.Report(OverallStatus.GREEN, SHARED_PROGRESS, SHARED_BLOCKER,
				4), null, "test:shared", Visibility.COACHES);
		clock.advance(Duration.ofMinutes(1));
		statusUpdates.submit(slack("UADA"), new StatusUpdates.Report(OverallStatus.AMBER, PRIVATE_PROGRESS, PRIVATE_BLOCKER, 2),
				null, "test:private", Visibility.PRIVATE);
		statusUpdates.submit(slack("UADA"), new StatusUpdates.Report(OverallStatus.RED, CONFIDENTIAL_PROGRESS,
				CONFIDENTIAL_BLOCKER, 1), null, "test:confidential", Visibility.CONFIDENTIAL);
		assertThat(responses.reply(confidential.id(), slack("UANDERS"), REPLY_TO_CONFIDENTIAL, "s1").accepted()).isTrue();
		assertThat(commandAnswer("UADA", "hours 7.5 " + PRIVATE_HOURS_NOTE)).contains("7.5 h logged");
		assertThat(postJson("/api/v1/placements/" + ada + "/send-prompt", "").statusCode()).isEqualTo(202);
		clock.advance(Duration.ofMinutes(5));
		// the academic coach's digest, quoting the confidential entry, waits in the outbox while Slack is down
		SlackStub.status("chat.postMessage", 503);
		digests.sendAll();
		SlackStub.reset();
		SlackStub.server().stubFor(post(urlEqualTo(RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
		assertThat(mongo.getCollection("outbox").find(new org.bson.Document("recipient", keyOf("UANDERS"))).first().toJson())
			.as("the set-up: a queued digest quoting the confidential entry").contains(CONFIDENTIAL_ENTRY);
	}

	/** Read-only surfaces first, then those that change something, the erasures last. */
	private List<AdminSurface> table() {
		List<AdminSurface> table = new ArrayList<>();
		// the admin API: reading
		for (String person : List.of("UADA", "UANDERS", "UBEATA", "UMAJA")) {
			table.add(new AdminSurface("GET export of " + person, Operation.API_EXPORT_PERSON,
					() -> api("GET", "/api/v1/people/" + person + "/export", null),
					person.equals("UADA") ? List.of(SHARED_ENTRY, "\"withheld\"") : List.of("\"withheld\"")));
		}
		table.add(new AdminSurface("GET placements", Operation.API_LIST_PLACEMENTS,
				() -> api("GET", "/api/v1/placements", null), List.of("Ada Lindqvist")));
		table.add(new AdminSurface("GET placement", Operation.API_SHOW_PLACEMENT,
				() -> api("GET", "/api/v1/placements/" + ada, null), List.of("Ada Lindqvist")));
		table.add(new AdminSurface("GET entries", Operation.API_PLACEMENT_ENTRIES,
				() -> api("GET", "/api/v1/placements/" + ada + "/entries?includeDeleted=true", null),
				List.of(SHARED_ENTRY)));
		table.add(new AdminSurface("GET status updates", Operation.API_PLACEMENT_STATUS_UPDATES,
				() -> api("GET", "/api/v1/placements/" + ada + "/status-updates", null), List.of(SHARED_PROGRESS)));
		table.add(new AdminSurface("GET blockers", Operation.API_PLACEMENT_BLOCKERS,
				() -> api("GET", "/api/v1/placements/" + ada + "/blockers", null), List.of(SHARED_BLOCKER)));
		table.add(new AdminSurface("GET programme's blockers", Operation.API_SHOW_BLOCKER_SETTINGS,
				() -> api("GET", "/api/v1/programs/KTP%202026/blockers", null), List.of("escalateAfter")));
		table.add(new AdminSurface("GET deliveries", Operation.API_LIST_DELIVERIES,
				() -> api("GET", "/api/v1/deliveries?limit=500", null), List.of("PENDING")));
		table.add(new AdminSurface("GET programme", Operation.API_SHOW_PROGRAM,
				() -> api("GET", "/api/v1/programs/KTP%202026", null), List.of("KTP 2026")));
		table.add(new AdminSurface("GET evaluation.csv", Operation.API_PROGRAM_EVALUATION_CSV,
				() -> api("GET", "/api/v1/programs/KTP%202026/evaluation.csv", null), List.of("placement_id", ada)));
		// the PDF's text is compressed; what it shows is checked on its XHTML (ReportsPrivacyTests)
		table.add(new AdminSurface("GET evaluation.pdf", Operation.API_PROGRAM_EVALUATION_PDF,
				() -> api("GET", "/api/v1/programs/KTP%202026/evaluation.pdf", null), List.of("%PDF-")));
		table.add(new AdminSurface("GET survey-answers.csv", Operation.API_PROGRAM_SURVEY_ANSWERS_CSV,
				() -> api("GET", "/api/v1/programs/KTP%202026/survey-answers.csv", null), List.of("placement_id")));
		table.add(new AdminSurface("GET brief", Operation.API_PLACEMENT_BRIEF,
				() -> api("GET", "/api/v1/placements/" + ada + "/brief", null), List.of(SHARED_ENTRY, "\"admin\"")));
		// Ada sends the report Fieldnotes drafted from her logbook (nothing private or confidential goes in)
		table.add(new AdminSurface("GET end-report", Operation.API_PLACEMENT_END_REPORT, () -> {
			var placement = placements.get(ada);
			var drafted = endReports.currentOrDraft(placement, java.util.Locale.ENGLISH);
			assertThat(endReports.save(slack("UADA"), ada, drafted.version(), drafted.sections(), true, "slack").status())
				.isEqualTo(org.fieldnotes.endreport.EndReports.Status.SUBMITTED);
			return api("GET", "/api/v1/placements/" + ada + "/end-report", null);
		}, List.of(SHARED_ENTRY, "\"submitted\"")));
		// the portal, as an admin signed in through a mailed link reads it
		table.add(new AdminSurface("portal timeline", Operation.PORTAL_PLACEMENT_TIMELINE,
				() -> adminInThePortal().page("/portal/placements/" + ada), List.of(SHARED_ENTRY, SHARED_PROGRESS)));
		// searching for every word no admin may read, and for the shared entry's: what the pages found (the search box
		// itself repeats the query, so only the results are the surface)
		table.add(new AdminSurface("portal search", Operation.PORTAL_SEARCH, () -> {
			PortalClient admin = adminInThePortal();
			StringBuilder found = new StringBuilder(resultsOf(admin.page("/portal/search?q=wombat")));
			for (String never : NEVER) {
				found.append(resultsOf(admin.page("/portal/search?q=" + PortalClient.enc(never))));
			}
			return found.toString();
		}, List.of("<mark>wombat</mark>")));
		table.add(new AdminSurface("GET signoffs", Operation.API_PLACEMENT_SIGNOFFS,
				() -> api("GET", "/api/v1/placements/" + ada + "/signoffs", null), List.of("\"signOffs\"")));
		// Ada's day carries a note only she may read; coordinators get the figure
		table.add(new AdminSurface("GET hours", Operation.API_PLACEMENT_HOURS,
				() -> api("GET", "/api/v1/placements/" + ada + "/hours", null), List.of("\"loggedHours\":7.5")));
		// chat commands: reading
		for (String follower : List.of("UANDERS", "UBEATA", "UMAJA", "UADA")) {
			table.add(new AdminSurface("digest preview @" + follower, Operation.COMMAND_DIGEST_PREVIEW_OF,
					() -> command("digest preview <@" + follower + ">"),
					switch (follower) {
						case "UANDERS", "UBEATA" -> List.of(SHARED_ENTRY, "only what admins may read");
						case "UMAJA" -> List.of("Ada Lindqvist", "only what admins may read");
						default -> List.of("has no digest");
					}));
		}
		table.add(new AdminSurface("the cohort digest (digest preview)", Operation.COMMAND_DIGEST,
				() -> command("digest preview"), List.of("Ada Lindqvist")));
		table.add(new AdminSurface("list", Operation.COMMAND_LIST, () -> command("list"), List.of("Ada Lindqvist")));
		table.add(new AdminSurface("who-is-quiet", Operation.COMMAND_WHO_IS_QUIET, () -> command("who-is-quiet"),
				List.of("no entry yet")));
		table.add(new AdminSurface("programs", Operation.COMMAND_PROGRAMS, () -> command("programs"),
				List.of("KTP 2026")));
		table.add(new AdminSurface("audit", Operation.COMMAND_AUDIT, () -> command("audit 100"), List.of("enrol")));
		table.add(new AdminSurface("erase @UADA (the question)", Operation.COMMAND_ERASE,
				() -> command("erase <@UADA>"), List.of("Erase for good")));
		// changing something
		// send-now answers after its ack, through the command's response_url
		table.add(new AdminSurface("send-now @UADA", Operation.COMMAND_SEND_NOW,
				() -> answerAfterAck("UADMIN1", "send-now <@UADA>"), List.of("next prompt")));
		table.add(new AdminSurface("skip @UADA", Operation.COMMAND_SKIP, () -> command("skip <@UADA>"), List.of("Skipped")));
		table.add(new AdminSurface("pause @UADA", Operation.COMMAND_PAUSE, () -> command("pause <@UADA>"), List.of("Paused")));
		table.add(new AdminSurface("resume @UADA", Operation.COMMAND_RESUME, () -> command("resume <@UADA>"),
				List.of("Resumed")));
		table.add(new AdminSurface("POST send-prompt", Operation.API_SEND_PROMPT,
				() -> api("POST", "/api/v1/placements/" + ada + "/send-prompt", ""), List.of("occurrenceId")));
		table.add(new AdminSurface("survey", Operation.COMMAND_SURVEY,
				() -> command("survey end-satisfaction program:\"KTP 2026\""), List.of("sent to")));
		table.add(new AdminSurface("POST survey send", Operation.API_SEND_SURVEY,
				() -> api("POST", "/api/v1/programs/KTP%202026/surveys/mid-check:send", ""), List.of("\"sent\"")));
		table.add(new AdminSurface("POST meeting", Operation.API_SCHEDULE_MEETING,
				() -> api("POST", "/api/v1/placements/" + ada + "/meetings", "{\"date\": \"2027-01-14\", \"title\": \"Q1\"}"),
				List.of("\"briefsAt\"")));
		table.add(new AdminSurface("GET meetings", Operation.API_LIST_MEETINGS,
				() -> api("GET", "/api/v1/placements/" + ada + "/meetings", null), List.of("2027-01-14")));
		table.add(new AdminSurface("DELETE meeting", Operation.API_CANCEL_MEETING, () -> {
			String id = json(api("GET", "/api/v1/placements/" + ada + "/meetings", null)).get(0).get("id").asString();
			api("DELETE", "/api/v1/placements/" + ada + "/meetings/" + id, null);
			return api("GET", "/api/v1/placements/" + ada + "/meetings", null);
		}, List.of("[]")));
		table.add(new AdminSurface("POST digests/send", Operation.API_SEND_DIGESTS,
				() -> api("POST", "/api/v1/digests/send", ""), List.of("handled")));
		table.add(new AdminSurface("GET digest run", Operation.API_SHOW_DIGEST_RUN, () -> api("GET",
				json(api("POST", "/api/v1/digests/send", "")).get("location").asString(), null),
				List.of("\"waiting\"")));
		table.add(new AdminSurface("POST retention:sweep", Operation.API_RETENTION_SWEEP,
				() -> api("POST", "/api/v1/retention:sweep", ""), List.of("deleted")));
		table.add(new AdminSurface("PUT programme", Operation.API_UPDATE_PROGRAM,
				() -> api("PUT", "/api/v1/programs/KTP%202026", "{\"defaultVisibility\": \"coaches\"}"),
				List.of("coaches")));
		table.add(new AdminSurface("PUT programme's blockers", Operation.API_UPDATE_BLOCKER_SETTINGS,
				() -> api("PUT", "/api/v1/programs/KTP%202026/blockers", "{\"escalateAfter\": \"P10D\"}"),
				List.of("escalateAfter")));
		table.add(new AdminSurface("POST tokens", Operation.API_CREATE_TOKEN,
				() -> api("POST", "/api/v1/tokens", "{\"name\": \"surfaces\"}"), List.of("surfaces")));
		table.add(new AdminSurface("GET tokens", Operation.API_LIST_TOKENS, () -> api("GET", "/api/v1/tokens", null),
				List.of("surfaces")));
		table.add(new AdminSurface("DELETE token", Operation.API_REVOKE_TOKEN,
				() -> api("DELETE", "/api/v1/tokens/surfaces", null), List.of()));
		table.add(new AdminSurface("enroll (command)", Operation.COMMAND_ENROLL,
				() -> command("enroll <@UCY|cy> program:\"KTP 2026\" host:\"Saab\" start:2026-12-07 end:2027-05-31 "
						+ "manager:<@UMAJA|maja>"),
				List.of("KTP 2026")));
		table.add(new AdminSurface("POST placements", Operation.API_ENROL_PLACEMENT,
				() -> api("POST", "/api/v1/placements", placementJson("UDAN", "2026-12-07", "2027-05-31")),
				List.of("UDAN")));
		table.add(new AdminSurface("POST placements:import", Operation.API_IMPORT_PLACEMENTS, () -> csvImport(),
				List.of("created")));
		table.add(new AdminSurface("admin add", Operation.COMMAND_ADMIN, () -> command("admin add <@UEVE>"),
				List.of("is now an admin")));
		// the change form, as Slack is asked to open it: the placement's fields, never an entry
		table.add(new AdminSurface("change @UADA (the form)", Operation.CHANGE_FORM, () -> {
			int before = SlackStub.calls("views.open").size();
			command("change <@UADA>");
			return SlackStub.calls("views.open").get(before).get("view");
		}, List.of("fieldnotes_change", "Scania")));
		table.add(new AdminSurface("PATCH placement", Operation.API_CHANGE_PLACEMENT,
				() -> api("PATCH", "/api/v1/placements/" + ada, "{\"hostOrganisation\": \"Scania Södertälje\"}"),
				List.of("Scania Södertälje")));
		table.add(new AdminSurface("change @UADA", Operation.COMMAND_CHANGE,
				() -> command("change <@UADA> host:Scania"), List.of("Changed the placement")));
		table.add(new AdminSurface("POST placements:pause", Operation.API_PAUSE_PLACEMENTS,
				() -> api("POST", "/api/v1/placements:pause", "{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\"}"),
				List.of("\"placements\"")));
		table.add(new AdminSurface("POST placements:resume", Operation.API_RESUME_PLACEMENTS,
				() -> api("POST", "/api/v1/placements:resume", "{\"program\": \"KTP 2026\"}"), List.of("ended")));
		table.add(new AdminSurface("end @UBRUNO", Operation.COMMAND_END, () -> command("end <@UBRUNO>"), List.of("Ended")));
		table.add(new AdminSurface("GET demo", Operation.API_SHOW_DEMO, () -> api("GET", "/api/v1/demo", null),
				List.of("\"placements\"")));
		// the erasures, whose answers are counts
		table.add(new AdminSurface("demo remove", Operation.COMMAND_DEMO,
				() -> answerAfterAck("UADMIN1", "demo remove"), List.of("demo data")));
		table.add(new AdminSurface("DELETE demo", Operation.API_REMOVE_DEMO, () -> api("DELETE", "/api/v1/demo", null),
				List.of("\"removed\"")));
		table.add(new AdminSurface("erase @UBEATA (confirmed)", Operation.ERASE_CONFIRM_BUTTON,
				() -> press(EraseCommand.CONFIRM, "UBEATA"), List.of("Erased")));
		table.add(new AdminSurface("DELETE person", Operation.API_ERASE_PERSON,
				() -> api("DELETE", "/api/v1/people/UMAJA", null), List.of("\"erased\"")));
		return table;
	}

	@TestFactory
	Stream<DynamicTest> noAdminSurfaceShowsAPrivateOrConfidentialWord() {
		adaWritesForEveryVisibility();
		return table().stream().map(surface -> DynamicTest.dynamicTest(surface.name(), () -> {
			String answer = surface.answer().get();
			for (String never : NEVER) {
				assertThat(answer).as(surface.name() + " shows " + never).doesNotContain(never);
			}
			if (surface.mustShow().isEmpty()) {
				assertThat(answer).as(surface.name() + " answers with no body").isEmpty();
			}
			else {
				assertThat(answer).as(surface.name() + " (the control)").contains(surface.mustShow());
			}
		}));
	}

	@Test
	void everyAdminOperationIsInTheTable() {
		adaWritesForEveryVisibility();
		Set<Operation> inTable = EnumSet.noneOf(Operation.class);
		table().forEach(surface -> inTable.add(surface.operation()));
		List<Operation> missing = new ArrayList<>();
		for (Operation operation : Operation.values()) {
			Set<Who> rule = AccessPolicy.rule(operation);
			boolean admins = rule.contains(Who.ADMIN) || rule.contains(Who.ADMIN_IF_SHARED);
			if (admins && operation.surface() != Surface.INTERNAL && !inTable.contains(operation)
					&& !NOT_IN_THE_TABLE.contains(operation)) {
				missing.add(operation);
			}
		}
		assertThat(missing).as("admin operations without a row in the table").isEmpty();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** The admin UADMIN1, with an address on record, signed in to the portal through the link mailed to it. */
	/** The results section of a portal search page. */
	private static String resultsOf(String page) {
		int start = page.indexOf("<section data-test=\"results\"");
		assertThat(start).as("a results section").isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private PortalClient adminInThePortal() {
		var admin = people.ensure(slack("UADMIN1"));
		people.save(admin.withEmailFirst("admin@uni.example"));
		PortalClient client = new PortalClient(port);
		client.page("/portal/sign-in");
		client.post("/portal/sign-in", "address", "admin@uni.example");
		drainOutbox();
		var mails = greenMail.getReceivedMessages();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/sign-in/link\\?token=([A-Za-z0-9_.\\-]+)")
			.matcher(MailParts.texts(mails[mails.length - 1]).get("text/plain"));
		assertThat(link.find()).as("a sign-in link mailed to the admin").isTrue();
		assertThat(PortalClient.location(client.signInWith(link.group(1)))).isEqualTo("/portal");
		return client;
	}

	private String api(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> response = send(request.build());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return response.body();
	}

	private String csvImport() {
		String csv = "participant_name,participant_slack_id,participant_timezone,participant_locale,program,"
				+ "host_organisation,start_date,end_date,manager_name,manager_slack_id\n"
				+ "Fay Lund,UFAY,Europe/Stockholm,en,KTP 2026,Saab,2026-12-07,2027-05-31,Maja Berg,UMAJA\n";
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** The raw body of an admin's command answer. */
	private String command(String text) {
		HttpResponse<String> response = slashCommand("UADMIN1", text);
		assertThat(response.statusCode()).as(text).isEqualTo(200);
		return response.body();
	}

	/** Presses a button as the admin and returns what replaced the message (the body posted to its response URL). */
	private String press(String actionId, String value) {
		int before = SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).size();
		HttpResponse<String> response = slackEvent(
				SlackInteractions.buttonPress("UADMIN1", actionId, value, "DUADMIN1", "1700000000.000100"),
				SlackInteractions.FORM);
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).size() > before);
		var requests = SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL)));
		return requests.get(requests.size() - 1).getBodyAsString();
	}
}
