package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.Test;

/** How long, for whom and how often a file offered in Teams is held: 15 minutes, its own chat, once. */
class TeamsFilesHeldTests {

	private static final ChatAccount ADA = TeamsMemberReferences.member("tenant-1", "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
	private final TeamsFiles files = new TeamsFiles(new ServiceUrls(List.of("smba.trafficmanager.net")),
			HttpClient.newHttpClient(), clock);

	@Test
	void aFileIsHeldFifteenMinutesThenForgotten() {
		String kept = key(files.offer(ADA, "a:conv-ada", new byte[] { 1, 2, 3 }, "data.json", "Your data"));
		String expired = key(files.offer(ADA, "a:conv-ada", new byte[] { 4 }, "data.md", "Your data"));

		clock.advance(TeamsFiles.KEPT.minusSeconds(1));
		assertThat(files.take("a:conv-ada", kept)).as("within 15 minutes").isPresent()
			.get().satisfies(f -> assertThat(f.bytes()).containsExactly(1, 2, 3));

		clock.advance(Duration.ofSeconds(1));
		assertThat(files.take("a:conv-ada", expired)).as("15 minutes on").isEmpty();
	}

	@Test
	void aFileGoesOnceAndOnlyToTheChatItWasOfferedIn() {
		String key = key(files.offer(ADA, "a:conv-ada", new byte[] { 1 }, "data.json", "Your data"));

		assertThat(files.take("a:conv-anders", key)).as("another chat").isEmpty();
		assertThat(files.take("a:conv-ada", key)).as("its own chat, still there").isPresent();
		assertThat(files.take("a:conv-ada", key)).as("once").isEmpty();
	}

	private static String key(tools.jackson.databind.node.ObjectNode activity) {
		return activity.get("attachments").get(0).get("content").get("acceptContext").get(TeamsFiles.KEY).asString();
	}
}
