package org.fieldnotes.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.MemberReferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * When the demo is offered: with no chat platform configured, unless {@code FIELDNOTES_DEMO=false}; with Slack
 * configured, only with {@code FIELDNOTES_DEMO=true}; never without the web chat adapter. Each decision is logged
 * once with its reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoGateTests {

	private static final AccountReferences WEB = new AccountReferences(List.of(references("web")));
	private static final AccountReferences SLACK_ONLY = new AccountReferences(List.of(references("slack")));

	@Test
	void onWhenNoChatPlatformIsConfigured(CapturedOutput output) {
		assertThat(gate(null, new MockEnvironment(), WEB).enabled()).isTrue();
		assertThat(output).contains("Demo (Try it) is on: no chat platform is configured");
	}

	@Test
	void aBlankSlackTokenCountsAsNone() {
		assertThat(gate("", slack(" "), WEB).enabled()).isTrue();
	}

	@Test
	void offWhenSlackIsConfigured(CapturedOutput output) {
		assertThat(gate(null, slack("xoxb-1"), WEB).enabled()).isFalse();
		assertThat(output).contains("Demo (Try it) is off: a chat platform is configured (fieldnotes.slack.bot-token");
		assertThat(output).doesNotContain("xoxb-1");
	}

	@Test
	void offWhenTeamsIsConfigured(CapturedOutput output) {
		MockEnvironment teams = new MockEnvironment().withProperty("fieldnotes.teams.app-id", "6f1b6f7e-app");
		assertThat(gate(null, teams, WEB).enabled()).isFalse();
		assertThat(output).contains("a chat platform is configured (fieldnotes.teams.app-id");
	}

	@Test
	void trueTurnsItOnEvenWithSlack(CapturedOutput output) {
		assertThat(gate("true", slack("xoxb-1"), WEB).enabled()).isTrue();
		assertThat(output).contains("Demo (Try it) is on: FIELDNOTES_DEMO=true");
	}

	@Test
	void falseTurnsItOffAlways() {
		assertThat(gate("false", new MockEnvironment(), WEB).enabled()).isFalse();
		assertThat(gate("FALSE", slack("xoxb-1"), WEB).enabled()).isFalse();
	}

	@Test
	void offWithoutTheWebChatAdapter(CapturedOutput output) {
		assertThat(gate("true", new MockEnvironment(), SLACK_ONLY).enabled()).isFalse();
		assertThat(output).contains("Demo (Try it) is off: no web chat adapter is registered");
	}

	@Test
	void aValueThatIsNeitherTrueNorFalseStopsStartUpNamingTheVariable() {
		assertThatThrownBy(() -> new DemoSettings("yes", 200, Duration.ofHours(24)))
			.hasMessageContaining("FIELDNOTES_DEMO must be true, false or empty");
		assertThatThrownBy(() -> new DemoSettings(null, -1, Duration.ofHours(24)))
			.hasMessageContaining("FIELDNOTES_DEMO_MAX");
		assertThatThrownBy(() -> new DemoSettings(null, 200, Duration.ZERO)).hasMessageContaining("FIELDNOTES_DEMO_TTL");
	}

	private static DemoGate gate(String enabled, MockEnvironment environment, AccountReferences references) {
		return new DemoGate(new DemoSettings(enabled, 200, Duration.ofHours(24)), environment, references);
	}

	private static MockEnvironment slack(String token) {
		return new MockEnvironment().withProperty("fieldnotes.slack.bot-token", token);
	}

	private static MemberReferences references(String platform) {
		return new MemberReferences() {
			@Override
			public String platform() {
				return platform;
			}

			@Override
			public Optional<ChatAccount> account(String word, String workspace) {
				return Optional.empty();
			}

			@Override
			public List<ChatAccount> mentions(String text, String workspace) {
				return List.of();
			}

			@Override
			public String written(ChatAccount account) {
				return account.memberId();
			}

			@Override
			public String describe() {
				return "an id";
			}
		};
	}
}
