package org.fieldnotes.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData.Reader;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * Erasure finds everything, proven on the raw documents. Xavier (UXAVIER, "Xavier Quill") is everything at once:
 * participant of P1 (with an address in his placement), academic coach of Ylva's P2, a stored admin who added
 * another admin and paused and resumed a placement, someone whose digest an admin previewed, a coach who chose
 * e-mail digests at another address of his, the author of private, shared and confidential entries and a status
 * update, the answerer of a reply to Ylva, the addressee of replies, of a prompt sent and a prompt still queued. Slack
 * is down while his coaches' digests (quoting him) and the notice to Ylva (quoting his reply) are queued.
 * <p>
 * After his erasure no document in any collection mentions any of his ids, addresses, name or words, the messages
 * to others that quoted him are withdrawn and never sent, and everyone else's data survives.
 */
class ErasureFindsEverythingTests extends MailTest {

	private static final String X = "UXAVIER";
	private static final String X_NAME = "Xavier Quill";
	private static final String X_WORK = "Xavier.Quill@Work.example";
	private static final String X_HOME = "xq@home.example";
	private static final String X_SHARED = "Xavier shared kakapo";
	private static final String X_PRIVATE = "Xavier private takahe";
	private static final String X_CONFIDENTIAL = "Xavier confidential kiwi";
	private static final String X_PROGRESS = "Xavier progress weka";
	private static final String X_BLOCKER = "Xavier blocker pukeko";
	private static final String X_REPLY_TO_YLVA = "Xavier answers Ylva morepork";
	private static final String REPLY_TO_X = "Anders answers Xavier tui";
	private static final String YLVA_WORDS = "Ylva words kea";

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
	AdminDirectory admins;

	@Autowired
	PersonalDataExport exports;

	@Autowired
	Scheduler quartz;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog audit;

	private String p1;
	private String p2;
	/** His person id: how every module refers to him (a needle as much as his member id). */
	private String xavier;

	@BeforeEach
	void xavierIsEverything() {
		p1 = created("""
				{"participant": {"name": "Xavier Quill", "slackUserId": "UXAVIER", "email": "Xavier.Quill@Work.example",
				  "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Scania", "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "Europe/Stockholm"},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"}}
				""");
		p2 = created("""
				{"participant": {"name": "Ylva Berg", "slackUserId": "UYLVA", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Volvo", "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Xavier Quill", "slackUserId": "UXAVIER", "email": "xavier.quill@work.example",
				  "timezone": "Europe/Stockholm"},
				 "businessCoach": {"name": "Bea Mail", "email": "bea@uni.example", "timezone": "Europe/Stockholm"}}
				""");
		xavier = keyOf(X);
		// an admin, who added another one and acted as one; an admin looked at his digest
		commandAnswer("UADMIN1", "admin add <@" + X + ">");
		commandAnswer(X, "admin add <@UZED>");
		assertThat(admins.isAdmin(slack(X))).isTrue();
		commandAnswer(X, "pause <@UYLVA>");
		commandAnswer(X, "resume <@UYLVA>");
		commandAnswer("UADMIN1", "digest preview <@" + X + ">");
		// a token he created, and an audit note naming him (as a token's creator is named)
		tokens.create("xaviers-token", xavier);
		audit.record(keyOf("UADMIN1"), "token-create", null, null, AuditLog.DONE, "token xaviers-token; by " + X);
		// preferences, and e-mail digests at another address of his
		preferences.setVisibility(slack(X), Visibility.COACHES);
		// a new address is used once confirmed from its inbox (AddressConfirmationTests); here it is one he confirmed
		mongo.upsert(Query.query(Criteria.where("_id").is(xavier)), new Update().set("email", X_HOME).set("channel", "EMAIL"),
				"digest_preferences");
		// what he wrote, and what Ylva wrote
		LogbookEntry shared = logbook.write(slack(X), X_SHARED, Visibility.COACHES);
		logbook.write(slack(X), X_PRIVATE, Visibility.PRIVATE);
		logbook.write(slack(X), X_CONFIDENTIAL, Visibility.CONFIDENTIAL);
		statusUpdates.submit(slack(X), new StatusUpdates.Report(OverallStatus.AMBER, X_PROGRESS, X_BLOCKER, 3), null,
				"test:x", Visibility.COACHES);
		LogbookEntry ylvas = logbook.write(slack("UYLVA"), YLVA_WORDS, Visibility.COACHES);
		assertThat(postJson("/api/v1/placements/" + p1 + "/send-prompt", "").statusCode()).isEqualTo(202);
		clock.advance(Duration.ofMinutes(5));

		// Slack is down: the replies' notices, a second prompt and the Slack digests wait in the outbox
		SlackStub.status("chat.postMessage", 503);
		assertThat(responses.reply(shared.id(), slack("UANDERS"), REPLY_TO_X, "s1").accepted()).isTrue();
		assertThat(responses.reply(ylvas.id(), slack(X), X_REPLY_TO_YLVA, "s2").accepted()).isTrue();
		assertThat(postJson("/api/v1/placements/" + p1 + "/send-prompt", "").statusCode()).isEqualTo(202);
		digests.sendAll();
		SlackStub.reset();

		// the set-up is what it claims to be
		assertThat(outbox("PENDING")).extracting(d -> d.getString("recipient"))
			.contains(keyOf("UANDERS"), keyOf("UBEATA"), keyOf("UMAJA"), keyOf("UYLVA"), xavier);
		assertThat(outbox("SENT")).extracting(d -> d.getString("recipient")).contains(xavier, "email:" + X_HOME);
		assertThat(outbox("PENDING").stream().filter(d -> keyOf("UANDERS").equals(d.getString("recipient"))))
			.anySatisfy(d -> assertThat(d.toJson()).contains(X_SHARED));
		assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
			.anySatisfy(to -> assertThat(to).contains(X_HOME));
		assertThat(mentionsOfXavier()).extracting(m -> m.substring(0, m.indexOf(' '))).contains("placements",
				"logbook_entries", "status_updates", "entry_responses", "prompt_occurrences", "person_preferences",
				"digest_preferences", "digests", "outbox", "audit", "admins", "api_tokens", "people");
	}

