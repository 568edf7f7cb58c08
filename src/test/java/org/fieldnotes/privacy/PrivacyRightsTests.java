package org.fieldnotes.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.personId;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.commands.EraseCommand;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Export and erasure end to end. Two placements share their manager (UMAJA) and academic coach (UANDERS): Ada's
 * (UADA, also business coach UBEATA) and Bruno's (UBRUNO). Ada writes a private and a shared entry and a private
 * status update, Anders replies to both participants, a prompt goes to Ada, the week's digests go out.
 */
class PrivacyRightsTests extends IntegrationTest {

	@Autowired
	org.fieldnotes.delivery.Outbox outbox;

	private static final String RESPONSE_URL = "/api/response/T1/1/x";
	private static final String ADA_PRIVATE = "Ada private quokka";
	private static final String ADA_SHARED = "Ada shared wombat";
	private static final String ADA_BLOCKER = "Ada blocker axolotl";
	private static final String BRUNO_WORDS = "Bruno words platypus";
	private static final String REPLY_TO_ADA = "Anders reply numbat";
	private static final String REPLY_TO_BRUNO = "Anders to Bruno echidna";

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Responses responses;

	@Autowired
	Preferences preferences;

	@Autowired
	DigestService digests;

	@Autowired
	Scheduler quartz;

	private String ada;
	private String bruno;

