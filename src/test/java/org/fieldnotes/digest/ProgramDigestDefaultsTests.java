package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * A programme's digest defaults ({@code PUT /api/v1/programs/{p}} {@code digestDay}, {@code digestTime},
 * {@code digestChannel}, and {@code /fieldnotes programs <p> digest …}): they apply to the programme's followers who
 * chose nothing themselves, a recipient's own choice still wins, the global defaults apply where the programme sets
 * nothing, the schedule moves at once, and a recipient of two programmes follows the first of their placements (by
 * start date) whose programme sets the value. {@link #DEFAULT_NOW} is Wednesday 2 December 2026, 10:00 UTC; the
 * people are in Stockholm (UTC+1).
 */
class ProgramDigestDefaultsTests extends MailTest {

	/** Thursday 3 December 2026, 08:00 in Stockholm. */
	private static final Instant THURSDAY_0800 = Instant.parse("2026-12-03T07:00:00Z");
	/** Monday 7 December 2026, 08:00 in Stockholm: the global default. */
	private static final Instant MONDAY_0800 = Instant.parse("2026-12-07T07:00:00Z");

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	DigestService digests;

	@Autowired
	DigestPreferences preferences;

	private HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private List<Document> audit() {
		return mongo.getCollection("audit").find(new Document("action", "program-digest"))
			.sort(new Document("_id", 1)).into(new ArrayList<>());
	}

	private DigestRecord record(String memberId) {
		return mongo.findOne(Query.query(Criteria.where("recipientKey").is(keyOf(memberId))), DigestRecord.class);
	}

	@Test
	void aProgrammeDefaultMovesTheDigestOfWhoChoseNothingAndAnOwnChoiceWins() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		// Beata chose her own day and time; Anders and Maja chose nothing
		assertThat(slashCommand("UBEATA", "digest settings monday 08:00").statusCode()).isEqualTo(200);
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0800);

		HttpResponse<String> response = put("/api/v1/programs/KTP%202026",
				"{\"digestDay\":\"thursday\",\"digestTime\":\"08:00\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("digestDay").asString()).isEqualTo("THURSDAY");
		assertThat(body.get("digestTime").asString()).isEqualTo("08:00");
		assertThat(body.get("digestChannel").isNull()).isTrue();
		assertThat(json(get("/api/v1/programs/KTP%202026").body()).get("digestDay").asString()).isEqualTo("THURSDAY");
		// the schedule moved at once, without a rebuild asked for
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(THURSDAY_0800);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(THURSDAY_0800);
		assertThat(scheduler.nextFireTime(keyOf("UBEATA"))).hasValue(MONDAY_0800);
		assertThat(preferences.current(org.fieldnotes.support.Accounts.slack("UANDERS"))).get()
			.satisfies(c -> assertThat(c.day()).isEqualTo(java.time.DayOfWeek.THURSDAY));
		assertThat(audit()).singleElement().satisfies(a -> {
			assertThat(a.getString("outcome")).isEqualTo("done");
			assertThat(a.getString("detail")).isEqualTo("KTP 2026: day THURSDAY, time 08:00, channel none");
		});

		// Thursday 08:00: Anders's digest goes, and the next is a week later
		clock.set(THURSDAY_0800);
		scheduler.fire(keyOf("UANDERS"));
		assertThat(SlackStub.messagesTo("UANDERS")).hasSize(1);
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(Instant.parse("2026-12-10T07:00:00Z"));

		// unset again: the global default applies
		assertThat(put("/api/v1/programs/KTP%202026", "{\"digestDay\":\"none\",\"digestTime\":\"none\"}").statusCode())
			.isEqualTo(200);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800);
	}

	@Test
	void badDigestDefaultsAreRefusedFieldByFieldAndNothingIsStored() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> response = put("/api/v1/programs/KTP%202026",
				"{\"digestDay\":\"funday\",\"digestTime\":\"25:00\",\"digestChannel\":\"pigeon\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode errors = json(response.body()).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactly("digestDay", "digestTime", "digestChannel");
		assertThat(errors.get(2).get("message").asString()).isEqualTo("must be chat or email, or none");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0800);
		assertThat(audit()).singleElement()
			.satisfies(a -> assertThat(a.getString("outcome")).isEqualTo("refused"));
	}

	@Test
	void theCommandShowsAndSetsTheDefaultsInTheAdminsLanguage() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		String bad = commandAnswer("UADMIN1", "programs \"KTP 2026\" digest day:funday");
		assertThat(bad).contains("“funday” isn't a day of the week.");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();

		String set = commandAnswer("UADMIN1", "programs \"KTP 2026\" digest day:thu time:8:00 channel:chat");

		assertThat(set).contains("KTP 2026, for the coaches and managers who chose nothing themselves: digest day "
				+ "Thursday · time 08:00 · by chat.");
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(THURSDAY_0800);
		assertThat(commandAnswer("UADMIN1", "programs \"KTP 2026\" digest")).contains("digest day Thursday");
		assertThat(audit()).extracting(a -> a.getString("outcome")).containsExactly("refused", "done");
	}

	@Test
	void anEmailDefaultEmailsWhoHasAnAddressAndChatsWithWhoHasNone() throws Exception {
		// Anders's address is the placement's; Maja's is not known; Beata chose chat herself
		postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"academicCoach\": {\"name\": \"Anders Holm\",",
				"\"academicCoach\": {\"name\": \"Anders Holm\", \"email\": \"anders@kth.example\","));
		assertThat(slashCommand("UBEATA", "digest settings monday 08:00 slack").statusCode()).isEqualTo(200);
		assertThat(put("/api/v1/programs/KTP%202026", "{\"digestChannel\":\"email\"}").statusCode()).isEqualTo(200);
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress()).isEqualTo("anders@kth.example");
		assertThat(SlackStub.messagesTo("UANDERS")).isEmpty();
		assertThat(record("UANDERS").channel()).isEqualTo("email");
		// no address known for Maja: her digest comes by chat, and the record says why
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(record("UMAJA").channel()).as("her Slack DM").isNotEqualTo("email");
		assertThat(record("UMAJA").fallback()).isEqualTo("no_address");
		assertThat(SlackStub.messagesTo("UBEATA")).isNotEmpty();
		assertThat(record("UBEATA").channel()).isNotEqualTo("email");
		assertThat(record("UBEATA").fallback()).isNull();
	}

	@Test
	void aRecipientOfTwoProgrammesFollowsTheirEarliestPlacementsProgrammeFieldByField() {
		// Maja manages Ada in KTP 2026 (since 2 November) and Bo in Thesis abroad (since 16 November)
		enrol("UADA", "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements", placementJson("UBO", "2026-11-16", "2027-04-30")
			.replace("Ada Lindqvist", "Bo Ek").replace("KTP 2026", "Thesis abroad")).statusCode()).isEqualTo(201);

		put("/api/v1/programs/Thesis%20abroad", "{\"digestDay\":\"tuesday\",\"digestTime\":\"10:00\"}");
		// only Thesis abroad sets anything: its day and time
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(Instant.parse("2026-12-08T09:00:00Z"));

		put("/api/v1/programs/KTP%202026", "{\"digestDay\":\"thursday\"}");
		// KTP's placement started first: its day; KTP sets no time, so Thesis abroad's
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(Instant.parse("2026-12-03T09:00:00Z"));
	}
}
