package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The weekly digest: who gets one and how often, what it says about prompts and entries, in whose language, and
 * when it is scheduled (Monday 08:00 in each recipient's own zone), including a restart after the due time.
 * {@link #DEFAULT_NOW} is Wednesday 2 December 2026 (ISO week 49).
 */
class DigestTests extends IntegrationTest {

	/** Monday 7 December 2026, 08:00 in Stockholm. */
	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");
	/** Monday 7 December 2026, 08:00 in New York. */
	private static final Instant MONDAY_0800_NEW_YORK = Instant.parse("2026-12-07T13:00:00Z");

	@Autowired
	DigestService digests;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	PlacementManagement placements;

	@Autowired
	PromptDispatcher prompts;

	@Autowired
	Logbook logbook;

	@Autowired
	Programs programs;

	/** Entries default to the coaches only; these tests read the manager's digest, so the programme shares with them. */
	private void shareWithManagers() {
		programs.setDefaultVisibility("KTP 2026", Visibility.PLACEMENT);
	}

	// ------------------------------------------------------------------------------------------ who gets what

	@Test
	void aRecipientWhoFollowsTwoPlacementsGetsOneMessageListingBoth() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bo = enrolJson(placementJson("UBO", "2026-11-16", "2027-02-26").replace("Ada Lindqvist", "Bo Ng")
			.replace("Scania", "Volvo"));
		clock.advance(Duration.ofDays(1));

		List<DigestRecord> sent = digests.sendAll();

		assertThat(sent).extracting(DigestRecord::recipientKey).containsExactlyInAnyOrder(keyOf("UMAJA"), keyOf("UANDERS"), keyOf("UBEATA"));
		assertThat(sent).allSatisfy(record -> {
			assertThat(record.status()).isEqualTo(DigestStatus.SENT);
			assertThat(record.placementIds()).containsExactlyInAnyOrder(ada, bo);
		});
		assertThat(SlackStub.calls("chat.postMessage")).hasSize(3);
		List<Map<String, String>> toMaja = SlackStub.messagesTo("UMAJA");
		assertThat(toMaja).hasSize(1);
		assertThat(SlackStub.blockTexts(toMaja.get(0))).contains("*Ada Lindqvist*")
			.contains("Scania")
			.contains("*Bo Ng*")
			.contains("Volvo")
			.contains("2 participants");
		assertThat(toMaja.get(0).get("text")).isEqualTo("Your placements this week: 2 participants");
	}

	/**
	 * This context has no mail server (SPRING_MAIL_HOST unset): an e-mail-only follower's digest is recorded as
	 * skipped, not sent. E-mail delivery itself is in {@link EmailDigestTests}.
	 */
	@Test
	void withoutAMailServerAnEmailOnlyCoachGetsASkippedRecord() {
		enrolJson(placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\", \"timezone\": \"Europe/Stockholm\", \"locale\": \"sv\"}",
				"\"academicCoach\": {\"name\": \"Eva Ström\", \"email\": \"Eva.Strom@uni.example\"}"));
		clock.advance(Duration.ofDays(1));

		List<DigestRecord> handled = digests.sendAll();

		assertThat(handled).hasSize(3);
		assertThat(SlackStub.calls("chat.postMessage")).extracting(m -> m.get("channel"))
			.containsExactlyInAnyOrder("UMAJA", "UBEATA");
		DigestRecord eva = record(keyOfAddress("eva.strom@uni.example"), "2026-W49").orElseThrow();
		assertThat(eva.status()).isEqualTo(DigestStatus.SKIPPED);
		assertThat(eva.failure()).isEqualTo("mail_not_configured");
		assertThat(eva.sentAt()).isNull();
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(3);

		// skipped counts as handled for the week: not tried again
		assertThat(digests.sendAll()).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(3);
	}

	@Test
	void aDigestGoesOutOncePerWeek() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(digests.sendAll()).hasSize(3);
		assertThat(digests.sendAll()).isEmpty();
		HttpResponse<String> viaApi = postJson("/api/v1/digests/send", "");
		assertThat(json(viaApi.body()).get("handled").asInt()).isZero();
		clock.advance(Duration.ofDays(4)); // Sunday: still week 49
		assertThat(digests.sendAll()).isEmpty();
		for (String recipient : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(recipient)).as(recipient).hasSize(1);
		}

		clock.advance(Duration.ofDays(3)); // a week after the first: week 50

		List<DigestRecord> nextWeek = digests.sendAll();
		assertThat(nextWeek).hasSize(3).allSatisfy(r -> assertThat(r.week()).isEqualTo("2026-W50"));
		for (String recipient : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(recipient)).as(recipient).hasSize(2);
		}
		assertThat(record(keyOf("UMAJA"), "2026-W49")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		assertThat(record(keyOf("UMAJA"), "2026-W50")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		assertThat(digests.sendAll()).isEmpty();
	}

	@Test
	void followersOfAnEndedPlacementGetNothingForIt() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bo = enrolJson(placementJson("UBO", "2026-11-02", "2027-04-30").replace("Ada Lindqvist", "Bo Ng")
			.replace("UMAJA", "UENDMGR"));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(bo)), new Update().set("status", PlacementStatus.ENDED),
				Placement.class);
		clock.advance(Duration.ofDays(1));

		List<DigestRecord> sent = digests.sendAll();

		assertThat(sent).extracting(DigestRecord::recipientKey).containsExactlyInAnyOrder(keyOf("UMAJA"), keyOf("UANDERS"), keyOf("UBEATA"));
		assertThat(sent).allSatisfy(r -> assertThat(r.placementIds()).containsExactly(ada));
		assertThat(SlackStub.messagesTo("UENDMGR")).isEmpty();
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).contains("Ada Lindqvist")
			.doesNotContain("Bo Ng");
	}

	// ------------------------------------------------------------------------------------------- what it says

	@Test
	void eachPromptShowsWhetherItWasAnsweredUnansweredOrMissed() {
		shareWithManagers();
		String answered = enrolJson(placement("UADA", "Ada Lindqvist", "UMGRA", "FRIDAY", "14:00"));
		String unanswered = enrolJson(placement("UBO", "Bo Ng", "UMGRB", "FRIDAY", "14:00"));
		String missed = enrolJson(placement("UCY", "Cy Berg", "UMGRC", "THURSDAY", "09:00"));
		// Wednesday: the admin sends Friday's prompt now to two of them; one answers
		assertThat(postJson("/api/v1/placements/" + answered + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(postJson("/api/v1/placements/" + unanswered + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(directMessage("EvA", "UADA", "1764669600.000100", "Mapped the supplier chain", null).statusCode())
			.isEqualTo(200);
		// Friday: the app was down over Thursday's 09:00 prompt, more than 12 hours ago
		clock.set(Instant.parse("2026-12-04T10:00:00Z"));
		List<PromptDelivery> caughtUp = prompts.catchUp(missed);
		assertThat(caughtUp).extracting(PromptDelivery::status).containsExactly(OccurrenceStatus.MISSED);

		digests.sendAll();

		// the coach sees each prompt and the entry; the manager one line with the counts, then the entry only
		// because it was shared with the whole placement
		String a = onlyDigestTo("UCMGRA");
		assertThat(a).contains("Prompts answered: 1 of 1").contains("  answered").doesNotContain("not answered yet")
			.contains("Mapped the supplier chain").contains("reply to");
		String managerA = onlyDigestTo("UMGRA");
		assertThat(managerA).contains("prompts answered 1 of 1 this week").doesNotContain("missed");
		assertThat(managerA.indexOf("Mapped the supplier chain"))
			.isGreaterThan(managerA.indexOf("Ada Lindqvist shared an entry with you"))
			.isGreaterThan(managerA.indexOf("prompts answered 1 of 1 this week"));
		String b = onlyDigestTo("UCMGRB");
		assertThat(b).contains("Prompts answered: 0 of 1").contains("not answered yet").doesNotContain("missed")
			.contains("No logbook entries this week.");
		assertThat(onlyDigestTo("UMGRB")).contains("prompts answered 0 of 1 this week").doesNotContain("missed");
		String c = onlyDigestTo("UCMGRC");
		assertThat(c).contains("Prompts answered: 0 of 1")
			.contains("missed (not sent while Fieldnotes was down)")
			.doesNotContain("not answered yet");
		assertThat(onlyDigestTo("UMGRC")).contains("prompts answered 0 of 1 this week, 0 of 1 so far (1 missed)");
	}

	@Test
	void aWeekWithoutPromptsSaysSo() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(onlyDigestTo("UBEATA")).contains("No prompt was due this week.")
			.contains("No logbook entries this week.")
			.doesNotContain("Prompts answered");
		assertThat(onlyDigestTo("UMAJA")).contains("no prompt sent yet").doesNotContain("prompts answered")
			.doesNotContain("streak");
	}

	@Test
	void deletedEntriesAreNotInTheDigest() {
		shareWithManagers();
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		directMessage("Ev1", "UADA", "1764669600.000100", "Kept: the supplier map", null);
		directMessage("Ev2", "UADA", "1764669601.000100", "Oops, meant for my sister", null);
		assertThat(slackEvent(SlackRequests.messageDeleted("Ev3", "DUADA", "1764669601.000100"), "application/json")
			.statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/placements/" + id + "/entries").body())).hasSize(1);
		assertThat(json(get("/api/v1/placements/" + id + "/entries?includeDeleted=true").body())).hasSize(2);
		clock.advance(Duration.ofDays(1));

		List<DigestRecord> sent = digests.sendAll();

		assertThat(onlyDigestTo("UBEATA")).contains("Kept: the supplier map").doesNotContain("meant for my sister");
		// shared with the whole placement, so the manager gets the kept entry too, and never the deleted one
		assertThat(onlyDigestTo("UMAJA")).contains("Kept: the supplier map").doesNotContain("meant for my sister");
		assertThat(onlyDigestTo("UANDERS")).doesNotContain("meant for my sister");
		assertThat(sent).allSatisfy(r -> assertThat(r.entryIds()).hasSize(1));
	}

	@Test
	void entriesOlderThanSevenDaysAreNotInTheDigest() {
		shareWithManagers();
		enrol("UADA", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), "Old: the first day");
		clock.advance(Duration.ofDays(6));
		logbook.write(slack("UADA"), "Recent: the midpoint talk");
		clock.advance(Duration.ofDays(2)); // the first entry is now 8 days old

		digests.sendAll();

		assertThat(onlyDigestTo("UBEATA")).contains("Recent: the midpoint talk").doesNotContain("Old: the first day");
	}

	@Test
	void aPausedPlacementSaysPromptsArePaused() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		placements.pause(id);
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(onlyDigestTo("UMAJA")).contains("Ada Lindqvist").contains("Prompts are paused for this placement.");
		assertThat(onlyDigestTo("UANDERS")).contains("Frågorna är pausade för den här placeringen.");
	}

	@Test
	void anActivePlacementDoesNotSayItIsPaused() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(onlyDigestTo("UMAJA")).doesNotContain("paused").doesNotContain("ended");
	}

	@Test
	void theSwedishCoachReadsSwedish() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), "Veckans lärdom");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		Map<String, String> toAnders = SlackStub.messagesTo("UANDERS").get(0);
		assertThat(toAnders.get("text")).isEqualTo("Dina placeringar den här veckan: 1 deltagare");
		assertThat(SlackStub.blockTexts(toAnders)).contains("Dina placeringar den här veckan")
			.contains("du är akademisk handledare")
			.contains("vecka 5 av 26")
			.contains("Ingen fråga skickades den här veckan.")
			.contains("loggboksanteckning")
			.doesNotContain("Your placements")
			.doesNotContain("you are the");
		assertThat(onlyDigestTo("UMAJA")).contains("Your placements this week")
			.contains("Placements you manage")
			.contains("week 5 of 26");
		assertThat(onlyDigestTo("UBEATA")).contains("you are the business coach");
	}

	// ------------------------------------------------------------------------------------------------- when

	@Test
	void eachRecipientIsScheduledForMonday0800InTheirOwnZone() {
		enrolWithNewYorkCoach();

		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM);
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0800_STOCKHOLM);
		assertThat(scheduler.nextFireTime(keyOf("UNYC"))).hasValue(MONDAY_0800_NEW_YORK);
		assertThat(scheduler.nextFireTime(keyOf("UBEATA"))).as("not a recipient of this placement").isEmpty();
	}

	@Test
	void aFiredDigestIsSentAndTheNextOneIsScheduledAWeekLater() {
		enrolWithNewYorkCoach();
		clock.set(MONDAY_0800_STOCKHOLM);

		scheduler.fire(keyOf("UMAJA"));

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(SlackStub.messagesTo("UNYC")).isEmpty();
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));
	}

	@Test
	void startingTwiceAfterTheDueTimeSendsOneDigestPerRecipient() {
		enrolWithNewYorkCoach();
		// Monday 09:00 in Stockholm (an hour late there), 03:00 in New York (not due there yet)
		clock.set(MONDAY_0800_STOCKHOLM.plus(Duration.ofHours(1)));

		scheduler.startUp();
		scheduler.startUp();
		assertThat(SlackStub.messagesTo("UMAJA")).as("queued by the start, for the outbox's worker").isEmpty();
		drainOutbox();

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(SlackStub.messagesTo("UANDERS")).hasSize(1);
		assertThat(SlackStub.messagesTo("UNYC")).isEmpty();
		// the admin (UADMIN1, in Stockholm) is a recipient too, of the cohort digest, also caught up once
		assertThat(SlackStub.messagesTo("UADMIN1")).hasSize(1);
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(3);
		assertThat(record(keyOf("UMAJA"), "2026-W50")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		assertThat(record(adminKeyOf("UADMIN1"), "2026-W50")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
		// and the schedule is set for what comes next
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));
		assertThat(scheduler.nextFireTime(keyOf("UNYC"))).hasValue(MONDAY_0800_NEW_YORK);
	}

	@Test
	void startingMoreThan12HoursAfterTheDueTimeDoesNotCatchUp() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		// Monday 21:00 in Stockholm: 13 hours late
		clock.set(MONDAY_0800_STOCKHOLM.plus(Duration.ofHours(13)));

		scheduler.startUp();

		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM.plus(Duration.ofDays(7)));
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/** Manager UMAJA and academic coach UANDERS in Stockholm, business coach UNYC in New York. */
	private void enrolWithNewYorkCoach() {
		enrolJson(placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
				"\"businessCoach\": {\"name\": \"Nora York\", \"slackUserId\": \"UNYC\", \"timezone\": \"America/New_York\"}"));
	}

	/**
	 * A placement with a manager and a business coach ({@code UC} + the manager's id without its {@code U}), in
	 * Stockholm, prompted on the given day and time.
	 */
	private static String placement(String participantId, String name, String managerId, String day, String time) {
		return """
				{"participant": {"name": "%s", "slackUserId": "%s", "timezone": "Europe/Stockholm"},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Manager of %s", "slackUserId": "%s"},
				 "businessCoach": {"name": "Coach of %s", "slackUserId": "UC%s"},
				 "schedule": {"dayOfWeek": "%s", "time": "%s"}}
				""".formatted(name, participantId, name, managerId, name, managerId.substring(1), day, time);
	}

	private String enrolJson(String body) {
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	/** The block texts of the one digest DM a recipient got. */
	private static String onlyDigestTo(String slackUserId) {
		List<Map<String, String>> messages = SlackStub.messagesTo(slackUserId);
		assertThat(messages).as("digest DMs to %s", slackUserId).hasSize(1);
		return SlackStub.blockTexts(messages.get(0));
	}

	private Optional<DigestRecord> record(String recipientKey, String week) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("recipientKey").is(recipientKey).and("week").is(week)), DigestRecord.class));
	}
}