	@BeforeEach
	void twoPlacements() {
		SlackStub.server().stubFor(post(urlEqualTo(RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
		ada = enrol("UADA", "2026-11-02", "2027-04-30");
		HttpResponse<String> created = postJson("/api/v1/placements", """
				{"participant": {"name": "Bruno Sandberg", "slackUserId": "UBRUNO", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Volvo", "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "Europe/Stockholm", "locale": "sv"}}
				""");
		assertThat(created.statusCode()).isEqualTo(201);
		bruno = json(created.body()).get("id").asString();
		logbook.write(slack("UADA"), ADA_PRIVATE, Visibility.PRIVATE);
		LogbookEntry shared = logbook.write(slack("UADA"), ADA_SHARED, Visibility.COACHES);
		statusUpdates.submit(slack("UADA"), new StatusUpdates.Report(OverallStatus.AMBER, "Progress", ADA_BLOCKER, 3), null,
				"test:ada", Visibility.PRIVATE);
		LogbookEntry brunos = logbook.write(slack("UBRUNO"), BRUNO_WORDS, Visibility.COACHES);
		preferences.setVisibility(slack("UADA"), Visibility.COACHES);
		preferences.setVisibility(slack("UBRUNO"), Visibility.COACHES);
		assertThat(responses.reply(shared.id(), slack("UANDERS"), REPLY_TO_ADA, "s1").accepted()).isTrue();
		assertThat(responses.reply(brunos.id(), slack("UANDERS"), REPLY_TO_BRUNO, "s2").accepted()).isTrue();
		assertThat(postJson("/api/v1/placements/" + ada + "/send-prompt", "").statusCode()).isEqualTo(202);
		clock.advance(Duration.ofMinutes(5));
		digests.sendAll();
		SlackStub.reset();
		SlackStub.server().stubFor(post(urlEqualTo(RESPONSE_URL)).willReturn(aResponse().withStatus(200).withBody("ok")));
	}

	// -------------------------------------------------------------------------------------------------- export

	@Test
	void myDataSendsTheParticipantJsonAndMarkdownWithTheirPrivateEntryAndNothingOfAnotherParticipant() {
		String answer = command("UADA", "my-data");
		assertThat(answer).contains("fieldnotes-my-data.json").contains("fieldnotes-my-data.md");

		List<String> files = uploads(2);
		List<Map<String, String>> urls = SlackStub.calls("files.getUploadURLExternal");
		assertThat(urls).extracting(u -> u.get("filename"))
			.containsExactly("fieldnotes-my-data.json", "fieldnotes-my-data.md");
		assertThat(SlackStub.messagesTo("UADA")).hasSize(1);
		assertThat(SlackStub.calls("files.completeUploadExternal")).hasSize(2)
			.allSatisfy(c -> assertThat(c.get("channel_id")).isEqualTo("DUADA"));

		String jsonFile = files.get(0);
		String markdown = files.get(1);
		JsonNode export = json(jsonFile.substring(jsonFile.indexOf('{'), jsonFile.lastIndexOf('}') + 1));
		assertThat(export.get("person").asString()).isEqualTo("UADA");
		assertThat(export.get("placements")).hasSize(1);
		assertThat(export.get("logbook_entries")).hasSize(2);
		assertThat(export.get("status_updates")).hasSize(1);
		assertThat(export.get("entry_responses")).hasSize(1);
		assertThat(export.get("prompt_occurrences")).hasSize(1);
		assertThat(export.get("person_preferences")).hasSize(1);
		for (String file : List.of(jsonFile, markdown)) {
			assertThat(file).contains(ADA_PRIVATE, ADA_SHARED, ADA_BLOCKER, REPLY_TO_ADA)
				.doesNotContain(BRUNO_WORDS, REPLY_TO_BRUNO, "UBRUNO", "Bruno Sandberg", bruno);
		}
		assertThat(markdown).contains("# Everything Fieldnotes stores about you", "## Logbook entries (2)");
	}

	@Test
	void aCoachsExportHasTheirRepliesAndDigestsButNoParticipantsEntries() {
		command("UANDERS", "my-data");

		List<String> files = uploads(2);
		for (String file : files) {
			assertThat(file).contains(REPLY_TO_ADA, REPLY_TO_BRUNO)
				.doesNotContain(ADA_PRIVATE, ADA_SHARED, ADA_BLOCKER, BRUNO_WORDS, "Ada Lindqvist", "Bruno Sandberg");
		}
		String jsonFile = files.get(0);
		JsonNode export = json(jsonFile.substring(jsonFile.indexOf('{'), jsonFile.lastIndexOf('}') + 1));
		assertThat(export.get("placements")).isEmpty();
		assertThat(export.get("logbook_entries")).isEmpty();
		assertThat(export.get("status_updates")).isEmpty();
		assertThat(export.get("entry_responses")).hasSize(2);
		assertThat(export.get("digests")).hasSize(1);
		assertThat(export.get(PersonalDataExport.FOLLOWED)).hasSize(2)
			.allSatisfy(p -> assertThat(p.get("role").asString()).isEqualTo("academicCoach"))
			.allSatisfy(p -> assertThat(p.get("person").get("name").asString()).isEqualTo("Anders Holm"));
		// Swedish coach: the readable file speaks Swedish
		assertThat(files.get(1)).contains("# Allt Fieldnotes sparar om dig");
	}

	@Test
	void anAdminExportsThroughTheApiWhatAnAdminMayReadAndCountsWhatIsWithheld() {
		HttpResponse<String> response = get("/api/v1/people/UADA/export");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode export = json(response.body());
		// the shared entry and the reply to it; never the private entry or the private status update
		assertThat(export.get("logbook_entries")).hasSize(1);
		assertThat(export.get("status_updates")).isEmpty();
		assertThat(response.body()).contains(ADA_SHARED, REPLY_TO_ADA)
			.doesNotContain(ADA_PRIVATE, ADA_BLOCKER, BRUNO_WORDS, "UBRUNO");
		JsonNode withheld = export.get(PersonalDataExport.WITHHELD);
		assertThat(withheld.get("note").asString()).contains("never shows them", "/fieldnotes my-data");
		assertThat(withheld.get("logbook_entries").get("private").asLong()).isEqualTo(1);
		assertThat(withheld.get("status_updates").get("private").asLong()).isEqualTo(1);
		assertThat(withheld.has("entry_responses")).as("the reply answers a shared entry").isFalse();
		assertThat(export.get("placements").get(0).get("_id").asString()).isEqualTo(ada);
		assertThat(export.get("placements").get(0).has("_class")).isFalse();

		HttpResponse<String> nobody = get("/api/v1/people/UNOBODY/export");
		assertThat(nobody.statusCode()).isEqualTo(404);
		assertThat(nobody.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		HttpResponse<String> bad = get("/api/v1/people/not-an-id/export");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad.body()).get("errors").get(0).get("field").asString()).isEqualTo("id");
		HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/api/v1/people/UADA/export")).GET().build());
		assertThat(noToken.statusCode()).isEqualTo(401);
	}

	// --------------------------------------------------------------------------------------------------- erase

	@Test
	void erasingAParticipantThroughTheApiRemovesEverythingAboutThemAndCountsIt() throws Exception {
		assertThat(quartz.checkExists(TriggerKey.triggerKey(ada, "prompts"))).isTrue();
		// what a retention sweep would have kept of her placement goes with it
		mongo.getCollection("retention_records").insertOne(new org.bson.Document("_id", ada).append("program", "KTP 2026"));

		HttpResponse<String> response = delete("/api/v1/people/UADA", true);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		JsonNode erased = body.get("erased");
		assertThat(erased.get("placements").asLong()).isEqualTo(1);
		assertThat(erased.get("logbook_entries").asLong()).isEqualTo(2);
		assertThat(erased.get("status_updates").asLong()).isEqualTo(1);
		assertThat(erased.get("entry_responses").asLong()).isEqualTo(1);
		assertThat(erased.get("prompt_occurrences").asLong()).isEqualTo(1);
		assertThat(erased.get("person_preferences").asLong()).isEqualTo(1);
		assertThat(erased.get("retention_records").asLong()).isEqualTo(1);
		assertThat(mongo.getCollection("retention_records").countDocuments()).isZero();
		assertThat(erased.get("placement_roles_removed").asLong()).isZero();
		assertThat(erased.get("audit_pseudonymised").asLong()).isPositive();
		String pseudonym = body.get("pseudonym").asString();
		assertThat(pseudonym).startsWith("erased:");

		assertThat(findable("UADA", "Ada Lindqvist", ADA_PRIVATE, ADA_SHARED, ADA_BLOCKER, REPLY_TO_ADA)).isEmpty();
		// nothing of the placement is left (the coaches' digest records lose its ids); only audit records still name
		// its (now meaningless) id
		assertThat(findable(ada)).isNotEmpty().allSatisfy(found -> assertThat(found).startsWith("audit has"));
		assertThat(mongo.findAll(Document.class, "digests")).hasSize(3)
			.allSatisfy(d -> assertThat(d.getList("placementIds", String.class)).doesNotContain(ada))
			.anySatisfy(d -> assertThat(d.getList("entryIds", String.class)).hasSize(1));
		assertThat(quartz.checkExists(TriggerKey.triggerKey(ada, "prompts"))).isFalse();
		// Bruno's placement is untouched
		assertThat(findable(BRUNO_WORDS, REPLY_TO_BRUNO, "UBRUNO")).isNotEmpty();
		assertThat(get("/api/v1/placements/" + bruno).statusCode()).isEqualTo(200);
		assertThat(quartz.checkExists(TriggerKey.triggerKey(bruno, "prompts"))).isTrue();
		// the audit trail: the enrolment is still there, about the pseudonym; then the erasure with its counts
		List<Document> audit = mongo.findAll(Document.class, "audit");
		assertThat(audit).anySatisfy(a -> {
			assertThat(a.getString("action")).isEqualTo("enrol");
			assertThat(a.getString("person")).isEqualTo(pseudonym);
		});
		assertThat(audit).anySatisfy(a -> {
			assertThat(a.getString("action")).isEqualTo("erase");
			assertThat(a.getString("actor")).isEqualTo("api");
			assertThat(a.getString("person")).isEqualTo(pseudonym);
			assertThat(a.getString("detail")).contains("placements=1", "logbook_entries=2");
		});
		assertThat(get("/api/v1/people/UADA/export").statusCode()).isEqualTo(404);
	}

	@Test
	void erasingACoachKeepsTheParticipantsLogbookAndEmptiesTheRole() {
		HttpResponse<String> response = delete("/api/v1/people/UANDERS", true);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode erased = json(response.body()).get("erased");
		assertThat(erased.get("placements").asLong()).isZero();
		assertThat(erased.get("placement_roles_removed").asLong()).isEqualTo(2);
		assertThat(erased.get("entry_responses").asLong()).isEqualTo(2);
		assertThat(erased.get("digests").asLong()).isEqualTo(1);
		assertThat(erased.get("logbook_entries").asLong()).isZero();

		assertThat(findable("UANDERS", "Anders Holm", REPLY_TO_ADA, REPLY_TO_BRUNO)).isEmpty();
		assertThat(logbook.entries(ada, true)).extracting(LogbookEntry::text).containsExactlyInAnyOrder(ADA_PRIVATE, ADA_SHARED);
		JsonNode placement = json(get("/api/v1/placements/" + ada).body());
		assertThat(placement.get("academicCoach").isNull()).isTrue();
		assertThat(placement.get("businessCoach").get("slackUserId").asString()).isEqualTo("UBEATA");
		assertThat(placement.get("participant").get("name").asString()).isEqualTo("Ada Lindqvist");
		// the placement still works: its digests go to who is left
		assertThat(digests.preview(personId(people, "UBEATA"))).isPresent();
		assertThat(people.find(slack("UANDERS")).flatMap(p -> digests.preview(p.id()))).isEmpty();
	}

	@Test
	void someoneWithoutSlackIsErasedByAddress() {
		HttpResponse<String> created = postJson("/api/v1/placements", """
				{"participant": {"name": "Carl Nyberg", "slackUserId": "UCARL", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Saab", "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Cecilia Ek", "email": "Cecilia@Uni.example"}}
				""");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(get("/api/v1/people/email:cecilia@uni.example/export").body()).get(PersonalDataExport.FOLLOWED))
			.hasSize(1);

		// a digest e-mail to her still waiting in the outbox
		outbox.enqueue(Outgoing.email("digest:waiting", MessageKind.DIGEST, "waiting",
				new OutboxMail("Cecilia@Uni.example", "Cecilia Ek", "en", "Your digest"), ChatMessage.text("Digest"),
				List.of()));

		JsonNode erased = json(delete("/api/v1/people/email:CECILIA@uni.example", true).body()).get("erased");

		assertThat(erased.get("placement_roles_removed").asLong()).isEqualTo(1);
		assertThat(erased.get("outbox").asLong()).isEqualTo(1);
		assertThat(mongo.getCollection("outbox").countDocuments(new org.bson.Document("key", "digest:waiting"))).isZero();
		assertThat(mongo.getCollection("outbox").countDocuments()).as("others' messages stay").isPositive();
		assertThat(findable("Cecilia", "cecilia")).isEmpty();
		assertThat(findable("Carl Nyberg")).isNotEmpty();
	}

	@Test
	void anAddressTwoMembersShareLeadsToNeither() {
		for (String[] who : new String[][] { { "UCARL", "Carl Nyberg" }, { "UDORA", "Dora Nyberg" } }) {
			assertThat(postJson("/api/v1/placements", """
					{"participant": {"name": "%s", "slackUserId": "%s", "email": "Home@Nyberg.example",
					  "timezone": "Europe/Stockholm", "locale": "en"},
					 "program": "KTP 2026", "hostOrganisation": "Saab", "startDate": "2026-11-02", "endDate": "2027-04-30",
					 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"}}
					""".formatted(who[1], who[0])).statusCode()).isEqualTo(201);
		}

		// by the address: it belongs to two members, so it is nobody's to erase
		JsonNode byAddress = json(delete("/api/v1/people/email:home@nyberg.example", true).body()).get("erased");
		byAddress.properties().forEach(e -> assertThat(e.getValue().asLong()).as(e.getKey()).isZero());
		// by one member: their placement goes, the other's (with the same address) stays
		JsonNode carl = json(delete("/api/v1/people/UCARL", true).body()).get("erased");
		assertThat(carl.get("placements").asLong()).isEqualTo(1);
		assertThat(findable("Carl Nyberg", "UCARL")).isEmpty();
		assertThat(findable("Dora Nyberg", "UDORA")).isNotEmpty();
	}

	@Test
	void erasingTwiceIsHarmless() {
		JsonNode first = json(delete("/api/v1/people/UADA", true).body());
		HttpResponse<String> again = delete("/api/v1/people/UADA", true);

		assertThat(again.statusCode()).isEqualTo(200);
		JsonNode second = json(again.body());
		second.get("erased").properties().forEach(e -> assertThat(e.getValue().asLong()).as(e.getKey()).isZero());
		assertThat(second.get("pseudonym").asString()).isNotEqualTo(first.get("pseudonym").asString());
		assertThat(findable("UADA", "Ada Lindqvist", ADA_PRIVATE)).isEmpty();
		assertThat(findable(BRUNO_WORDS)).isNotEmpty();
		assertThat(mongo.find(new org.springframework.data.mongodb.core.query.Query(
				org.springframework.data.mongodb.core.query.Criteria.where("action").is("erase")), Document.class, "audit"))
			.hasSize(2);
	}

	@Test
	void anAdminErasesByCommandOnlyAfterConfirming() {
		String preview = command("UADMIN1", "erase <@UADA|ada>");
		assertThat(preview).contains("Erasing UADA removes:", "logbook entries", "Erase for good", "Cancel");
		assertThat(findable(ADA_PRIVATE)).isNotEmpty();

		assertThat(press("UADMIN1", EraseCommand.CANCEL, "UADA")).contains("Cancelled");
		assertThat(findable(ADA_PRIVATE, "Ada Lindqvist")).isNotEmpty();

		assertThat(press("UADMIN1", EraseCommand.CONFIRM, "UADA")).contains("Erased. The audit trail now calls them erased:");
		assertThat(findable("UADA", "Ada Lindqvist", ADA_PRIVATE, ADA_SHARED, REPLY_TO_ADA)).isEmpty();
		// a second press (a double click, a retried request) erases nothing more
		assertThat(press("UADMIN1", EraseCommand.CONFIRM, "UADA")).contains("nothing left to erase");
		assertThat(findable(BRUNO_WORDS)).isNotEmpty();
		assertThat(mongo.findAll(Document.class, "audit")).anySatisfy(a -> {
			assertThat(a.getString("action")).isEqualTo("erase");
			assertThat(a.getString("actor")).isEqualTo(keyOf("UADMIN1"));
		});
	}

	@Test
	void nobodyButAnAdminErases() {
		assertThat(command("UADA", "erase <@UBRUNO>")).contains("only programme coordinators");
		assertThat(press("UADA", EraseCommand.CONFIRM, "UBRUNO")).contains("only programme coordinators");
		assertThat(delete("/api/v1/people/UBRUNO", false).statusCode()).isEqualTo(401);

		assertThat(findable("UBRUNO", "Bruno Sandberg", BRUNO_WORDS, REPLY_TO_BRUNO)).isNotEmpty();
		assertThat(mongo.findAll(Document.class, "audit")).anySatisfy(a -> {
			assertThat(a.getString("action")).isEqualTo("erase");
			assertThat(a.getString("outcome")).isEqualTo("refused");
			assertThat(a.getString("actor")).isEqualTo(keyOf("UADA"));
		});
		assertThat(command("UADA", "help")).doesNotContain("/fieldnotes erase").contains("/fieldnotes my-data");
	}

	@Test
	void theEraseCommandSaysWhatToDoWithoutAPerson() {
		assertThat(command("UADMIN1", "erase")).contains("Say whom to erase", "/fieldnotes erase @person");
		assertThat(command("UADMIN1", "erase <@UNOBODY>")).contains("stores nothing about UNOBODY");
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** Every document, in every collection, whose JSON contains one of the strings: "collection: document". */
	private List<String> findable(String... strings) {
		List<String> found = new ArrayList<>();
		for (String collection : mongo.getCollectionNames()) {
			for (Document document : mongo.findAll(Document.class, collection)) {
				String json = document.toJson();
				for (String s : strings) {
					if (json.contains(s)) {
						found.add(collection + " has " + s + ": " + json);
					}
				}
			}
		}
		return found;
	}

	private String command(String userId, String text) {
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		return texts(json(response.body()).get("blocks"));
	}

	/** Presses a button of the erase question and returns the texts of what replaced it. */
	private String press(String userId, String actionId, String value) {
		int before = SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).size();
		HttpResponse<String> response = slackEvent(
				SlackInteractions.buttonPress(userId, actionId, value, "DUADMIN1", "1700000000.000100"),
				SlackInteractions.FORM);
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL))).size() > before);
		var requests = SlackStub.server().findAll(postRequestedFor(urlEqualTo(RESPONSE_URL)));
		JsonNode answer = JSON.readTree(requests.get(requests.size() - 1).getBodyAsString());
		assertThat(answer.get("replace_original").asBoolean()).isTrue();
		return texts(answer.get("blocks"));
	}

	private List<String> uploads(int count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SlackStub.calls("files.completeUploadExternal").size() >= count);
		return SlackStub.uploads().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
	}

	private HttpResponse<String> delete(String path, boolean withToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
		if (withToken) {
			request.header("Authorization", "Bearer " + ADMIN_TOKEN);
		}
		return send(request.build());
	}
}
