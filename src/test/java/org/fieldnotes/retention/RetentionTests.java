package org.fieldnotes.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.CronTrigger;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * The retention sweep with the default period (365 days): a placement's logbook goes 365 days after its end, in the
 * participant's time zone, and nothing else goes with it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RetentionTests extends IntegrationTest {

	private static final String SECRET_TEXT = "Confidential: the supplier's price list is 4711";
	/** 31 December 2026 is Ada's last day; 365 days later is 31 December 2027 (Stockholm). */
	private static final Instant LAST_MINUTE_OF_DAY_364 = Instant.parse("2027-12-30T22:59:00Z");
	private static final Instant FIRST_MINUTE_OF_DAY_365 = Instant.parse("2027-12-30T23:00:00Z");
	/** What the sweep deletes of a placement, as the logbook and prompting modules report it. */
	private static final java.util.List<String> SWEPT = java.util.List.of("entry_responses", "logbook_entries",
			"status_updates", "blockers", "prompt_occurrences", "hours");

	@Autowired
	RetentionSweep sweep;

	@Autowired
	Logbook logbook;

	@Autowired
	PlacementManagement placements;

	String ended;
	String running;
	String paused;

	@BeforeEach
	void placementsWithLogbooks() {
		ended = enrol("UADA", "2026-11-02", "2026-12-31");
		running = enrol("UBO", "2026-11-02", "2028-12-29");
		paused = enrol("UCY", "2026-11-02", "2028-12-29");
		placements.pause(paused);
		for (String id : new String[] { ended, running, paused }) {
			fill(id);
		}
		logbook.write(slack("UADA"), SECRET_TEXT);
		logbook.write(slack("UBO"), SECRET_TEXT);
	}

	@Test
	void nothingIsDeletedOnTheLastDayBeforeTheRetentionEnds() {
		clock.set(LAST_MINUTE_OF_DAY_364);

		RetentionSweep.Result result = sweep.sweep();

		assertThat(result.total()).isZero();
		assertThat(result.placements()).isZero();
		assertThat(counts(ended)).isEqualTo(Map.of("entry_responses", 1L, "logbook_entries", 2L, "status_updates", 1L,
				"blockers", 1L, "prompt_occurrences", 1L, "hours", 1L));
	}

	@Test
	void theLogbookGoes365DaysAfterTheEndAndNothingElse(CapturedOutput output) {
		Map<String, Long> runningBefore = counts(running);
		Map<String, Long> pausedBefore = counts(paused);
		long digestsBefore = mongo.getCollection("digests").countDocuments();
		clock.set(FIRST_MINUTE_OF_DAY_365);

		RetentionSweep.Result result = sweep.sweep();

		assertThat(result.deleted()).containsExactly(Map.entry("end_reports", 0L), Map.entry("goal_progress", 0L),
				Map.entry("hours", 1L), Map.entry("entry_responses", 1L), Map.entry("logbook_entries", 2L), Map.entry("status_updates", 1L),
				Map.entry("blockers", 1L), Map.entry("week_signoffs", 0L), Map.entry("survey_answers", 0L),
				Map.entry("survey_sends", 0L), Map.entry("prompt_occurrences", 1L), Map.entry("meetings", 0L),
				Map.entry("web_messages", 0L), Map.entry("web_files", 0L));
		assertThat(result.placementIds()).containsExactly(ended);
		assertThat(counts(ended)).allSatisfy((collection, n) -> assertThat(n).as(collection).isZero());
		// the placement itself, the digest records and the notice stay; a record says what went
		assertThat(placements.get(ended).getHostOrganisation()).isEqualTo("Scania");
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(digestsBefore).isPositive();
		assertThat(mongo.getCollection("placement_notices").countDocuments(new Document("placementId", ended)))
			.isEqualTo(1);
		Document record = mongo.getCollection(RetentionSweep.RECORDS).find(new Document("_id", ended)).first();
		assertThat(record).isNotNull();
		assertThat(record.getString("program")).isEqualTo("KTP 2026");
		assertThat(record.getString("endedOn")).isEqualTo("2026-12-31");
		assertThat(record.get("deleted", Document.class).get("logbook_entries", Number.class).longValue()).isEqualTo(2);
		// other placements, running or paused, keep everything, however old their entries are
		assertThat(counts(running)).isEqualTo(runningBefore);
		assertThat(counts(paused)).isEqualTo(pausedBefore);
		// counted in the log, never quoted
		assertThat(output.getOut()).contains("Retention: placement " + ended + " (ended 2026-12-31) swept")
			.contains("1 placements swept; deleted end_reports=0, goal_progress=0, hours=1, entry_responses=1, logbook_entries=2, "
					+ "status_updates=1, blockers=1, week_signoffs=0, survey_answers=0, survey_sends=0, prompt_occurrences=1, "
					+ "meetings=0")
			.doesNotContain(SECRET_TEXT);
	}

	@Test
	void aSecondSweepDeletesNothing() {
		clock.set(FIRST_MINUTE_OF_DAY_365);
		assertThat(sweep.sweep().total()).isEqualTo(7);

		clock.advance(Duration.ofDays(1));
		RetentionSweep.Result again = sweep.sweep();

		assertThat(again.total()).isZero();
		assertThat(again.placementIds()).isEmpty();
		Document record = mongo.getCollection(RetentionSweep.RECORDS).find(new Document("_id", ended)).first();
		assertThat(record.get("deleted", Document.class).get("logbook_entries", Number.class).longValue()).isEqualTo(2);
	}

	@Test
	void aPlacementEndedEarlyCountsFromTheDayItWasEnded() {
		// ended by an admin on 2 December 2026 although it was to run until the end of 2028
		placements.end(running);
		clock.set(Instant.parse("2027-12-01T12:00:00Z"));
		assertThat(sweep.sweep().placementIds()).doesNotContain(running);

		clock.set(Instant.parse("2027-12-02T12:00:00Z"));
		assertThat(sweep.sweep().placementIds()).contains(running);
		assertThat(counts(running)).allSatisfy((collection, n) -> assertThat(n).as(collection).isZero());
		assertThat(counts(paused).get("logbook_entries")).isEqualTo(1);
	}

	@Test
	void runningAndPausedPlacementsAreNeverSwept() {
		// 20 years on, the placements still running (their end date not passed) keep everything
		clock.set(Instant.parse("2028-12-29T12:00:00Z"));
		sweep.sweep();

		assertThat(counts(running).get("logbook_entries")).isEqualTo(2);
		assertThat(counts(paused).get("logbook_entries")).isEqualTo(1);
		assertThat(counts(paused).get("prompt_occurrences")).isEqualTo(1);
	}

	@Test
	void theDailySweepIsClaimedOncePerDay() {
		clock.set(FIRST_MINUTE_OF_DAY_365);

		assertThat(sweep.sweepOncePerDay()).hasValueSatisfying(r -> assertThat(r.total()).isEqualTo(7));
		// the same day (a second instance, or the start-up run after the daily one): not run again
		clock.advance(Duration.ofMinutes(50));
		assertThat(sweep.sweepOncePerDay()).isEmpty();
		Document claim = mongo.getCollection(RetentionSweep.SWEEPS).find(new Document("_id", "2027-12-30")).first();
		assertThat(claim).isNotNull();
		assertThat(claim.get("finishedAt")).isNotNull();
		// the next day runs (and finds nothing left)
		clock.advance(Duration.ofDays(1));
		assertThat(sweep.sweepOncePerDay()).hasValueSatisfying(r -> assertThat(r.total()).isZero());
	}

	@Test
	void anAdminCanSweepNowThroughTheApiAndItIsAudited() {
		clock.set(FIRST_MINUTE_OF_DAY_365);

		HttpResponse<String> response = postJson("/api/v1/retention:sweep", "");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("retention").asString()).isEqualTo("P365D");
		assertThat(body.get("placements").asInt()).isEqualTo(1);
		assertThat(body.get("deleted").get("logbook_entries").asLong()).isEqualTo(2);
		assertThat(body.get("deleted").get("prompt_occurrences").asLong()).isEqualTo(1);
		assertThat(body.get("placementIds").get(0).asString()).isEqualTo(ended);
		Document audit = mongo.getCollection("audit").find(new Document("action", "retention-sweep")).first();
		assertThat(audit).isNotNull();
		assertThat(audit.getString("actor")).isEqualTo("api");
		assertThat(audit.getString("detail")).isEqualTo("1 placement, 7 documents deleted");

		HttpResponse<String> again = postJson("/api/v1/retention:sweep", "");
		assertThat(json(again.body()).get("placements").asInt()).isZero();
		assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/retention:sweep"))
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build()).statusCode()).isEqualTo(401);
	}

	@Test
	void theDailySweepRunsAt0330UtcAndOnceAtStart(@Autowired @Qualifier("retentionDailyTrigger") Trigger daily,
			@Autowired @Qualifier("retentionAtStartTrigger") Trigger atStart) {
		assertThat(daily).isInstanceOf(CronTrigger.class);
		assertThat(((CronTrigger) daily).getCronExpression()).isEqualTo("0 30 3 ? * *");
		assertThat(((CronTrigger) daily).getTimeZone().getID()).isEqualTo("UTC");
		assertThat(atStart.getJobKey()).isEqualTo(daily.getJobKey());
		// a one-shot trigger, fired as soon as the scheduler starts
		assertThat(atStart).isInstanceOf(org.quartz.SimpleTrigger.class);
		assertThat(((org.quartz.SimpleTrigger) atStart).getRepeatCount()).isZero();
	}

	/** One document of each swept kind for the placement, plus a digest record and an end-of-placement notice. */
	private void fill(String placementId) {
		Instant old = DEFAULT_NOW.minus(Duration.ofDays(30));
		mongo.getCollection("logbook_entries").insertOne(doc(placementId).append("text", SECRET_TEXT)
			.append("naturalKey", "test:" + UUID.randomUUID()).append("createdAt", java.util.Date.from(old)));
		mongo.getCollection("status_updates").insertOne(doc(placementId).append("progress", SECRET_TEXT)
			.append("naturalKey", "test:" + UUID.randomUUID()));
		mongo.getCollection("blockers").insertOne(doc(placementId).append("text", SECRET_TEXT)
			.append("naturalKey", "test:" + UUID.randomUUID()).append("state", "OPEN"));
		mongo.getCollection("entry_responses").insertOne(doc(placementId).append("text", SECRET_TEXT)
			.append("naturalKey", "test:" + UUID.randomUUID()));
		mongo.getCollection("prompt_occurrences").insertOne(doc(placementId).append("promptId", "weekly-gibbs")
			.append("dueDate", "2026-11-27"));
		// the week is the whole placement id: the claim index is unique on (recipient, week), and two random ids
		// may share a prefix (four hex digits once did, and the fixture failed in CI)
		mongo.getCollection("digests").insertOne(new Document("_id", UUID.randomUUID().toString())
			.append("recipientKey", keyOf("UMAJA")).append("week", "2026-W-" + placementId)
			.append("placementIds", java.util.List.of(placementId)));
		mongo.getCollection("placement_notices").insertOne(doc(placementId).append("kind", "end-of-placement"));
		mongo.getCollection("hours").insertOne(doc(placementId).append("minutes", 450).append("note", SECRET_TEXT));
	}

	private static Document doc(String placementId) {
		return new Document("_id", UUID.randomUUID().toString()).append("placementId", placementId);
	}

	private Map<String, Long> counts(String placementId) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (String collection : SWEPT) {
			counts.put(collection, mongo.getCollection(collection).countDocuments(new Document("placementId", placementId)));
		}
		return counts;
	}
}