	@Test
	void erasingHimLeavesNoDocumentThatMentionsHimAndEveryoneElsesDataSurvives() throws Exception {
		assertThat(quartz.checkExists(TriggerKey.triggerKey(p1, "prompts"))).isTrue();

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/people/" + X))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.DELETE()
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode erased = json(response.body()).get("erased");
		assertThat(erased.get("placements").asLong()).isEqualTo(1);
		assertThat(erased.get("placement_roles_removed").asLong()).isEqualTo(1);
		assertThat(erased.get("admins").asLong()).isEqualTo(1);
		assertThat(erased.get("api_tokens_pseudonymised").asLong()).isEqualTo(1);
		assertThat(erased.get("digest_preferences").asLong()).isEqualTo(1);
		// the digests to Anders, Beata and Maja, and the notice to Ylva quoting his reply
		assertThat(erased.get("outbox_withdrawn").asLong()).isEqualTo(4);

		assertThat(mentionsOfXavier()).isEmpty();

		// the messages that quoted him are given up, without their words, and never sent
		List<Document> withdrawn = outbox("FAILED");
		assertThat(withdrawn).extracting(d -> d.getString("recipient"))
			.containsExactlyInAnyOrder(keyOf("UANDERS"), keyOf("UBEATA"), keyOf("UMAJA"), keyOf("UYLVA"));
		assertThat(withdrawn).allSatisfy(d -> {
			assertThat(d.getString("failure")).isEqualTo("erased");
			assertThat(d.containsKey("message")).isFalse();
		});
		assertThat(mongo.findAll(Document.class, "digests")).filteredOn(d -> keyOf("UANDERS").equals(d.getString("recipientKey")))
			.singleElement()
			.satisfies(d -> {
				assertThat(d.getString("status")).isEqualTo("FAILED");
				assertThat(d.getString("failure")).isEqualTo("erased");
				assertThat(d.getList("placementIds", String.class)).doesNotContain(p1);
			});
		clock.advance(Duration.ofHours(1));
		drainOutbox();
		for (String other : List.of("UANDERS", "UBEATA", "UMAJA", "UYLVA")) {
			assertThat(SlackStub.messagesTo(other)).as("sent to " + other).isEmpty();
		}

		// Ylva's placement and logbook stay, with the academic coach's role left empty; Zed stays an admin
		assertThat(logbook.entries(p2, true)).extracting(LogbookEntry::text).containsExactly(YLVA_WORDS);
		JsonNode ylvas = json(get("/api/v1/placements/" + p2).body());
		assertThat(ylvas.get("academicCoach").isNull()).isTrue();
		assertThat(ylvas.get("businessCoach").get("email").asString()).isEqualTo("bea@uni.example");
		assertThat(admins.isAdmin(slack("UZED"))).isTrue();
		assertThat(admins.isAdmin(slack(X))).isFalse();
		assertThat(mongo.findById(keyOf("UZED"), Document.class, "admins").getString("addedBy")).startsWith("erased:");
		assertThat(quartz.checkExists(TriggerKey.triggerKey(p1, "prompts"))).isFalse();
		assertThat(get("/api/v1/placements/" + p1).statusCode()).isEqualTo(404);
	}

