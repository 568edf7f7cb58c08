package org.fieldnotes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The outbox paces each platform as its adapter asks: Slack's one message a second to a conversation holds, while
 * the web chat (a platform of our own, with no such limit) is not made to wait. Both go through the outbox.
 */
class OutboxPacingPerPlatformTests extends IntegrationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxStore store;

	@Autowired
	OutboxSettings settings;

	@Autowired
	Messenger messenger;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	org.fieldnotes.mail.Mailer mailer;

	@Autowired
	List<PlatformMessenger> platforms;

	@Test
	void twoMessagesToOneWebMemberAreNotSpacedOutWhileTwoToOneSlackMemberAre() {
		OutboxSettings paced = new OutboxSettings(false, 1000, Duration.ofSeconds(1), 1, settings.lease(), 10,
				settings.backoff(), settings.maxBackoff(), settings.poll());
		List<Duration> waits = new ArrayList<>();
		long[] now = { 0 };
		Pacer.Ticker ticker = new Pacer.Ticker() {
			@Override
			public long nanos() {
				return now[0];
			}

			@Override
			public void sleep(Duration duration) {
				waits.add(duration);
				now[0] += duration.toNanos();
			}
		};
		OutboxWorker worker = new OutboxWorker(store, messenger, mailer, events, paced, clock, ticker);
		worker.pacing(platforms);
		ChatAccount web = new ChatAccount("web", null, "w-pacing1");
		for (String key : List.of("web:1", "web:2")) {
			outbox.enqueue(new Outgoing("test:" + key, MessageKind.NOTICE, key, web.memberId(), web,
					ChatMessage.text(key), List.of(), null));
		}

		worker.drain();

		assertThat(waits).isEmpty();
		assertThat(mongo.getCollection("web_messages").countDocuments()).isEqualTo(2);

		outbox.enqueue(TestMessages.toMember("test:slack:1", MessageKind.NOTICE, "1", "UADA", ChatMessage.text("one")));
		outbox.enqueue(TestMessages.toMember("test:slack:2", MessageKind.NOTICE, "2", "UADA", ChatMessage.text("two")));

		worker.drain();

		assertThat(SlackStub.messagesTo("UADA")).hasSize(2);
		assertThat(waits).containsExactly(Duration.ofSeconds(1));
	}
}
