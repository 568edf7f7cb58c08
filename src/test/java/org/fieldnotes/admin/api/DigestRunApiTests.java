package org.fieldnotes.admin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.access.TokenScope;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/digests/send} composes and queues this week's digests and answers at once, before any of them
 * is sent (the outbox's worker sends them, here when the test runs it); its {@code Location},
 * {@code GET /api/v1/digests/runs/{id}}, follows the run as the outbox delivers it.
 */
class DigestRunApiTests extends IntegrationTest {

	private static final String PROBLEM_JSON = "application/problem+json";
	private static final List<String> FOLLOWERS = List.of("UMAJA", "UANDERS", "UBEATA");

	@Autowired
	ApiTokens tokens;

	@Test
	void theSendAnswersWithWhatItQueuedBeforeAnyDigestGoesAndTheRunFollowsTheOutbox() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> sent = postJson("/api/v1/digests/send", "");

		assertThat(sent.statusCode()).isEqualTo(202);
		JsonNode started = json(sent.body());
		String run = started.get("run").asString();
		assertThat(sent.headers().firstValue("Location")).hasValue("/api/v1/digests/runs/" + run);
		assertThat(started.get("location").asString()).isEqualTo("/api/v1/digests/runs/" + run);
		assertThat(started.get("handled").asInt()).isEqualTo(3);
		assertThat(started.get("queued").asInt()).isEqualTo(3);
		assertThat(started.get("byChannel").get("slack").asInt()).isEqualTo(3);
		assertThat(started.get("skipped").asInt()).isZero();
		assertThat(started.get("digests")).hasSize(3)
			.allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("QUEUED"));
		// nothing went out while the request was held: it is all in the outbox, waiting for the worker
		for (String follower : FOLLOWERS) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).isEmpty();
		}
		assertThat(mongo.getCollection("outbox").countDocuments(new Document("status", "PENDING"))).isEqualTo(3);
		JsonNode waiting = progress(run);
		assertThat(waiting.get("queued").asInt()).isEqualTo(3);
		assertThat(waiting.get("waiting").asInt()).isEqualTo(3);
		assertThat(waiting.get("sent").asInt()).isZero();
		assertThat(waiting.get("done").asBoolean()).isFalse();

		assertThat(drainOutbox()).isEqualTo(3);

		JsonNode done = progress(run);
		assertThat(done.get("sent").asInt()).isEqualTo(3);
		assertThat(done.get("waiting").asInt()).isZero();
		assertThat(done.get("failed").asInt()).isZero();
		assertThat(done.get("done").asBoolean()).isTrue();
		for (String follower : FOLLOWERS) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
			assertThat(SlackStub.blockTexts(SlackStub.messagesTo(follower).get(0))).contains("Ada Lindqvist");
		}
	}

	@Test
	void aSecondRunBeforeTheFirstIsDeliveredQueuesNothingAndNobodyGetsTwo() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		String first = json(postJson("/api/v1/digests/send", "").body()).get("run").asString();

		JsonNode second = json(postJson("/api/v1/digests/send", "").body());

		assertThat(second.get("handled").asInt()).isZero();
		assertThat(second.get("queued").asInt()).isZero();
		assertThat(second.get("run").asString()).isNotEqualTo(first);
		assertThat(progress(second.get("run").asString()).get("done").asBoolean()).isTrue();
		assertThat(drainOutbox()).isEqualTo(3);
		for (String follower : FOLLOWERS) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).hasSize(1);
		}
	}

	@Test
	void theRunCountsWhatWasGivenUpAndWhatCouldNotGoPerChannelAndReason() {
		// the business coach has only an e-mail address, and no mail server is configured here
		enrolWith("\"businessCoach\": {\"name\": \"Ben Ek\", \"email\": \"ben.ek@biz.example\", \"locale\": \"en\"}");
		// Slack says the manager's account is gone: given up, not retried
		SlackStub.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("UMAJA"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error\":\"account_inactive\"}")));

		JsonNode started = json(postJson("/api/v1/digests/send", "").body());

		assertThat(started.get("handled").asInt()).isEqualTo(3);
		assertThat(started.get("queued").asInt()).isEqualTo(2);
		assertThat(started.get("byChannel").get("slack").asInt()).isEqualTo(2);
		assertThat(started.get("skipped").asInt()).isEqualTo(1);
		assertThat(started.get("skippedFor").get("mail_not_configured").asInt()).isEqualTo(1);
		drainOutbox();
		JsonNode done = progress(started.get("run").asString());
		assertThat(done.get("sent").asInt()).isEqualTo(1);
		assertThat(done.get("failed").asInt()).isEqualTo(1);
		assertThat(done.get("skipped").asInt()).isEqualTo(1);
		assertThat(done.get("waiting").asInt()).isZero();
		assertThat(done.get("done").asBoolean()).isTrue();
		assertThat(SlackStub.messagesTo("UANDERS")).hasSize(1);
	}

	@Test
	void anUnknownRunIsAProblemNamingIt() {
		HttpResponse<String> response = get("/api/v1/digests/runs/no-such-run");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith(PROBLEM_JSON));
		JsonNode problem = json(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("title").asString()).isEqualTo("Not found");
		assertThat(problem.get("detail").asString()).contains("no-such-run");
	}

	@Test
	void aRunIsFollowedWithTheSendsTokensAndNeedsOne() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		String location = postJson("/api/v1/digests/send", "").headers().firstValue("Location").orElseThrow();
		String readOnly = tokens.create("reporting", TokenScope.READ_ONLY, null, "test").token();

		assertThat(getWith(location, readOnly).statusCode()).as("a read-only token reads").isEqualTo(200);
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(location)).GET().build());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith(PROBLEM_JSON));
		HttpResponse<String> readOnlySend = send(HttpRequest.newBuilder(uri("/api/v1/digests/send"))
			.header("Authorization", "Bearer " + readOnly)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(readOnlySend.statusCode()).as("but does not send").isEqualTo(403);
	}

	private JsonNode progress(String run) {
		HttpResponse<String> response = get("/api/v1/digests/runs/" + run);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode progress = json(response.body());
		assertThat(progress.get("run").asString()).isEqualTo(run);
		return progress;
	}

	private HttpResponse<String> getWith(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
	}

	private void enrolWith(String businessCoach) {
		String body = placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
				businessCoach);
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}
}
