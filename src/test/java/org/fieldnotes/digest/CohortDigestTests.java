package org.fieldnotes.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.personId;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.delivery.TestMessages;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * The admins' weekly cohort digest: per programme, one compact line per placement (week, response rate, last entry
 * date, latest shared status, flags), flagged placements first, nobody's words; sent once per week per admin on the
 * digest schedule, under the key {@code admin:<member id>}; and shown by {@code /fieldnotes digest preview}.
 * {@link #DEFAULT_NOW} is Wednesday 2 December 2026 (ISO week 49); UADMIN1 is an admin (FIELDNOTES_ADMINS), whom
 * Slack places in Stockholm and who uses Slack in English.
 */
class CohortDigestTests extends IntegrationTest {

	/** Put in every entry, progress and blocker: it must never reach an admin. */
	private static final String CANARY = "CANARY-words-of-the-participant";
	private static final String ADMIN = "UADMIN1";
	
	/** Monday 7 December 2026, 08:00 in Stockholm. */
	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	DigestService digests;

	@Autowired
	CohortDigests cohort;

	@Autowired
	org.fieldnotes.prompting.PromptDispatcher dispatcher;

	@Autowired
	org.fieldnotes.delivery.Outbox outbox;

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	PlacementManagement placements;

	@Autowired
	AdminDirectory admins;

	/**
	 * KTP 2026: Ada (all well: answered her prompt, wrote yesterday, green), Bo (quiet and red with a blocker for 16
	 * days; his one recent entry is private), Fay (ended early on 30 Nov), Eve (ended on 16 Nov: more than a week ago, so not in the cohort).
	 * Thesis abroad: Cy (wrote yesterday; her only status is red but private), Di (never wrote).
	 */
	private Map<String, String> cohortOfTwoProgrammes() {
		clock.set(Instant.parse("2026-11-16T09:00:00Z"));
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bo = enrolAs("UBO", "Bo Ng", "KTP 2026", "Volvo");
		String cy = enrolAs("UCY", "Cy Berg", "Thesis abroad", "KAIST");
		String di = enrolAs("UDI", "Di Wu", "Thesis abroad", "ETH");
		String eve = enrolAs("UEVE", "Eve Old", "KTP 2026", "Saab");
		String fay = enrolAs("UFAY", "Fay Ek", "KTP 2026", "Ericsson");
		logbook.write(slack("UBO"), "Bo: " + CANARY);
		status("UBO", OverallStatus.RED);
		placements.end(eve);

		clock.set(Instant.parse("2026-11-30T12:00:00Z"));
		placements.end(fay);

		clock.set(Instant.parse("2026-12-01T09:00:00Z"));
		assertThat(postJson("/api/v1/placements/" + ada + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(directMessage("EvA", "UADA", "1764579600.000100", "Ada: " + CANARY, null).statusCode())
			.isEqualTo(200);
		status("UADA", OverallStatus.GREEN);
		logbook.write(slack("UCY"), "Cy: " + CANARY);
		// Bo writes again, privately: it moves neither his last entry date nor his "no entry" flag
		logbook.write(slack("UBO"), "Bo, privately: " + CANARY, Visibility.PRIVATE);
		StatusUpdate privateRed = status("UCY", OverallStatus.RED);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(privateRed.id())),
				new Update().set("visibility", Visibility.PRIVATE), StatusUpdate.class);

		clock.set(DEFAULT_NOW);
		return Map.of("ada", ada, "bo", bo, "cy", cy, "di", di, "eve", eve, "fay", fay);
	}

	@Test
	void perProgrammeEveryPlacementOnOneLineFlaggedFirstAndNobodysWords() {
		Map<String, String> ids = cohortOfTwoProgrammes();

		scheduler.fire(adminKeyOf("UADMIN1"));

		Map<String, String> message = onlyMessageTo(ADMIN);
		String text = SlackStub.blockTexts(message);
		assertThat(message.get("text"))
			.isEqualTo("Cohort this week: 5 placements in 2 programmes, 2 need attention");
		assertThat(text).contains("Your cohort this week")
			.contains("25 Nov – 2 Dec 2026 · 5 placements in 2 programmes")
			.contains("KTP 2026\n3 placements, 1 needs attention")
			.contains("Thesis abroad\n2 placements, 1 needs attention");
		assertThat(text).contains("• *⚠ Bo Ng · Volvo*  week 5 of 26 · no prompt due yet · last entry 16 Nov · "
				+ "status 🔴 red · no entry for 16 days (last: 16 Nov); status red since 16 Nov; a blocker open for 16 days")
			.contains("• *Ada Lindqvist · Scania*  week 5 of 26 · answered 1/1 (100%), this week 1/1 · last entry 1 Dec · "
					+ "status 🟢 green")
			.contains("• *Fay Ek · Ericsson*  ended 30 Nov · no prompt due yet · no entry yet · no status yet")
			.contains("• *⚠ Di Wu · ETH*  week 5 of 26 · no prompt due yet · no entry yet · no status yet · "
					+ "no entry yet (started 2 Nov)")
			// Cy's only status is private: neither shown nor flagged (her line is the last)
			.endsWith("\n• *Cy Berg · KAIST*  week 5 of 26 · no prompt due yet · last entry 1 Dec · no status yet")
			.doesNotContain("Eve Old");
		// programmes in order, flagged placements first in each
		assertThat(text.indexOf("KTP 2026")).isLessThan(text.indexOf("Bo Ng"));
		assertThat(text.indexOf("Bo Ng")).isLessThan(text.indexOf("Ada Lindqvist"));
		assertThat(text.indexOf("Ada Lindqvist")).isLessThan(text.indexOf("Fay Ek"));
		assertThat(text.indexOf("Fay Ek")).isLessThan(text.indexOf("Thesis abroad"));
		assertThat(text.indexOf("Thesis abroad")).isLessThan(text.indexOf("Di Wu"));
		assertThat(text.indexOf("Di Wu")).isLessThan(text.indexOf("Cy Berg"));
		// nobody's words: not entries, not progress, not blockers
		assertThat(message.toString()).doesNotContain(CANARY).doesNotContain("progress of").doesNotContain("blocked by");

		DigestRecord record = record(adminKeyOf("UADMIN1"), "2026-W49").orElseThrow();
		assertThat(record.status()).isEqualTo(DigestStatus.SENT);
		assertThat(record.channel()).isEqualTo("D" + ADMIN);
		assertThat(record.ts()).isNotBlank();
		assertThat(record.placementIds()).containsExactlyInAnyOrder(ids.get("ada"), ids.get("bo"), ids.get("cy"),
				ids.get("di"), ids.get("fay"));
		assertThat(record.entryIds()).isEmpty();
	}

	@Test
	void messagesGivenUpThisWeekOpenTheCohortDigestByReasonAndADeactivatedParticipantIsPaused() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		SlackStub.error("chat.postMessage", "account_inactive");
		dispatcher.sendNext(ada);
		SlackStub.reset();
		// a notice given up for another reason, 8 days ago: no longer this week's
		clock.set(DEFAULT_NOW.minus(java.time.Duration.ofDays(8)));
		SlackStub.error("chat.postMessage", "channel_not_found");
		outbox.send(TestMessages.toMember("test:old", MessageKind.NOTICE, "old", "UOLD", ChatMessage.text("old")));
		SlackStub.reset();
		clock.set(DEFAULT_NOW);

		scheduler.fire(adminKeyOf("UADMIN1"));

		String text = SlackStub.blockTexts(onlyMessageTo(ADMIN));
		assertThat(text).contains("⚠ Could not deliver")
			.contains("1 message given up this week, by Slack's reason · details: GET /api/v1/deliveries")
			.contains("account_inactive")
			.contains("1 prompt · the account cannot receive messages: its placement is paused until you resume or end it")
			.doesNotContain("channel_not_found")
			.contains("• *Ada Lindqvist · Scania*  week 5 of 26 · paused");
		assertThat(text.indexOf("Could not deliver")).isLessThan(text.indexOf("KTP 2026"));
	}

	@Test
	void aSwedishAdminReadsItInSwedish() {
		cohortOfTwoProgrammes();
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=USVADMIN"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"USVADMIN\",\"name\":\"karin\",\"real_name\":\"Karin Sjö\","
						+ "\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"sv-SE\"}}")));
		admins.add(people.ensure(slack("USVADMIN")), people.ensure(slack(ADMIN)).id());

		scheduler.fire(adminKeyOf("USVADMIN"));

		String text = SlackStub.blockTexts(onlyMessageTo("USVADMIN"));
		assertThat(text).contains("Din kohort den här veckan")
			.contains("• *⚠ Bo Ng · Volvo*  vecka 5 av 26 · ingen fråga har skickats än · senaste anteckning 16 nov")
			.contains("status 🔴 röd")
			.contains("ingen anteckning på 16 dagar")
			.contains("besvarade 1/1 (100 %), den här veckan 1/1")
			.contains("avslutad 30 nov")
			.doesNotContain("week 5")
			.doesNotContain(CANARY);
	}

	@Test
	void itIsSentOncePerWeekHoweverOftenItFiresOrTheAppStarts() {
		cohortOfTwoProgrammes();
		clock.set(MONDAY_0800_STOCKHOLM);

		scheduler.fire(adminKeyOf("UADMIN1"));
		scheduler.fire(adminKeyOf("UADMIN1"));
		clock.advance(Duration.ofHours(1));
		scheduler.startUp(); // a restart an hour later

		assertThat(SlackStub.messagesTo(ADMIN)).hasSize(1);
		assertThat(record(adminKeyOf("UADMIN1"), "2026-W50")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		assertThat(scheduler.nextFireTime(adminKeyOf("UADMIN1"))).hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));

		clock.set(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));
		scheduler.fire(adminKeyOf("UADMIN1"));
		scheduler.fire(adminKeyOf("UADMIN1"));

		assertThat(SlackStub.messagesTo(ADMIN)).hasSize(2);
		assertThat(record(adminKeyOf("UADMIN1"), "2026-W51")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		assertThat(mongo.count(Query.query(Criteria.where("recipientKey").is(adminKeyOf("UADMIN1"))), DigestRecord.class))
			.isEqualTo(2);
	}

	@Test
	void adminsAreScheduledLikeEveryRecipientAndAnAddedAdminToo() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(scheduler.nextFireTime(adminKeyOf("UADMIN1"))).hasValue(MONDAY_0800_STOCKHOLM);
		assertThat(scheduler.nextFireTime(adminKeyOf("UNEWADMIN"))).isEmpty();

		admins.add(people.ensure(slack("UNEWADMIN")), people.ensure(slack(ADMIN)).id());
		assertThat(scheduler.nextFireTime(adminKeyOf("UNEWADMIN"))).hasValue(MONDAY_0800_STOCKHOLM);

		admins.remove(slack("UNEWADMIN"));
		assertThat(scheduler.nextFireTime(adminKeyOf("UNEWADMIN"))).isEmpty();
		scheduler.fire(adminKeyOf("UNEWADMIN"));
		assertThat(SlackStub.messagesTo("UNEWADMIN")).as("no longer an admin").isEmpty();
	}

	@Test
	void withoutPlacementsThereIsNoCohortDigestAndNothingIsClaimed() {
		scheduler.fire(adminKeyOf("UADMIN1"));

		assertThat(SlackStub.messagesTo(ADMIN)).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
	}

	@Test
	void anAdminWhoAlsoManagesGetsBothDigestsAsSeparateMessages() {
		enrolAs("UADA", "Ada Lindqvist", "KTP 2026", "Scania", "UMAJA", ADMIN);

		digests.sendAll();
		scheduler.fire(adminKeyOf("UADMIN1"));

		List<Map<String, String>> toAdmin = SlackStub.messagesTo(ADMIN);
		assertThat(toAdmin).hasSize(2);
		assertThat(SlackStub.blockTexts(toAdmin.get(0))).contains("Your placements this week");
		assertThat(SlackStub.blockTexts(toAdmin.get(1))).contains("Your cohort this week");
		assertThat(record(keyOf(ADMIN), "2026-W49")).isPresent();
		assertThat(record(adminKeyOf("UADMIN1"), "2026-W49")).isPresent();
	}

	@Test
	void fortyPlacementsAreOneReadableMessageWithEveryPlacementOnItsOwnLine() {
		for (int i = 0; i < 40; i++) {
			enrolAs(String.format("UP%02d", i), String.format("Participant %02d with a longish name", i),
					i % 2 == 0 ? "KTP 2026" : "Thesis abroad", "Host organisation number " + i);
		}

		scheduler.fire(adminKeyOf("UADMIN1"));

		Map<String, String> message = onlyMessageTo(ADMIN);
		JsonNode blocks = JSON.readTree(message.get("blocks"));
		assertThat(blocks.size()).isLessThanOrEqualTo(50);
		String text = SlackStub.blockTexts(message);
		for (int i = 0; i < 40; i++) {
			assertThat(text).contains(String.format("• *⚠ Participant %02d with a longish name · Host organisation number %d*  "
					+ "week 5 of 26", i, i));
		}
		for (JsonNode block : blocks) {
			if (block.has("text") && block.get("text").has("text")) {
				assertThat(block.get("text").get("text").asString().length()).as("split between placements, never cut")
					.isLessThanOrEqualTo(3000);
				assertThat(block.get("text").get("text").asString()).doesNotContain("continued in the portal");
			}
		}
	}

	@Test
	void theAdminsPreviewShowsTheCohortAndSendsNothing() {
		cohortOfTwoProgrammes();

		JsonNode answer = json(slashCommand(ADMIN, "digest preview").body());

		assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(answer.toString()).contains("Your cohort this week")
			.contains("⚠ Bo Ng · Volvo")
			.contains("Thesis abroad")
			.doesNotContain(CANARY);
		assertThat(SlackStub.messagesTo(ADMIN)).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
	}

	@Test
	void anAdminWhoAlsoManagesPreviewsBothAndOthersNeverSeeTheCohort() {
		enrolAs("UADA", "Ada Lindqvist", "KTP 2026", "Scania", "UMAJA", ADMIN);

		String both = json(slashCommand(ADMIN, "digest preview").body()).toString();
		assertThat(both).contains("Your placements this week").contains("Your cohort this week");
		assertThat(both.indexOf("Your placements this week")).isLessThan(both.indexOf("Your cohort this week"));

		String coach = json(slashCommand("UANDERS", "digest preview").body()).toString();
		assertThat(coach).contains("Dina placeringar").doesNotContain("kohort").doesNotContain("cohort");
		assertThat(cohort.preview(personId(people, "UANDERS"))).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private String enrolAs(String participantId, String name, String programme, String host) {
		return enrolAs(participantId, name, programme, host, "UMAJA", "UMAJA");
	}

	private String enrolAs(String participantId, String name, String programme, String host, String manager,
			String newManager) {
		HttpResponse<String> response = postJson("/api/v1/placements",
				placementJson(participantId, "2026-11-02", "2027-04-30").replace("Ada Lindqvist", name)
					.replace("KTP 2026", programme)
					.replace("Scania", host)
					.replace(manager, newManager));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	private StatusUpdate status(String participantId, OverallStatus status) {
		StatusUpdates.Submitted submitted = statusUpdates.submit(slack(participantId),
				new StatusUpdates.Report(status, "progress of " + CANARY, "blocked by " + CANARY, 3), null,
				"form-" + participantId + "-" + clock.instant());
		assertThat(submitted.outcome()).isEqualTo(StatusUpdates.Outcome.SAVED);
		return submitted.update();
	}

	private static Map<String, String> onlyMessageTo(String memberId) {
		List<Map<String, String>> messages = SlackStub.messagesTo(memberId);
		assertThat(messages).as("DMs to %s", memberId).hasSize(1);
		return messages.get(0);
	}

	private Optional<DigestRecord> record(String recipientKey, String week) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("recipientKey").is(recipientKey).and("week").is(week)), DigestRecord.class));
	}
}
