package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * Closure windows: {@code POST /api/v1/placements:pause} with a programme and dates closes it ("summer closure",
 * 6–31 July 2027): a prompt due inside is recorded as skipped ({@code closed}), not sent and not missed; the
 * placements are prompted again after the window by themselves; each participant is told once, in their language,
 * when it is created; {@code :resume} ends one early; the placement's GET shows its closures. Ada is prompted on
 * Thursdays at 14:00 Stockholm (12:00Z in summer) from 2 November 2026 to 30 September 2027.
 */
class ClosureWindowTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptScheduler scheduler;

	@Test
	void aPromptDueInsideTheWindowIsNotSentAndTheOneAfterIs() {
		String id = enrolThursdays();

		HttpResponse<String> closed = post("/api/v1/placements:pause", ADMIN_TOKEN,
				"{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\", \"to\": \"2027-07-31\", \"reason\": \"summer closure\"}");

		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
		assertThat(json(closed.body()).get("placements").asInt()).isEqualTo(1);
		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).singleElement().satisfies(m -> assertThat(words(m))
			.contains("Your programme (KTP 2026) is closed from 6 Jul 2027 to 31 Jul 2027")
			.contains("Reason: summer closure"));
		sent().reset();

		clock.set(Instant.parse("2027-07-08T12:00:00Z"));
		scheduler.fire(id);
		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).as("nothing sent inside the window").isEmpty();
		assertThat(occurrence(id, "2027-07-08")).extracting(PromptOccurrence::getStatus,
				PromptOccurrence::getSkipReason).containsExactly(OccurrenceStatus.SKIPPED, "closed");

		clock.set(Instant.parse("2027-08-05T12:00:00Z"));
		scheduler.fire(id);
		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).hasSize(1);
		assertThat(occurrences(id)).filteredOn(o -> o.getDueDate().isAfter(LocalDate.parse("2027-07-05")))
			.extracting(PromptOccurrence::getDueDate, PromptOccurrence::getStatus, PromptOccurrence::getSkipReason)
			.containsExactly(tuple(LocalDate.parse("2027-07-08"), OccurrenceStatus.SKIPPED, "closed"),
					tuple(LocalDate.parse("2027-07-15"), OccurrenceStatus.SKIPPED, "closed"),
					tuple(LocalDate.parse("2027-07-22"), OccurrenceStatus.SKIPPED, "closed"),
					tuple(LocalDate.parse("2027-07-29"), OccurrenceStatus.SKIPPED, "closed"),
					tuple(LocalDate.parse("2027-08-05"), OccurrenceStatus.SENT, null));
	}

	@Test
	void weeksTheProgrammeWasClosedAreNotSkippedPromptsToTheCoaches(
			@Autowired org.fieldnotes.digest.attention.Attention attention,
			@Autowired org.fieldnotes.placement.PlacementManagement placements) {
		String id = enrolThursdays();
		assertThat(post("/api/v1/placements:pause", ADMIN_TOKEN,
				"{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\", \"to\": \"2027-07-31\"}").statusCode())
			.isEqualTo(201);

		for (String thursday : List.of("2027-07-08", "2027-07-15", "2027-07-22", "2027-07-29")) {
			clock.set(Instant.parse(thursday + "T12:00:00Z"));
			scheduler.fire(id);
		}
		clock.set(Instant.parse("2027-08-02T09:00:00Z"));

		assertThat(occurrences(id)).filteredOn(o -> "closed".equals(o.getSkipReason())).hasSize(4);
		// four prompts in a row not answered, but nobody expected an answer: no "skipped 3 in a row" flag
		assertThat(attention.flagsFor(placements.get(id))).extracting(org.fieldnotes.digest.attention.Flag::kind)
			.doesNotContain(org.fieldnotes.digest.attention.Flag.Kind.SKIPPED_IN_A_ROW);
	}

	@Test
	void daysOfTheClosureDoNotMakeAParticipantLookQuiet(
			@Autowired org.fieldnotes.digest.attention.Attention attention,
			@Autowired org.fieldnotes.placement.PlacementManagement placements) {
		String id = enrolThursdays();
		assertThat(post("/api/v1/placements:pause", ADMIN_TOKEN,
				"{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\", \"to\": \"2027-07-31\"}").statusCode())
			.isEqualTo(201);
		clock.set(Instant.parse("2027-07-03T10:00:00Z"));
		assertThat(directMessage("EvClosed1", ADA, "1814004000.000100", "Wrapped up the pilot before the summer", null)
			.statusCode()).isEqualTo(200);
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isEqualTo(1);

		// 30 calendar days since the entry, 4 of them open (4–5 July, 1–2 August)
		clock.set(Instant.parse("2027-08-02T09:00:00Z"));
		assertThat(attention.flagsFor(placements.get(id))).extracting(org.fieldnotes.digest.attention.Flag::kind)
			.doesNotContain(org.fieldnotes.digest.attention.Flag.Kind.NO_RECENT_ENTRY);

		// ten more open days and it is quiet again: the closure excused only its own days
		clock.set(Instant.parse("2027-08-12T09:00:00Z"));
		assertThat(attention.flagsFor(placements.get(id))).extracting(org.fieldnotes.digest.attention.Flag::kind)
			.contains(org.fieldnotes.digest.attention.Flag.Kind.NO_RECENT_ENTRY);
	}

	@Test
	void theEvaluationExportsFlagsDoNotCountClosedDaysAsQuiet() throws Exception {
		enrolThursdays();
		assertThat(post("/api/v1/placements:pause", ADMIN_TOKEN,
				"{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\", \"to\": \"2027-07-31\"}").statusCode())
			.isEqualTo(201);
		clock.set(Instant.parse("2027-07-03T10:00:00Z"));
		assertThat(directMessage("EvClosed2", ADA, "1814004000.000200", "Wrapped up the pilot before the summer", null)
			.statusCode()).isEqualTo(200);
		clock.set(Instant.parse("2027-08-03T09:00:00Z"));

		HttpResponse<String> csv = get("/api/v1/programs/KTP%202026/evaluation.csv");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
			.setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body())).getRecords();
		// a week before the entry was quiet (never written since the start); the week now is not, though 31
		// calendar days have passed since the entry: 26 of them the programme was closed
		org.apache.commons.csv.CSVRecord now = rows.get(rows.size() - 1);
		assertThat(now.get("week_start")).isEqualTo("2027-08-02");
		assertThat(now.get("flags")).doesNotContain("no_recent_entry");
		assertThat(rows).filteredOn(r -> r.get("week_start").equals("2027-06-21")).singleElement()
			.satisfies(r -> assertThat(r.get("flags")).contains("no_recent_entry"));
	}

	@Test
	void theCohortsResponseRateLeavesOutTheClosedWeeks(@Autowired org.fieldnotes.digest.CohortDigests cohort,
			@Autowired org.fieldnotes.people.People people) {
		String id = enrolThursdays();
		assertThat(post("/api/v1/placements:pause", ADMIN_TOKEN,
				"{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\", \"to\": \"2027-07-31\"}").statusCode())
			.isEqualTo(201);
		// none is answered: only which weeks count as due decides the rate
		for (String thursday : List.of("2027-07-01", "2027-07-08", "2027-07-15", "2027-07-22", "2027-07-29",
				"2027-08-05")) {
			clock.set(Instant.parse(thursday + "T12:00:00Z"));
			scheduler.fire(id);
		}
		clock.set(Instant.parse("2027-08-06T09:00:00Z"));
		// the weeks before July that were never fired were recorded missed by the catch-up: they count as due
		List<PromptOccurrence> all = occurrences(id);
		assertThat(all).filteredOn(o -> "closed".equals(o.getSkipReason())).hasSize(4);
		long open = all.stream().filter(o -> !"closed".equals(o.getSkipReason())).count();
		assertThat(open).isGreaterThanOrEqualTo(2);

		String words = words(cohort.preview(org.fieldnotes.support.Accounts.personId(people, "UADMIN1")).orElseThrow());

		assertThat(words).contains("answered 0/" + open + " (0%), this week 0/1")
			.doesNotContain("answered 0/" + (open + 4));
	}

	@Test
	void aClosureWithoutAnEndLastsUntilResumedAndGetShowsIt() {
		String id = enrolThursdays();
		clock.set(Instant.parse("2026-12-07T09:00:00Z"));

		assertThat(post("/api/v1/placements:pause", ADMIN_TOKEN, "{}").statusCode()).isEqualTo(201);
		JsonNode shown = json(get("/api/v1/placements/" + id).body()).get("closures");
		assertThat(shown).hasSize(1);
		assertThat(shown.get(0).get("from").asString()).isEqualTo("2026-12-07");
		assertThat(shown.get(0).get("to").isNull()).isTrue();
		assertThat(shown.get(0).get("program").isNull()).as("every programme").isTrue();

		clock.set(Instant.parse("2026-12-10T13:00:00Z"));
		scheduler.fire(id);
		assertThat(occurrence(id, "2026-12-10").getSkipReason()).isEqualTo("closed");

		clock.set(Instant.parse("2026-12-14T09:00:00Z"));
		HttpResponse<String> resumed = post("/api/v1/placements:resume", ADMIN_TOKEN, "");
		assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
		assertThat(json(resumed.body()).get("ended").get(0).get("to").asString()).isEqualTo("2026-12-13");
		sent().reset();
		clock.set(Instant.parse("2026-12-17T13:00:00Z"));
		scheduler.fire(id);
		assertThat(occurrence(id, "2026-12-17").getStatus()).isEqualTo(OccurrenceStatus.SENT);
	}

	@Test
	void wrongDatesAreNamedAndAProgrammesTokenClosesOnlyItsOwn() {
		enrolThursdays();
		HttpResponse<String> wrong = post("/api/v1/placements:pause", ADMIN_TOKEN,
				"{\"from\": \"2027-07-31\", \"to\": \"2027-07-06\"}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong.body()).get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(mongo.getCollection("closures").countDocuments()).isZero();

		HttpResponse<String> token = postJson("/api/v1/tokens", "{\"name\":\"other\",\"program\":\"Other\"}");
		String other = json(token.body()).get("token").asString();
		HttpResponse<String> refused = post("/api/v1/placements:pause", other,
				"{\"program\": \"KTP 2026\", \"from\": \"2027-07-06\"}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo("program");
		HttpResponse<String> own = post("/api/v1/placements:pause", other, "{\"from\": \"2027-07-06\"}");
		assertThat(own.statusCode()).isEqualTo(201);
		assertThat(json(own.body()).get("program").asString()).isEqualTo("Other");
		assertThat(json(own.body()).get("placements").asInt()).as("Ada is in KTP 2026").isZero();
		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).isEmpty();
	}

	@Test
	void anAdminClosesAndReopensAProgrammeFromSlack() {
		enrolThursdays();

		String closed = commandAnswer("UADMIN1",
				"pause program:\"KTP 2026\" from:2027-07-06 to:2027-07-31 reason:\"summer closure\"");

		assertThat(closed).contains("Closed KTP 2026 from 6 Jul 2027 to 31 Jul 2027: no prompts on those days (1 placement).");
		org.bson.Document stored = mongo.getCollection("closures").find().first();
		assertThat(stored.getString("program")).isEqualTo("KTP 2026");
		assertThat(stored.getString("reason")).isEqualTo("summer closure");
		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("Reason: summer closure"));

		clock.set(Instant.parse("2027-07-12T09:00:00Z"));
		assertThat(commandAnswer("UADMIN1", "resume program:\"KTP 2026\"")).contains("Ended 1 closure");
		assertThat(mongo.getCollection("closures").find().first().get("to").toString()).contains("2027");
		assertThat(json(get("/api/v1/placements").body()).get(0).get("closures").get(0).get("to").asString())
			.isEqualTo("2027-07-11");

		assertThat(json(slashCommand("UBEATA", "pause program:Other from:2027-07-06").body()).get("text").asString())
			.startsWith("Sorry, only programme coordinators (admins) can do that.");
		assertThat(mongo.getCollection("closures").countDocuments()).isEqualTo(1);
	}

	private String enrolThursdays() {
		HttpResponse<String> response = postJson("/api/v1/placements",
				placementJson(ADA, "2026-11-02", "2027-09-30").replace("FRIDAY", "THURSDAY"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	private HttpResponse<String> post(String path, String token, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private PromptOccurrence occurrence(String placementId, String dueDate) {
		return occurrences(placementId).stream().filter(o -> o.getDueDate().equals(LocalDate.parse(dueDate)))
			.findFirst().orElseThrow(() -> new AssertionError("no occurrence due " + dueDate));
	}

	private List<PromptOccurrence> occurrences(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("dueDate")),
				PromptOccurrence.class);
	}
}
