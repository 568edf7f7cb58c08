package org.fieldnotes.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 429 holds for the workspace that answered it: messages to that workspace wait (the sender's and the worker's
 * alike) until its {@code Retry-After} has passed, and messages to another workspace go on. The pause is one
 * document per platform workspace in {@code outbox_pauses}.
 */
class WorkspacePauseTests extends IntegrationTest {

	@Autowired
	Outbox outbox;

	private static ChatMessage text(String text) {
		return ChatMessage.text(text);
	}

	@Test
	void aRateLimitInOneWorkspaceDoesNotHoldBackAnother() {
		// Slack rate limits workspace A (its member UA1 stands for it here): 30 s
		SlackStub.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=UA1"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
				.withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

		Delivery limited = outbox.send(TestMessages.toMember("test:a1", MessageKind.NOTICE, "a1", "TA", "UA1",
				text("to A")));
		assertThat(limited.status()).isEqualTo(OutboxStatus.PENDING);
		Document pause = mongo.findById("slack/TA", Document.class, OutboxStore.PAUSES);
		assertThat(pause.getDate("until").toInstant()).isEqualTo(DEFAULT_NOW.plusSeconds(30));
		assertThat(pause.getString("platform")).isEqualTo("slack");
		assertThat(pause.getString("workspace")).isEqualTo("TA");

		// another member of workspace A waits with it, without Slack being asked
		Delivery alsoA = outbox.send(TestMessages.toMember("test:a2", MessageKind.NOTICE, "a2", "TA", "UA2",
				text("also to A")));
		assertThat(alsoA.status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(SlackStub.messagesTo("UA2")).isEmpty();

		// workspace B goes on, from the sender and from the worker
		Delivery toB = outbox.send(TestMessages.toMember("test:b1", MessageKind.NOTICE, "b1", "TB", "UB1", text("to B")));
		assertThat(toB.isSent()).isTrue();
		outbox.enqueue(TestMessages.toMember("test:b2", MessageKind.NOTICE, "b2", "TB", "UB2", text("to B, queued")));
		clock.advance(Duration.ofSeconds(10));
		assertThat(drainOutbox()).as("only workspace B's message is claimed").isEqualTo(1);
		assertThat(SlackStub.messagesTo("UB2")).hasSize(1);
		assertThat(SlackStub.messagesTo("UA2")).isEmpty();
		assertThat(mongo.findById("slack/TB", Document.class, OutboxStore.PAUSES)).isNull();

		// once A's limit has passed, its messages go, each once
		SlackStub.reset();
		clock.set(DEFAULT_NOW.plusSeconds(30));
		assertThat(drainOutbox()).isEqualTo(2);
		assertThat(SlackStub.messagesTo("UA1")).hasSize(1);
		assertThat(SlackStub.messagesTo("UA2")).hasSize(1);
		assertThat(outbox.find("test:a1").orElseThrow().isSent()).isTrue();
		assertThat(outbox.find("test:a2").orElseThrow().isSent()).isTrue();
		assertThat(drainOutbox()).isZero();
	}

	@Test
	void aRateLimitOfAnAccountWhoseWorkspaceIsNotKnownPausesOnlyThoseAccounts() {
		SlackStub.rateLimited("chat.postMessage", 60);
		outbox.send(TestMessages.toMember("test:unknown", MessageKind.NOTICE, "u", "UX", text("workspace not known")));
		assertThat(mongo.findById("slack", Document.class, OutboxStore.PAUSES).getDate("until").toInstant())
			.isEqualTo(Instant.parse("2026-12-02T10:01:00Z"));

		SlackStub.reset();
		Delivery known = outbox.send(TestMessages.toMember("test:known", MessageKind.NOTICE, "k", "T1", "UY",
				text("workspace T1")));

		assertThat(known.isSent()).isTrue();
		assertThat(outbox.find("test:unknown").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
	}

	@Autowired
	OutboxStore store;

	@Autowired
	OutboxSettings settings;

	@Autowired
	org.fieldnotes.chat.Messenger messenger;

	@Autowired
	org.fieldnotes.mail.Mailer mailer;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void anIdleWorkerLooksAgainWhenARateLimitEndsRatherThanAPollLater() {
		OutboxWorker worker = new OutboxWorker(store, messenger, mailer, events, settings, clock);
		Duration poll = Duration.ofMillis(500);
		assertThat(worker.nap()).isEqualTo(poll);
		SlackStub.rateLimited("chat.postMessage", 1);

		outbox.enqueue(TestMessages.toMember("test:nap", MessageKind.NOTICE, "n", "TN", "UN1", text("to N")));
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(outbox.find("test:nap").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);

		// the limit ends in a second: a poll away and more
		assertThat(worker.nap()).isEqualTo(poll);
		clock.advance(Duration.ofMillis(800));
		assertThat(worker.nap()).as("the limit ends in 200 ms").isEqualTo(Duration.ofMillis(201));
		clock.advance(Duration.ofMillis(200));
		assertThat(worker.nap()).isEqualTo(poll);
	}
}
