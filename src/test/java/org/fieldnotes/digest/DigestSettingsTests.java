package org.fieldnotes.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Each recipient's own digest day, time and channel: the trigger moves at once, in the recipient's own zone; a
 * changed day never brings a second digest for a week already sent; e-mail chosen without a mail server falls back
 * to a Slack DM and the record says so. {@link #DEFAULT_NOW} is Wednesday 2 December 2026, 10:00 UTC (ISO week 49).
 */
class DigestSettingsTests extends IntegrationTest {

	/** Monday 7 December 2026, 08:00 in Stockholm. */
	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");

	@Autowired
	DigestPreferences settings;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	DigestService digests;

	// ------------------------------------------------------------------------------------------------ when

	@Test
	void eachRecipientsOwnDayAndTimeAreScheduledInTheirOwnZone() {
		enrolWithNewYorkAndKolkata();

		change("UMAJA", DayOfWeek.FRIDAY, "16:30", null, null);
		change("UNYC", DayOfWeek.SUNDAY, "19:00", null, null);
		change("UDELHI", DayOfWeek.WEDNESDAY, "18:00", null, null);

		// Friday 4 December 16:30 in Stockholm (UTC+1)
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(Instant.parse("2026-12-04T15:30:00Z"));
		// Sunday 6 December 19:00 in New York (UTC-5) is already Monday in UTC
		assertThat(scheduler.nextFireTime(keyOf("UNYC"))).hasValue(Instant.parse("2026-12-07T00:00:00Z"));
		// it is 15:30 on Wednesday in Kolkata (UTC+5:30): today, 18:00
		assertThat(scheduler.nextFireTime(keyOf("UDELHI"))).hasValue(Instant.parse("2026-12-02T12:30:00Z"));
		// who chose nothing keeps the default, Monday 08:00 in their zone
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0800_STOCKHOLM);
		assertThat(settings.current(slack("UANDERS"))).get()
			.satisfies(c -> assertThat(c.day()).isEqualTo(DayOfWeek.MONDAY))
			.satisfies(c -> assertThat(c.time()).isEqualTo(LocalTime.of(8, 0)))
			.satisfies(c -> assertThat(c.channel()).isEqualTo(DigestChannel.CHAT));
	}

	@Test
	void theTimeStaysLocalAcrossTheChangeToSummerTime() {
		enrolWithNewYorkAndKolkata();
		// Thursday 25 March 2027; Stockholm moves to UTC+2 on Sunday 28 March
		clock.set(Instant.parse("2027-03-25T12:00:00Z"));

		DigestPreferences.Current current = change("UMAJA", DayOfWeek.MONDAY, "07:15", null, null).current();

		assertThat(current.next()).isEqualTo(Instant.parse("2027-03-29T05:15:00Z"));
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(Instant.parse("2027-03-29T05:15:00Z"));
	}

	@Test
	void settingsSurviveARebuildOfTheSchedule() {
		enrolWithNewYorkAndKolkata();
		change("UMAJA", DayOfWeek.FRIDAY, "16:30", null, null);

		scheduler.rebuild();

		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(Instant.parse("2026-12-04T15:30:00Z"));
	}

	@Test
	void aFiredDigestIsRescheduledOnTheChosenDayAWeekLater() {
		enrolWithNewYorkAndKolkata();
		change("UMAJA", DayOfWeek.FRIDAY, "16:30", null, null);
		clock.set(Instant.parse("2026-12-04T15:30:00Z"));

		scheduler.fire(keyOf("UMAJA"));

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(Instant.parse("2026-12-11T15:30:00Z"));
	}

	// ------------------------------------------------------------------------------------ never twice a week

	@Test
	void sentOnMondayThenMovedToFridaySendsNothingTwiceThatWeek() {
		enrolWithNewYorkAndKolkata();
		clock.set(MONDAY_0800_STOCKHOLM);
		scheduler.fire(keyOf("UMAJA"));
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		clock.advance(Duration.ofHours(2));

		DigestPreferences.Changed changed = change("UMAJA", DayOfWeek.FRIDAY, "16:30", null, null);

		// Friday 11 December is in week 50, whose digest went out on Monday: the next one is Friday 18 December
		Instant friday18 = Instant.parse("2026-12-18T15:30:00Z");
		assertThat(changed.current().next()).isEqualTo(friday18);
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(friday18);
		// even a trigger firing on Friday 11 December (set before the change) sends nothing
		clock.set(Instant.parse("2026-12-11T15:30:00Z"));
		scheduler.fire(keyOf("UMAJA"));
		assertThat(digests.sendAll()).noneMatch(r -> r.recipientKey().equals(keyOf("UMAJA")));
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(mongo.count(Query.query(Criteria.where("recipientKey").is(keyOf("UMAJA"))), DigestRecord.class)).isEqualTo(1);

		clock.set(friday18);
		scheduler.fire(keyOf("UMAJA"));
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(2);
		assertThat(record(keyOf("UMAJA"), "2026-W51")).map(DigestRecord::status).hasValue(DigestStatus.SENT);
	}

	// ---------------------------------------------------------------------------------------------- channel

	@Test
	void emailChosenWithoutAMailServerGoesAsASlackDmAndTheRecordSaysSo() {
		enrolWithNewYorkAndKolkata();
		DigestPreferences.Changed changed = change("UMAJA", null, null, DigestChannel.EMAIL, null);
		// the address comes from the Slack profile (users.info, scope users:read.email)
		assertThat(changed.current().email()).isEqualTo("someone@example.org");
		assertThat(changed.current().effectiveChannel()).isEqualTo(DigestChannel.CHAT);
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		DigestRecord record = record(keyOf("UMAJA"), "2026-W49").orElseThrow();
		assertThat(record.status()).isEqualTo(DigestStatus.SENT);
		assertThat(record.channel()).isEqualTo("DUMAJA");
		assertThat(record.fallback()).isEqualTo("mail_not_configured");
		// who did not choose e-mail has no fallback noted
		assertThat(record(keyOf("UANDERS"), "2026-W49").orElseThrow().fallback()).isNull();
	}

	@Test
	void emailWithoutAnyKnownAddressIsRefusedAndNothingIsStored() {
		enrolWithNewYorkAndKolkata();
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=UMAJA"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"UMAJA\",\"name\":\"maja\",\"real_name\":\"Maja Berg\","
						+ "\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"profile\":{\"real_name\":\"Maja Berg\"}}}")));

		DigestPreferences.Changed changed = change("UMAJA", DayOfWeek.FRIDAY, "16:30", DigestChannel.EMAIL, null);

		assertThat(changed.outcome()).isEqualTo(DigestPreferences.Outcome.EMAIL_NEEDED);
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM);
	}

	@Test
	void aBadAddressIsRefusedAndNothingIsStored() {
		enrolWithNewYorkAndKolkata();

		assertThat(change("UMAJA", DayOfWeek.FRIDAY, null, null, "maja-at-scania").outcome())
			.isEqualTo(DigestPreferences.Outcome.EMAIL_INVALID);
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
	}

	@Test
	void someoneWhoFollowsNoPlacementHasNoSettings() {
		enrolWithNewYorkAndKolkata();

		assertThat(change("UADA", DayOfWeek.FRIDAY, null, null, null).outcome())
			.isEqualTo(DigestPreferences.Outcome.NOT_A_RECIPIENT);
		assertThat(settings.current(slack("UADA"))).isEmpty();
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private DigestPreferences.Changed change(String userId, DayOfWeek day, String time, DigestChannel channel,
			String email) {
		return settings.change(slack(userId),
				new DigestPreferences.Change(day, time == null ? null : LocalTime.parse(time), channel, email));
	}

	/**
	 * Ada's placement: manager UMAJA and academic coach UANDERS in Stockholm, business coach UNYC in New York; Bo's:
	 * manager UDELHI in Kolkata.
	 */
	private void enrolWithNewYorkAndKolkata() {
		enrolJson(placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
				"\"businessCoach\": {\"name\": \"Nora York\", \"slackUserId\": \"UNYC\", \"timezone\": \"America/New_York\"}"));
		enrolJson("""
				{"participant": {"name": "Bo Ng", "slackUserId": "UBO", "timezone": "Asia/Kolkata"},
				 "program": "KTP 2026", "hostOrganisation": "Infosys",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Dev Rao", "slackUserId": "UDELHI", "timezone": "Asia/Kolkata"}}
				""");
	}

	private void enrolJson(String body) {
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private Optional<DigestRecord> record(String recipientKey, String week) {
		return Optional.ofNullable(mongo.findOne(
				Query.query(Criteria.where("recipientKey").is(recipientKey).and("week").is(week)), DigestRecord.class));
	}
}
