package org.fieldnotes.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

/**
 * Which Web API calls come before the ack, as docs/architecture.md → "Write before ack" lists them. {@code send-now}
 * sends a prompt, so it is acknowledged first and answered through the command's {@code response_url}: with Slack
 * taking 5 seconds to take the prompt, the ack still comes back at once. A form opened by a slash command is opened
 * before the ack (its {@code trigger_id} lasts 3 seconds): {@code views.open} has been called when the ack arrives.
 * A refusal needs no call and is in the ack itself.
 */
class AckOrderTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";
	private static final Duration SLOW_SLACK = Duration.ofSeconds(5);

	@Test
	void sendNowIsAcknowledgedBeforeThePromptGoesToSlackAndAnsweredAfterwards() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		SlackStub.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"channel\":\"DUADA\",\"ts\":\"1764756000.000100\"}")
			.withFixedDelay((int) SLOW_SLACK.toMillis())));

		long start = System.nanoTime();
		HttpResponse<String> ack = slashCommand(ADMIN, "send-now <@UADA|ada>");
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).isEmpty();
		assertThat(took).as("the ack did not wait for Slack to take the prompt").isLessThan(SLOW_SLACK);
		await().atMost(Duration.ofSeconds(20)).until(() -> !SlackStub.commandResponses().isEmpty());
		assertThat(texts(SlackStub.commandResponses().get(0).get("blocks")))
			.contains("Sent Ada Lindqvist their next prompt (the one due Friday 4 Dec)");
		assertThat(SlackStub.commandResponses().get(0).get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(SlackStub.messagesTo("UADA")).hasSize(1);
	}

	@Test
	void aRefusedSendNowIsAnsweredInTheAckAndCallsNothing() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> ack = slashCommand("UBEATA", "send-now <@UADA|ada>");

		assertThat(json(ack.body()).get("text").asString())
			.isEqualTo("Sorry, only programme coordinators (admins) can do that. Ask yours if you need it done.");
		assertThat(SlackStub.commandResponses()).isEmpty();
		assertThat(SlackStub.messagesTo("UADA")).isEmpty();
	}

	@Test
	void aFormOpenedByTheSlashCommandIsOpenedBeforeTheAck() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> settings = slashCommand("UBEATA", "digest settings");
		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(SlackStub.calls("views.open")).as("called before the ack came back").hasSize(1);

		HttpResponse<String> enrolment = slashCommand(ADMIN, "enroll");
		assertThat(enrolment.statusCode()).isEqualTo(200);
		assertThat(SlackStub.calls("views.open")).hasSize(2);
		assertThat(SlackStub.calls("views.open")).extracting(c -> c.get("trigger_id")).containsOnly("1.2.3");
	}

	@Test
	void boltChecksItsTokenWithAuthTestAtMostOnceForManyRequests() {
		for (int i = 0; i < 3; i++) {
			assertThat(slashCommand("UBEATA", "help").statusCode()).isEqualTo(200);
		}

		assertThat(SlackStub.calls("auth.test")).hasSizeLessThanOrEqualTo(1);
	}
}