	@Test
	void anAddressFromHisPlacementFindsHisMemberIdAndEverythingElse() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/people/email:xavier.quill@WORK.example"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.DELETE()
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body()).get("erased").get("placements").asLong()).isEqualTo(1);
		assertThat(mentionsOfXavier()).isEmpty();
		assertThat(logbook.entries(p2, true)).extracting(LogbookEntry::text).containsExactly(YLVA_WORDS);
	}

	@Test
	void hisOwnExportFindsHisOtherAddressAndAnAdminsWithholdsWhatIsNotTheirs() {
		Map<String, Object> own = exports.export(DataSubject.asked(X, java.util.List.of(), java.util.List.of("slack:" + X), java.util.List.of()), Reader.SUBJECT);
		String ownJson = new String(exports.json(own), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ownJson).contains(X_PRIVATE, X_CONFIDENTIAL, X_SHARED, X_REPLY_TO_YLVA, REPLY_TO_X,
				"email:" + X_HOME);
		assertThat((List<?>) own.get(PersonalDataExport.FOLLOWED)).hasSize(1);
		assertThat(own).doesNotContainKey(PersonalDataExport.WITHHELD);

		HttpResponse<String> admin = get("/api/v1/people/" + X + "/export");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains(X_SHARED, X_PROGRESS, REPLY_TO_X, X_REPLY_TO_YLVA, "email:" + X_HOME)
			.doesNotContain(X_PRIVATE, X_CONFIDENTIAL);
		JsonNode withheld = json(admin.body()).get(PersonalDataExport.WITHHELD);
		assertThat(withheld.get("logbook_entries").get("private").asLong()).isEqualTo(1);
		assertThat(withheld.get("logbook_entries").get("confidential").asLong()).isEqualTo(1);
		// the queued prompt and notice to him hold words: an admin sees that they exist, not what they say
		assertThat(withheld.get("outbox").get("message_bodies").asLong()).isEqualTo(2);
		assertThat(json(admin.body()).get("outbox")).allSatisfy(m -> assertThat(m.has("message")).isFalse());
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** Every document, in every collection, that mentions him: "collection has …: document". */
	private List<String> mentionsOfXavier() {
		List<String> needles = List.of(X, xavier, X_NAME, X_WORK, X_HOME, X_SHARED, X_PRIVATE, X_CONFIDENTIAL,
				X_PROGRESS, X_BLOCKER, X_REPLY_TO_YLVA, REPLY_TO_X);
		List<String> found = new ArrayList<>();
		for (String collection : mongo.getCollectionNames()) {
			for (Document document : mongo.findAll(Document.class, collection)) {
				String json = document.toJson().toLowerCase(Locale.ROOT);
				for (String needle : needles) {
					if (json.contains(needle.toLowerCase(Locale.ROOT))) {
						found.add(collection + " has " + needle + ": " + document.toJson());
					}
				}
			}
		}
		return found;
	}

	private List<Document> outbox(String status) {
		return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("status").is(status)), Document.class, "outbox");
	}

	private String created(String placement) {
		HttpResponse<String> created = postJson("/api/v1/placements", placement);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created.body()).get("id").asString();
	}
}
