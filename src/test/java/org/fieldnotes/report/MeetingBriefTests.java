package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scheduled steering meetings: the admin API and {@code /fieldnotes meeting} schedule them; two work days before,
 * at 08:00 on the participant's clock, each reader gets the brief as they may read it, since the previous meeting,
 * once, however many runs, instances and restarts. The {@link ReportFixture} placement; its readers are in
 * Stockholm (Anders reads Swedish).
 */
class MeetingBriefTests extends ReportFixture {

	@Autowired
	MeetingBriefs briefs;

	@BeforeEach
	void placement() {
		createPlacement();
	}

	@Test
	void theApiSchedulesListsAndCancelsAMeetingAndRefusesBadInputNamingTheField() {
		HttpResponse<String> created = postJson(meetings(), "{\"date\": \"2026-12-10\", \"title\": \"Quarter 1\"}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		var meeting = json(created.body());
		assertThat(meeting.get("date").asString()).isEqualTo("2026-12-10");
		assertThat(meeting.get("title").asString()).isEqualTo("Quarter 1");
		assertThat(meeting.get("placementId").asString()).isEqualTo(placementId);
		// Thursday 10 Dec: two work days before is Tuesday 8 Dec, 08:00 in Stockholm
		assertThat(meeting.get("briefsAt").asString()).isEqualTo("2026-12-08T07:00:00Z");
		assertThat(meeting.get("briefedAt").isNull()).isTrue();
		assertThat(json(get(meetings()).body())).hasSize(1);

		for (String[] bad : new String[][] { { "{\"date\": \"10/12/2026\"}", "date" },
				{ "{\"date\": \"2026-12-07\"}", "date" }, { "{\"title\": \"no day\"}", "date" },
				{ "{\"date\": \"2026-12-10\", \"title\": \"" + "x".repeat(201) + "\"}", "title" } }) {
			HttpResponse<String> refused = postJson(meetings(), bad[0]);
			assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			assertThat(json(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo(bad[1]);
		}
		assertThat(mongo.getCollection("meetings").countDocuments()).as("nothing half-saved").isEqualTo(1);

		HttpResponse<String> cancelled = delete(meetings() + "/" + meeting.get("id").asString());
		assertThat(cancelled.statusCode()).isEqualTo(204);
		assertThat(delete(meetings() + "/" + meeting.get("id").asString()).statusCode()).isEqualTo(404);
		assertThat(json(get(meetings()).body())).isEmpty();
		assertThat(mongo.getCollection("audit").countDocuments(new Document("action", "meeting-cancel"))).isOne();
	}

	@Test
	void aCoachAndAnAdminScheduleByCommandAndAStrangerLearnsNothing() {
		assertThat(commandAnswer("UBEATA", "meeting <@UADA|ada> date:2026-12-10 title:\"Quarterly steering\""))
			.contains("Steering meeting for Ada Lindqvist on 10 Dec 2026 scheduled")
			.contains("8 Dec 2026");
		assertThat(commandAnswer("UADMIN1", "meeting <@UADA|ada> date:2027-03-11")).contains("11 Mar 2027");
		assertThat(commandAnswer("USTRANGER", "meeting <@UADA|ada> date:2027-03-18"))
			.contains("You coach or coordinate no current placement of that person");
		assertThat(commandAnswer("UBEATA", "meeting <@UADA|ada> date:tomorrow")).contains("date:YYYY-MM-DD");
		assertThat(commandAnswer("UBEATA", "meeting <@UADA|ada>")).contains("10 Dec 2026 — Quarterly steering")
			.contains("11 Mar 2027");
		assertThat(mongo.getCollection("meetings").countDocuments()).isEqualTo(2);
		assertThat(json(get(meetings()).body()).get(0).get("title").asString()).isEqualTo("Quarterly steering");
	}

	@Test
	void eachReaderGetsTheBriefTheyMayReadOnceTwoWorkDaysBeforeSinceThePreviousMeeting() {
		// both meetings scheduled on 24 Nov; the first (27 Nov) is briefed on 25 Nov
		clock.set(Instant.parse("2026-11-24T10:00:00Z"));
		assertThat(postJson(meetings(), "{\"date\": \"2026-11-27\"}").statusCode()).isEqualTo(201);
		assertThat(postJson(meetings(), "{\"date\": \"2026-12-10\", \"title\": \"Quarter <1> & *more*\"}")
			.statusCode()).isEqualTo(201);
		clock.set(Instant.parse("2026-11-25T07:00:00Z"));
		assertThat(briefs.run()).isOne();
		assertThat(drainOutbox()).isEqualTo(3);
		Map<String, Integer> before = Map.of("UANDERS", SlackStub.messagesTo("UANDERS").size(), "UBEATA",
				SlackStub.messagesTo("UBEATA").size(), "UMAJA", SlackStub.messagesTo("UMAJA").size());

		clock.set(Instant.parse("2026-12-08T06:59:00Z"));
		assertThat(briefs.run()).as("a minute early").isZero();
		clock.set(Instant.parse("2026-12-08T07:00:00Z"));
		assertThat(briefs.run()).isOne();
		assertThat(briefs.run()).as("a second run, or another instance").isZero();
		assertThat(drainOutbox()).isEqualTo(3);

		String anders = latestTo("UANDERS", before);
		assertThat(anders).contains("Inför styrgruppsmötet den 10 dec. 2026: Quarter &lt;1&gt; &amp; ∗more∗")
			.contains(CONFIDENTIAL_WORDS)
			.contains(PLAN)
			.doesNotContain(COACHES_WORDS)
			.doesNotContain(PRIVATE_WORDS)
			.contains("27 nov. 2026");
		String beata = latestTo("UBEATA", before);
		assertThat(beata).contains("For the steering meeting on 10 Dec 2026")
			.contains(PLAN)
			.contains(PLACEMENT_WORDS)
			.doesNotContain(CONFIDENTIAL_WORDS)
			.doesNotContain(COACHES_WORDS)
			.doesNotContain(PRIVATE_WORDS);
		String maja = latestTo("UMAJA", before);
		assertThat(maja).contains(PLACEMENT_WORDS)
			.doesNotContain(PLAN)
			.doesNotContain(CONFIDENTIAL_WORDS)
			.doesNotContain(PRIVATE_WORDS);
		assertThat(mongo.getCollection("meetings").find(new Document("date", "2026-12-10")).first()
			.getString("briefing")).isEqualTo("QUEUED");
	}

	@Test
	void aMeetingClaimedByAnInstanceThatDiedBeforeTheOutboxIsBriefedOnceByTheNextRun() {
		clock.set(Instant.parse("2026-12-07T10:00:00Z"));
		String id = json(postJson(meetings(), "{\"date\": \"2026-12-10\"}").body()).get("id").asString();
		// what an instance leaves when it dies between its claim and the outbox
		mongo.getCollection("meetings").updateOne(new Document("_id", id), new Document("$set",
				new Document("briefedAt", java.util.Date.from(Instant.parse("2026-12-08T07:00:00Z")))
					.append("briefing", "PENDING")));
		clock.set(Instant.parse("2026-12-08T07:15:00Z"));

		assertThat(briefs.run()).as("nothing left to claim").isZero();
		assertThat(drainOutbox()).isEqualTo(3);
		assertThat(briefs.run()).isZero();
		assertThat(drainOutbox()).isZero();
		for (String reader : List.of("UANDERS", "UBEATA", "UMAJA")) {
			assertThat(SlackStub.messagesTo(reader)).as(reader).hasSize(1);
		}
		assertThat(mongo.getCollection("meetings").find(new Document("_id", id)).first().getString("briefing"))
			.isEqualTo("QUEUED");
	}

	@Test
	void anErasedParticipantsMeetingsGoWithThem() {
		assertThat(postJson(meetings(), "{\"date\": \"2026-12-10\"}").statusCode()).isEqualTo(201);
		HttpResponse<String> export = get("/api/v1/people/" + ada + "/export");
		assertThat(export.body()).contains("\"meetings\"");

		HttpResponse<String> erased = send(HttpRequest.newBuilder(uri("/api/v1/people/" + ada))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
		assertThat(erased.statusCode()).as(erased.body()).isLessThan(300);
		assertThat(mongo.getCollection("meetings").countDocuments()).isZero();
	}

	private String meetings() {
		return "/api/v1/placements/" + placementId + "/meetings";
	}

	private HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
	}

	private static String latestTo(String member, Map<String, Integer> before) {
		List<Map<String, String>> messages = SlackStub.messagesTo(member);
		assertThat(messages).as("briefs to %s", member).hasSize(before.get(member) + 1);
		return SlackStub.blockTexts(messages.get(messages.size() - 1));
	}
}
