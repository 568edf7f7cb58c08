package org.fieldnotes.admin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.delivery.TestMessages;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.http.Fault;

import tools.jackson.databind.JsonNode;

class DeliveriesApiTests extends IntegrationTest {

	@Autowired
	Outbox outbox;

	@Test
	void adminsSeeTheOutboxCountsAndWhoCouldNotBeReachedWithoutAnyMessageText() {
		outbox.send(TestMessages.toMember("test:ok", MessageKind.NOTICE, "1", "UADA", ChatMessage.text("Sent fine")));
		SlackStub.error("chat.postMessage", "account_inactive");
		outbox.send(TestMessages.toMember("test:gone", MessageKind.PROMPT, "2", "UGONE", ChatMessage.text("Words for nobody")));

		HttpResponse<String> response = get("/api/v1/deliveries");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response.body());
		assertThat(body.get("counts").get("SENT").asLong()).isEqualTo(1);
		assertThat(body.get("counts").get("FAILED").asLong()).isEqualTo(1);
		assertThat(body.get("counts").get("PENDING").asLong()).isZero();
		assertThat(body.get("possiblyDuplicated").asLong()).isZero();
		assertThat(body.get("failed")).hasSize(1);
		JsonNode failed = body.get("failed").get(0);
		assertThat(failed.get("key").asString()).isEqualTo("test:gone");
		assertThat(failed.get("kind").asString()).isEqualTo("PROMPT");
		assertThat(failed.get("recipient").asString()).isEqualTo("UGONE");
		assertThat(failed.get("reason").asString()).isEqualTo("account_inactive");
		assertThat(response.body()).doesNotContain("Words for nobody").doesNotContain("Sent fine");
	}

	@Test
	void aMessageSentAgainAfterASendWithNoAnswerIsCountedAsPossiblyDuplicated() {
		SlackStub.server()
			.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("drop")
				.whenScenarioStateIs(STARTED)
				.willSetStateTo("answered")
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		outbox.send(TestMessages.toMember("test:unknown", MessageKind.NOTICE, "1", "UADA", ChatMessage.text("Twice?")));
		clock.advance(Duration.ofMinutes(1));
		drainOutbox();

		JsonNode body = json(get("/api/v1/deliveries").body());

		assertThat(body.get("counts").get("SENT").asLong()).isEqualTo(1);
		assertThat(body.get("possiblyDuplicated").asLong()).isEqualTo(1);
	}

	@Test
	void aLimitOutOfRangeOrNotANumberIsA400NamingIt() {
		for (String limit : new String[] { "0", "501", "-3", "many" }) {
			HttpResponse<String> response = get("/api/v1/deliveries?limit=" + limit);
			assertThat(response.statusCode()).as(limit).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("limit");
		}
	}
}
